/**
 * Runs the turns of one conversation one at a time. The in-process queue keeps arrival order inside a
 * process; `RedisTurnLock` adds a lease shared by every process on the same Redis.
 */
export interface TurnLock {
  runExclusive<T>(key: string, fn: () => Promise<T>, companion?: LeaseCompanion): Promise<T>;
  /**
   * Like `runExclusive`, but only the first call with this claim (an inbound activity's identity) runs;
   * a redelivery or a duplicate gets `{ ran: false }`. A run that fails gives its claim back, and so does,
   * with Redis, a process killed mid-turn (its lease lapses), so a redelivery of an activity that had no
   * recorded effect is served.
   */
  runOnce<T>(
    key: string,
    claim: string,
    fn: () => Promise<T>,
    companion?: LeaseCompanion,
  ): Promise<Claimed<T>>;
}

/**
 * Reads that travel in the lease request's round trip. The lock calls `start` in the tick it sends its
 * first lease request, so whatever `start` sends to the same Redis connection goes out with it and runs
 * right after it (Redis runs one connection's commands in order). When that request took the lease those
 * reads ran under it and stand; otherwise (the lease was busy, the script had to be loaded) the lock calls
 * `discard` before `fn`, and the turn reads again. A lock without Redis calls neither.
 */
export interface LeaseCompanion {
  start(): void;
  discard(): void;
}

export type Claimed<T> = { readonly ran: true; readonly value: T } | { readonly ran: false };

/** How long an activity's claim is remembered: redeliveries come within minutes. */
export const CLAIM_TTL_SECONDS = 3_600;

/** Claims remembered in memory, oldest forgotten first past `max` entries or after the TTL. */
export class ClaimSet {
  private readonly claims = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly ttlMs = CLAIM_TTL_SECONDS * 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the claim was free and is now taken. */
  claim(id: string): boolean {
    const at = this.now();
    const expires = this.claims.get(id);
    if (expires !== undefined && expires > at) return false;
    this.claims.delete(id);
    this.claims.set(id, at + this.ttlMs);
    while (this.claims.size > this.max) {
      const oldest = this.claims.keys().next().value as string;
      this.claims.delete(oldest);
    }
    return true;
  }

  release(id: string): void {
    this.claims.delete(id);
  }

  get size(): number {
    return this.claims.size;
  }
}

export class InProcessTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly claims = new ClaimSet();

  async runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      // Forget the key once nobody queues behind us, so the map does not grow with every conversation.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  async runOnce<T>(key: string, claim: string, fn: () => Promise<T>): Promise<Claimed<T>> {
    if (!this.claims.claim(claim)) return { ran: false };
    try {
      return { ran: true, value: await this.runExclusive(key, fn) };
    } catch (err) {
      this.claims.release(claim);
      throw err;
    }
  }

  /** Conversations with a turn running or waiting (for tests and metrics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
