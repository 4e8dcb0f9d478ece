import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';
import { stateRedisKey } from '../state/redis-storage';
import { decodePayload, ETAG_LENGTH } from '../state/storage-codec';
import { DecryptionError, type ValueCipher } from '../state/value-cipher';

/**
 * Replaces a value only if it is still the one read: a turn that saved meanwhile wins and the key is tried
 * again. The eTag is kept (the document did not change), and so is the expiry.
 */
const SWAP = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1`);

export interface ReencryptCounts {
  readonly keyId: string;
  readonly scanned: number;
  /** Rewritten under the newest key (including plaintext values encrypted for the first time). */
  readonly reencrypted: number;
  readonly alreadyCurrent: number;
  /** Values no configured key can decrypt (an old key removed too early) or that are not state envelopes. */
  readonly failed: number;
  /** Keys that kept changing under concurrent turns; run again. */
  readonly conflicts: number;
}

/**
 * Re-encrypts every state value under `keyPrefix` that is not under the newest key (key rotation: put the
 * new key first in ENCRYPTION_KEYS, keep the old ones until this reports nothing left, then drop them).
 */
export async function reencryptAll(
  client: RedisClient,
  keyPrefix: string,
  cipher: ValueCipher,
  attempts = 5,
): Promise<ReencryptCounts> {
  const head = stateRedisKey(keyPrefix, '');
  const counts = {
    keyId: cipher.currentKeyId,
    scanned: 0,
    reencrypted: 0,
    alreadyCurrent: 0,
    failed: 0,
    conflicts: 0,
  };
  for await (const batch of client.scanIterator({
    MATCH: `${escapeGlob(head)}*`,
    COUNT: 500,
    TYPE: 'string',
  })) {
    for (const redisKey of batch) {
      counts.scanned += 1;
      const outcome = await reencryptKey(client, redisKey, redisKey.slice(head.length), cipher, attempts);
      counts[outcome] += 1;
    }
  }
  return counts;
}

type Outcome = 'reencrypted' | 'alreadyCurrent' | 'failed' | 'conflicts';

async function reencryptKey(
  client: RedisClient,
  redisKey: string,
  storageKey: string,
  cipher: ValueCipher,
  attempts: number,
): Promise<Outcome> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const raw = await client.get(redisKey);
    if (raw === null) return 'alreadyCurrent'; // deleted meanwhile: nothing left to protect
    const sep = raw.indexOf('\n');
    if (sep !== ETAG_LENGTH) return 'failed';
    const payload = raw.slice(sep + 1);
    if (cipher.isCurrent(payload)) return 'alreadyCurrent';
    let json: string;
    try {
      json = decodePayload(payload, cipher, storageKey);
    } catch (err) {
      if (err instanceof DecryptionError) return 'failed';
      throw err;
    }
    const next = `${raw.slice(0, sep)}\n${cipher.encrypt(json, storageKey)}`;
    if ((await SWAP.run<number>(client, [redisKey], [raw, next])) === 1) return 'reencrypted';
  }
  return 'conflicts';
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
