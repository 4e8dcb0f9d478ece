import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from '../errors';
import { decodeItem, encodeItem, expectedETag, newETag } from './storage-codec';
import type { ValueCipher } from './value-cipher';

interface Entry {
  readonly raw: string;
  readonly expiresAt?: number;
}

/**
 * The embedded-mode twin of `RedisStorage`, with the same semantics (atomic multi-key write with eTag
 * compare-and-set, TTL, values copied in and out), so both pass one contract suite.
 */
export class InMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { ttlSeconds?: number; now?: () => number; cipher?: ValueCipher } = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = decodeItem(entry.raw, this.options.cipher, key);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    for (const key of keys) {
      const expected = expectedETag(changes[key] as StoreItems[string]);
      const current = this.live(key);
      if (expected !== undefined && current && !current.raw.startsWith(`${expected}\n`)) {
        throw new ETagConflictError(key);
      }
    }
    const ttl = this.options.ttlSeconds ?? 0;
    for (const key of keys) {
      const raw = encodeItem(changes[key] as StoreItems[string], newETag(), this.options.cipher, key);
      this.entries.set(key, ttl > 0 ? { raw, expiresAt: this.now() + ttl * 1000 } : { raw });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.entries.delete(key);
  }

  /** Live keys starting with `prefix` (one batch), like `RedisStorage.keys`. */
  async *keys(prefix: string): AsyncIterable<string[]> {
    yield [...this.entries.keys()].filter((key) => key.startsWith(prefix) && this.live(key));
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
