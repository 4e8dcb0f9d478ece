import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError, TemporarilyUnavailableError } from '../errors';
import type { RedisClient } from './redis-client';
import { RedisScript } from './redis-script';
import { decodeItem, encodeItem, expectedETag, ETAG_LENGTH, newETag } from './storage-codec';
import type { ValueCipher } from './value-cipher';

/*
 * Checks every eTag first and writes only when all match, so a turn's conversation and user state are
 * saved together or not at all. ARGV: for each key i, [expected eTag or '', ttl seconds or 0, value].
 * Returns 0 on success, else the 1-based index of the first conflicting key.
 */
const WRITE_SCRIPT = `
for i = 1, #KEYS do
  local expected = ARGV[3 * i - 2]
  if expected ~= '' then
    local head = redis.call('GETRANGE', KEYS[i], 0, ${ETAG_LENGTH - 1})
    if head ~= '' and head ~= expected then return i end
  end
end
for i = 1, #KEYS do
  local ttl = tonumber(ARGV[3 * i - 1])
  if ttl > 0 then
    redis.call('SET', KEYS[i], ARGV[3 * i], 'EX', ttl)
  else
    redis.call('SET', KEYS[i], ARGV[3 * i])
  end
end
return 0
`;
const writeScript = new RedisScript(WRITE_SCRIPT);

export type StateOperation = 'read' | 'write' | 'delete';

export interface RedisStorageOptions {
  readonly keyPrefix: string;
  /** Seconds until a key expires after its last write; 0 or undefined keeps it. */
  readonly ttlSeconds?: number | ((key: string) => number | undefined);
  /** Called once per Redis round trip, for metrics and the benchmark. */
  readonly onRoundTrip?: (op: StateOperation) => void;
  /** Encrypts every stored document (the JSON after the eTag); absent = plaintext (development, tests). */
  readonly cipher?: ValueCipher;
}

/**
 * botbuilder `Storage` on Redis: one round trip to read all keys of a turn (MGET), one to write all changed
 * keys atomically with eTag compare-and-set (a Lua script), one to delete.
 */
export class RedisStorage implements Storage {
  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisStorageOptions,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const values = await this.call('read', () => this.client.mGet(keys.map((k) => this.redisKey(k))));
    const items: StoreItems = {};
    values.forEach((raw, i) => {
      const key = keys[i] as string;
      if (typeof raw === 'string') items[key] = decodeItem(raw, this.options.cipher, key);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args: string[] = [];
    for (const key of keys) {
      const item = changes[key] as StoreItems[string];
      const value = encodeItem(item, newETag(), this.options.cipher, key);
      args.push(expectedETag(item) ?? '', String(this.ttlFor(key) ?? 0), value);
    }
    const redisKeys = keys.map((k) => this.redisKey(k));
    const conflict = await this.call('write', () => writeScript.run<number>(this.client, redisKeys, args));
    if (conflict !== 0) throw new ETagConflictError(keys[conflict - 1] ?? '?');
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.call('delete', () => this.client.del(keys.map((k) => this.redisKey(k))));
  }

  /** Storage keys starting with `prefix`, in batches (SCAN, never KEYS), for listings outside turns. */
  async *keys(prefix: string): AsyncIterable<string[]> {
    const base = this.redisKey('');
    const match = `${escapeGlob(base + prefix)}*`;
    for await (const batch of this.client.scanIterator({ MATCH: match, COUNT: 500 })) {
      if (batch.length > 0) yield batch.map((k) => k.slice(base.length));
    }
  }

  private redisKey(key: string): string {
    return stateRedisKey(this.options.keyPrefix, key);
  }

  private ttlFor(key: string): number | undefined {
    const ttl = this.options.ttlSeconds;
    return typeof ttl === 'function' ? ttl(key) : ttl;
  }

  private async call<T>(op: StateOperation, fn: () => Promise<T>): Promise<T> {
    this.options.onRoundTrip?.(op);
    try {
      return await fn();
    } catch (err) {
      throw new TemporarilyUnavailableError(`Redis ${op} failed`, { cause: err, store: 'state' });
    }
  }
}

/** The Redis key of a storage key (also used by the re-encryption, which works on raw keys). */
export function stateRedisKey(keyPrefix: string, key: string): string {
  return `${keyPrefix}state:${key}`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
