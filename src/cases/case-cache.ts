import type { Case } from '../domain/case';

/**
 * Parsed cases by storage eTag. An eTag names one stored version, so a hit is always current; it spares a
 * full schema parse on turns that find the case unchanged. Cases are immutable values, safe to share.
 */
export class CaseCache {
  private readonly entries = new Map<string, Case>();

  constructor(private readonly capacity = 2_000) {}

  get(eTag: unknown): Case | undefined {
    return typeof eTag === 'string' ? this.entries.get(eTag) : undefined;
  }

  set(eTag: unknown, record: Case): void {
    if (typeof eTag !== 'string') return;
    this.entries.set(eTag, record);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
