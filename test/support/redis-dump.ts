import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../../src/state/redis-client';
import { ValueCipher } from '../../src/state/value-cipher';

/** The personal data of the sample customer (test/dialogs/early-steps-harness.ts). */
export const PERSONAL_NEEDLES = ['17291716060', '+905321234567', '5321234567', 'ayse.yilmaz@ornek.com.tr'];

export function testKey(id: string): { id: string; key: Buffer } {
  return { id, key: randomBytes(32) };
}

export function encryptionKeysEnv(keys: readonly { id: string; key: Buffer }[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

export interface DumpedKey {
  readonly key: string;
  readonly type: string;
  /** Everything the key holds, as text (state payloads decrypted when a cipher is given). */
  readonly text: string;
}

/** Every key under a prefix with its whole content, whatever its type (SCAN, never KEYS). */
export async function dumpPrefix(
  client: RedisClient,
  prefix: string,
  cipher?: ValueCipher,
): Promise<DumpedKey[]> {
  const dumped: DumpedKey[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    for (const key of batch) {
      const type = await client.type(key);
      let parts: string[] = [];
      if (type === 'string') parts = [(await client.get(key)) ?? ''];
      else if (type === 'list') parts = await client.lRange(key, 0, -1);
      else if (type === 'hash') parts = Object.entries(await client.hGetAll(key)).flat();
      else if (type === 'set') parts = await client.sMembers(key);
      else if (type === 'zset') parts = await client.zRange(key, 0, -1);
      else if (type === 'stream')
        parts = (await client.xRange(key, '-', '+')).flatMap((e) => Object.entries(e.message).flat());
      const text = parts.map((p) => (cipher ? decryptEnvelope(p, cipher, key, prefix) : p)).join('\n');
      dumped.push({ key, type, text });
    }
  }
  return dumped;
}

function decryptEnvelope(value: string, cipher: ValueCipher, redisKey: string, prefix: string): string {
  // Transcript lines are encrypted whole, with their Redis key bound in; state values sit behind an eTag.
  if (ValueCipher.isEncrypted(value)) return cipher.decrypt(value, redisKey);
  const sep = value.indexOf('\n');
  const payload = value.slice(sep + 1);
  if (!ValueCipher.isEncrypted(payload)) return value;
  const storageKey = redisKey.slice(`${prefix}state:`.length);
  return `${value.slice(0, sep)}\n${cipher.decrypt(payload, storageKey)}`;
}

/** Keys (or values) that contain any of the needles, for a readable failure message. */
export function findNeedles(dump: readonly DumpedKey[], needles = PERSONAL_NEEDLES): string[] {
  return dump.flatMap((d) =>
    needles
      .filter((n) => d.key.includes(n) || d.text.includes(n))
      .map((n) => `${d.key} (${d.type}) holds ${n}`),
  );
}
