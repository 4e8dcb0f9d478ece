import type { CaseRepository } from '../cases/case-repository';
import { anonymiseCase, isRetentionDue, type Actor, type Case, type RetentionPolicy } from '../domain/case';
import type { Logger } from '../observability/logger';
import type { CaseEraser } from './case-eraser';
import { caseIdHash, type ErasureLog } from './erasure-log';
import type { SweepLease } from './sweep-lease';

/** Lists storage keys by prefix (both storages can). */
export interface KeyScanner {
  keys(prefix: string): AsyncIterable<string[]>;
}

export interface RetentionSweepDeps {
  readonly keys: KeyScanner;
  readonly repository: CaseRepository;
  readonly eraser: CaseEraser;
  readonly log: ErasureLog;
  readonly policy: RetentionPolicy;
  readonly now?: () => Date;
  /** One sweep at a time: across processes with Redis, within this one in the embedded mode. */
  readonly lease: SweepLease;
  readonly logger?: Logger;
}

export interface SweepCounts {
  readonly scanned: number;
  readonly anonymised: number;
  readonly failed: number;
  /** False when another process held the sweep lease. */
  readonly ran: boolean;
}

const ACTOR: Actor = { kind: 'system', id: 'retention' };
export const RETENTION_SWEEP_EVERY_MS = 3600_000;

/**
 * Anonymises cases whose retention ran out (finished or abandoned, idle for the configured days).
 *
 * An hourly timer in the worker processes rather than a BullMQ repeatable job: the sweep is idempotent and
 * day-granular, so a missed or doubled hour costs nothing, and it needs no queue of its own. A lease in
 * Redis (SET NX PX) keeps replicas from sweeping at the same time; each case changes through the case
 * repository's compare-and-set, so a customer's turn running meanwhile is never overwritten.
 */
export class RetentionSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepCounts> | undefined;

  constructor(private readonly deps: RetentionSweepDeps) {}

  start(everyMs = RETENTION_SWEEP_EVERY_MS): void {
    // A sweep that fails (Redis away) is logged and tried again at the next tick; it must never reject
    // into nothing, which would end the process.
    this.timer ??= setInterval(
      () =>
        void this.runOnce().catch((err: unknown) =>
          this.deps.logger?.warn({ err: { message: (err as Error).message } }, 'retention sweep failed'),
        ),
      everyMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One sweep (the timer's, or a test's); resolves with what it did. */
  runOnce(): Promise<SweepCounts> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<SweepCounts> {
    const release = await this.deps.lease.acquire();
    if (!release) return { scanned: 0, anonymised: 0, failed: 0, ran: false };
    let scanned = 0;
    let anonymised = 0;
    let failed = 0;
    try {
      for await (const batch of this.deps.keys.keys('cases/')) {
        for (const key of batch) {
          scanned += 1;
          try {
            if (await this.anonymiseIfDue(key.slice('cases/'.length))) anonymised += 1;
          } catch (err) {
            failed += 1;
            this.deps.logger?.warn({ err: { message: (err as Error).message } }, 'retention: case skipped');
          }
        }
      }
    } finally {
      await release();
    }
    const counts = { scanned, anonymised, failed, ran: true };
    this.deps.logger?.info(counts, 'retention sweep');
    return counts;
  }

  /** True when the case was due and is now anonymised. */
  private async anonymiseIfDue(caseId: string): Promise<boolean> {
    const now = this.now();
    let before: Case | undefined;
    const after = await this.deps.repository.update(caseId, (current) => {
      if (!isRetentionDue(current, now, this.deps.policy)) return undefined;
      before = current;
      return anonymiseCase(current, ACTOR, now.toISOString());
    });
    if (!before || !after || after === before) return false;
    // The case stays (anonymous); what surrounds it goes: chat state, reminders, transcript, handoff.
    await this.deps.eraser.forgetTraces(caseId, before.channels);
    await this.deps.log.record({
      caseIdHash: caseIdHash(caseId),
      at: now.toISOString(),
      actorKind: ACTOR.kind,
      action: 'anonymised',
      found: true,
    });
    return true;
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
