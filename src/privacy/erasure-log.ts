import { createHash } from 'node:crypto';
import type { RedisClient } from '../state/redis-client';

/** What is kept of an erased case: that an erasure happened, when, and by whom (kind only). */
export interface ErasureRecord {
  /** A hash of the case id: shows an erasure was carried out without keeping a handle on the person. */
  readonly caseIdHash: string;
  readonly at: string;
  readonly actorKind: string;
  /** 'erased' (on request) or 'anonymised' (retention). */
  readonly action: 'erased' | 'anonymised';
  /** False when no case was stored under the id (the remaining traces were removed all the same). */
  readonly found: boolean;
}

export interface ErasureLog {
  record(entry: ErasureRecord): Promise<void>;
  /** The newest `count` records, newest first. */
  recent(count: number): Promise<ErasureRecord[]>;
}

/** Records kept: enough for years of requests, bounded so the list never grows without limit. */
export const ERASURE_LOG_CAP = 100_000;

export function caseIdHash(caseId: string): string {
  return createHash('sha256').update(`erasure\n${caseId}`).digest('base64url').slice(0, 22);
}

/** A capped Redis list `<prefix>erasures`, newest first. */
export class RedisErasureLog implements ErasureLog {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async record(entry: ErasureRecord): Promise<void> {
    const key = this.key();
    await this.client
      .multi()
      .lPush(key, JSON.stringify(entry))
      .lTrim(key, 0, ERASURE_LOG_CAP - 1)
      .exec();
  }

  async recent(count: number): Promise<ErasureRecord[]> {
    const raw = await this.client.lRange(this.key(), 0, count - 1);
    return raw.map((entry) => JSON.parse(entry) as ErasureRecord);
  }

  private key(): string {
    return `${this.keyPrefix}erasures`;
  }
}

export class InMemoryErasureLog implements ErasureLog {
  private readonly entries: ErasureRecord[] = [];

  async record(entry: ErasureRecord): Promise<void> {
    this.entries.unshift(entry);
    this.entries.length = Math.min(this.entries.length, ERASURE_LOG_CAP);
  }

  async recent(count: number): Promise<ErasureRecord[]> {
    return this.entries.slice(0, count);
  }
}
