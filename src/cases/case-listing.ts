import { DecryptionError } from '../state/value-cipher';
import type { Storage } from 'botbuilder';
import type { Case } from '../domain/case';
import { caseStorageKey } from './case-keys';
import { isEmptyRecord, readCaseRecord } from './case-record';

/** A Storage that can also enumerate its keys (RedisStorage with SCAN, InMemoryStorage). */
export interface ListableStorage extends Storage {
  keys(prefix: string): AsyncIterable<string[]>;
}

export function isListableStorage(storage: Storage): storage is ListableStorage {
  return typeof (storage as Partial<ListableStorage>).keys === 'function';
}

export interface CaseVisit {
  /** Ids of stored cases that no longer fit the schema (skipped; see UnreadableCaseError). */
  readonly unreadable: readonly string[];
}

const BATCH = 200;

/**
 * Every stored case, for the admin API's lists, counts and exports: a SCAN over the case keys and one
 * multi-key read per batch. An integrator has a few thousand cases, so walking them all per request is
 * cheaper than keeping a second index consistent with every compare-and-set write.
 *
 * `decode` turns a stored record into a case; it is the repository's reader, so anything the repository
 * does on read (migration, decryption) must happen here too.
 */
export class CaseListing {
  constructor(
    private readonly storage: ListableStorage,
    private readonly decode: (
      caseId: string,
      raw: Readonly<Record<string, unknown>>,
    ) => Case = readCaseRecord,
  ) {}

  async forEach(visit: (record: Case) => void): Promise<CaseVisit> {
    const prefix = caseStorageKey('');
    const seen = new Set<string>();
    const unreadable: string[] = [];
    for await (const batch of this.storage.keys(prefix)) {
      // SCAN may return a key twice.
      const fresh = batch.filter((key) => !seen.has(key));
      fresh.forEach((key) => seen.add(key));
      for (let i = 0; i < fresh.length; i += BATCH) {
        const keys = fresh.slice(i, i + BATCH);
        const items = await this.readBatch(keys, prefix, unreadable);
        for (const key of keys) {
          const raw = items[key] as Record<string, unknown> | undefined;
          if (!raw || isEmptyRecord(raw)) continue;
          const caseId = key.slice(prefix.length);
          let record: Case;
          try {
            record = this.decode(caseId, raw);
          } catch {
            unreadable.push(caseId);
            continue;
          }
          visit(record);
        }
      }
    }
    return { unreadable };
  }

  /**
   * One read for the batch; if a value cannot be decrypted (say, under a key no longer configured), key by
   * key, so one bad value is reported as unreadable instead of failing the whole listing. Any other failure
   * (Redis away) fails the listing.
   */
  private async readBatch(
    keys: string[],
    prefix: string,
    unreadable: string[],
  ): Promise<Record<string, unknown>> {
    try {
      return await this.storage.read(keys);
    } catch (batchError) {
      if (!(batchError instanceof DecryptionError)) throw batchError;
      const items: Record<string, unknown> = {};
      for (const key of keys) {
        try {
          Object.assign(items, await this.storage.read([key]));
        } catch (err) {
          if (!(err instanceof DecryptionError)) throw err;
          unreadable.push(key.slice(prefix.length));
        }
      }
      return items;
    }
  }
}
