import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TemporarilyUnavailableError } from '../errors';
import type { RedisClient } from './redis-client';
import { RedisScript } from './redis-script';
import {
  CLAIM_TTL_SECONDS,
  InProcessTurnLock,
  type Claimed,
  type LeaseCompanion,
  type TurnLock,
} from './turn-lock';

/**
 * KEYS[1] the lease, KEYS[2] (optional) the activity's claim; ARGV token, lease ms, claim ttl s.
 * The claim holds the token of the turn that runs the activity, then `done` once that turn finished.
 * -1: a duplicate (the activity is done, or running under its holder's live lease); 1: lease taken (and
 * the claim, when given); 0: lease busy. A claim whose holder's lease is gone belongs to a turn that died
 * (a killed process): the activity had no recorded effect, so the next delivery of it takes the claim over.
 */
const ACQUIRE = new RedisScript(
  `local owner = KEYS[2] and redis.call('GET', KEYS[2])
   if owner == 'done' then return -1 end
   if owner and redis.call('GET', KEYS[1]) == owner then return -1 end
   if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
   if KEYS[2] then redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3]) end
   return 1`,
);
/** Renews our lease, or takes it back if it lapsed and nobody took it meanwhile (0: someone else has it). */
const RENEW = new RedisScript(
  `local owner = redis.call('GET', KEYS[1])
   if owner == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
   if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
   return 0`,
);
/**
 * Releases our lease and settles our claim: `done` after a turn that finished (ARGV[2] = '0'), given back
 * after one that failed (ARGV[2] = '1'), so a redelivery of an activity that had no effect is served.
 */
const RELEASE = new RedisScript(
  `if KEYS[2] and redis.call('GET', KEYS[2]) == ARGV[1] then
     if ARGV[2] == '1' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], 'done', 'EX', ARGV[3]) end
   end
   if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
   return 0`,
);

/** A release to send again: the lease and claim keys, the script's arguments, and when the lease lapses. */
interface OwedRelease {
  readonly keys: readonly string[];
  readonly args: readonly string[];
  readonly until: number;
}

/** Owed releases kept at most (an outage across many conversations); the oldest is dropped first. */
const MAX_OWED = 10_000;

export interface RedisTurnLockOptions {
  readonly keyPrefix: string;
  /**
   * How long a lease lives without renewal: a process killed mid-turn blocks its conversation at most this
   * long. A live turn renews it every quarter lease, so a long turn keeps it however long it runs.
   */
  readonly leaseMs: number;
  /** How long a turn waits for the lease before giving up with "temporarily unavailable". */
  readonly waitMs: number;
  /** How long an activity's claim (duplicate detection) is kept. */
  readonly claimTtlSeconds?: number;
}

/**
 * A lease per conversation in Redis (SET NX PX with a random token, renewed while the turn runs, released
 * only by its owner), behind an in-process FIFO so a process never competes with itself. `runOnce` claims
 * the activity in the same script call that takes the lease, so duplicate detection costs no extra round trip.
 *
 * If renewals fail (Redis away longer than a lease) another process may take the conversation over; the
 * storage's eTag check then refuses this turn's save, so no update is lost.
 */
export class RedisTurnLock implements TurnLock {
  private readonly local = new InProcessTurnLock();
  /** Releases that failed (Redis away), by lease key, sent again with that key's next lease request. */
  private readonly owed = new Map<string, OwedRelease>();

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisTurnLockOptions,
  ) {}

  private get claimTtl(): string {
    return String(this.options.claimTtlSeconds ?? CLAIM_TTL_SECONDS);
  }

  runExclusive<T>(key: string, fn: () => Promise<T>, companion?: LeaseCompanion): Promise<T> {
    return this.local.runExclusive(key, async () => {
      const result = await this.leased(key, undefined, fn, companion);
      if (!result.ran) throw new Error('unreachable: no claim, no duplicate');
      return result.value;
    });
  }

  runOnce<T>(
    key: string,
    claim: string,
    fn: () => Promise<T>,
    companion?: LeaseCompanion,
  ): Promise<Claimed<T>> {
    return this.local.runExclusive(key, () => this.leased(key, claim, fn, companion));
  }

  private async leased<T>(
    key: string,
    claim: string | undefined,
    fn: () => Promise<T>,
    companion: LeaseCompanion | undefined,
  ): Promise<Claimed<T>> {
    const prefix = this.options.keyPrefix;
    const keys = [`${prefix}lock:${key}`];
    if (claim !== undefined)
      keys.push(`${prefix}seen:${createHash('sha256').update(claim).digest('base64url')}`);
    const token = randomUUID();
    const acquired = await this.acquire(keys, token, companion);
    if (!acquired) return { ran: false };
    const leaseMs = String(this.options.leaseMs);
    const renewal = setInterval(
      () => void RENEW.run(this.client, keys.slice(0, 1), [token, leaseMs]).catch(() => undefined),
      Math.max(50, Math.floor(this.options.leaseMs / 4)),
    );
    renewal.unref();
    let failed = true;
    try {
      const value = await fn();
      failed = false;
      return { ran: true, value };
    } finally {
      clearInterval(renewal);
      // If Redis is gone the lease expires, or is released with this conversation's next lease request.
      await this.release({ keys, args: [token, failed ? '1' : '0', this.claimTtl], until: 0 });
    }
  }

  private async release(release: OwedRelease): Promise<void> {
    try {
      await RELEASE.run(this.client, release.keys, release.args);
    } catch {
      if (this.owed.size >= MAX_OWED) this.owed.delete(this.owed.keys().next().value as string);
      const until = release.until || Date.now() + this.options.leaseMs;
      this.owed.set(release.keys[0] as string, { ...release, until });
    }
  }

  /** Sends an owed release of this lease ahead of a new request for it (same round trip), if still useful. */
  private settleOwed(leaseKey: string): void {
    const owed = this.owed.get(leaseKey);
    if (!owed) return;
    this.owed.delete(leaseKey);
    if (owed.until > Date.now()) void this.release(owed);
  }

  /**
   * False when the claim belongs to another turn (a duplicate activity). The companion's reads stand only
   * when the first request, as first sent, took the lease.
   */
  private async acquire(
    keys: readonly string[],
    token: string,
    companion: LeaseCompanion | undefined,
  ): Promise<boolean> {
    const deadline = Date.now() + this.options.waitMs;
    const args = [token, String(this.options.leaseMs), this.claimTtl];
    let backoff = 2;
    let prefetched = companion !== undefined;
    const discard = () => {
      if (prefetched) companion?.discard();
      prefetched = false;
    };
    this.settleOwed(keys[0] as string);
    for (let first = true; ; first = false) {
      let result: number;
      try {
        const request = ACQUIRE.run<number>(this.client, keys, args, discard);
        if (first) companion?.start();
        result = await request;
      } catch (err) {
        discard();
        throw new TemporarilyUnavailableError('turn lock: Redis unavailable', {
          cause: err,
          store: 'turn-lock',
        });
      }
      if (result !== 1) discard();
      if (result === -1) return false;
      if (result === 1) return true;
      if (Date.now() >= deadline) {
        throw new TemporarilyUnavailableError('turn lock: timed out waiting', { store: 'turn-lock' });
      }
      await sleep(backoff + Math.random() * backoff);
      backoff = Math.min(backoff * 2, 50);
    }
  }
}
