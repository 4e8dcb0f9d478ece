import type { Logger } from '../../observability/logger';
import { InMemoryMessageDedupe, type MessageDedupe } from './inbox';
import { whatsAppUserId, type WaInbound, type WaOutbound, type WaRecipient } from './types';

/**
 * The accepted-messages queue between the webhook and the turns: "a message accepted is a message
 * processed, once".
 *
 * `accept` claims each message id and makes the fresh messages (and every status) durable before the
 * webhook answers 200; a consumer in every web process then runs them, one customer's messages in the
 * order they were accepted. With Redis that is one Lua script (claim + XADD to `wa:inbox` + the customer's
 * order list), a consumer group whose entries are acknowledged and deleted once processed, and entries of
 * a dead process claimed by another (XAUTOCLAIM) once idle. In the embedded mode the twin keeps the same
 * contract in memory (nothing survives a crash there, as with the rest of the embedded state).
 *
 * This file holds the contract, the per-customer lane runner and the in-memory twin; the Redis queue is
 * in redis-inbox-queue.ts, its Lua scripts in redis-inbox-scripts.ts and its journal in redis-turn-journal.ts.
 */
export interface InboxQueue {
  /**
   * Claims and enqueues; returns the events taken on (duplicates left out). Throws when nothing could be
   * stored: the webhook answers 503 and Meta's retry brings the messages back.
   */
  accept(events: readonly WaInbound[]): Promise<WaInbound[]>;
  /** Starts handing entries to `handler`. An entry is acknowledged once the handler resolves. */
  start(handler: InboxHandler): void;
  /** Stops taking new entries and waits for those taken to be processed. */
  stop(): Promise<void>;
}

export type InboxHandler = (event: WaInbound, journal: TurnJournal) => Promise<void>;

/** Replies of a turn, sent to one recipient. */
export interface ReplyJournal {
  /**
   * The turn's replies are about to be sent (its state is already saved): recorded with them, so a
   * restart sends what is missing instead of running the turn again. May be called again (more replies).
   */
  commit(to: WaRecipient, messages: readonly WaOutbound[]): Promise<void>;
  /** One more of the committed replies reached the Graph API. */
  sent(): Promise<void>;
}

/** Where earlier attempts at a message got to. */
export type TurnProgress =
  | { readonly state: 'new' }
  /** A turn was started and may or may not have saved its state: it runs again. */
  | { readonly state: 'started' }
  /** The turn completed; these replies (from `sent` on) still have to go out. */
  | {
      readonly state: 'committed';
      readonly to: WaRecipient;
      readonly replies: readonly WaOutbound[];
      readonly sent: number;
    }
  | { readonly state: 'done' };

/** One message's processing record (a no-op for statuses and in the embedded mode). */
export interface TurnJournal extends ReplyJournal {
  load(): Promise<TurnProgress>;
  /** Marks the turn as begun (before it touches any state). */
  start(): Promise<void>;
}

/** The journal of statuses and of the embedded mode: nothing recorded, every turn new. */
export const NO_JOURNAL: TurnJournal = {
  load: async () => ({ state: 'new' }),
  start: async () => undefined,
  commit: async () => undefined,
  sent: async () => undefined,
};

export interface InboxQueueOptions {
  readonly logger: Logger;
  /** At most this many entries held (read, not yet acknowledged) by one process. */
  readonly maxInFlight?: number;
}

/** A queued event: its id (a stream id, or a sequence in memory) and its lane. */
export interface InboxEntry {
  readonly id: string;
  /** The customer's pseudonymous id; entries of one customer run one at a time, in id order. */
  readonly lane: string;
  readonly event: WaInbound;
}

/**
 * Runs entries per customer lane: one at a time in a lane, lanes in parallel. Subclasses fetch entries and
 * say what "done" means.
 */
export abstract class LaneRunner {
  protected handler?: InboxHandler;
  protected stopping = false;
  private readonly lanes = new Map<string, InboxEntry[]>();
  private readonly running = new Map<string, Promise<void>>();
  protected readonly log: Logger;

  constructor(logger: Logger) {
    this.log = logger;
  }

  protected get held(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n;
  }

  protected heldIds(): string[] {
    return [...this.lanes.values()].flatMap((lane) => lane.map((e) => e.id));
  }

  protected holds(id: string): boolean {
    for (const lane of this.lanes.values()) if (lane.some((e) => e.id === id)) return true;
    return false;
  }

  protected dispatch(entry: InboxEntry): void {
    let lane = this.lanes.get(entry.lane);
    if (!lane) {
      lane = [];
      this.lanes.set(entry.lane, lane);
    }
    if (lane.some((e) => e.id === entry.id)) return;
    lane.push(entry);
    lane.sort((a, b) => compareIds(a.id, b.id));
    if (!this.running.has(entry.lane)) this.running.set(entry.lane, this.runLane(entry.lane));
  }

  protected async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async runLane(key: string): Promise<void> {
    const lane = this.lanes.get(key) as InboxEntry[];
    while (lane.length > 0) {
      const entry = lane[0] as InboxEntry;
      let go: 'run' | 'later' | 'abandon';
      try {
        go = await this.mayRun(entry);
      } catch (err) {
        this.log.warn({ err: errorSummary(err) }, 'whatsapp inbox order check failed');
        go = this.stopping ? 'abandon' : 'later';
      }
      if (go === 'abandon') {
        // Left pending: another process (or this one after a restart) claims it once it is idle.
        lane.length = 0;
        break;
      }
      if (go === 'later') {
        await sleep(100);
        continue;
      }
      try {
        await this.process(entry);
      } catch (err) {
        this.log.error({ err: errorSummary(err) }, 'whatsapp inbox entry not processed; will be retried');
      } finally {
        // Held (and so refreshed) until processed; an older entry may have been sorted in front meanwhile.
        const at = lane.indexOf(entry);
        if (at >= 0) lane.splice(at, 1);
      }
    }
    // Both at once (no await in between): an entry dispatched from now on starts a new runner.
    this.lanes.delete(key);
    this.running.delete(key);
  }

  /** Whether the lane's first entry may run now (an older one of the customer may be elsewhere). */
  protected abstract mayRun(entry: InboxEntry): Promise<'run' | 'later' | 'abandon'>;
  protected abstract process(entry: InboxEntry): Promise<void>;
}

/** The embedded-mode twin: the same claim-then-queue contract, in memory. */
export class InMemoryInboxQueue extends LaneRunner implements InboxQueue {
  private seq = 0;
  private readonly backlog: InboxEntry[] = [];

  constructor(
    private readonly dedupe: MessageDedupe = new InMemoryMessageDedupe(),
    options: InboxQueueOptions,
  ) {
    super(options.logger);
  }

  /** All or nothing, as with Redis: when a claim fails, those made are given back and nothing is queued. */
  async accept(events: readonly WaInbound[]): Promise<WaInbound[]> {
    const claims = await Promise.allSettled(
      events.map(async (e) => e.kind === 'status' || (await this.dedupe.claim(e.messageId))),
    );
    const failed = claims.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failed) {
      await Promise.allSettled(
        events.map(async (e, i) => {
          const c = claims[i];
          if (e.kind === 'message' && c?.status === 'fulfilled' && c.value)
            await this.dedupe.release?.(e.messageId);
        }),
      );
      throw failed.reason;
    }
    const accepted = events.filter((_, i) => {
      const c = claims[i];
      return c?.status === 'fulfilled' && c.value;
    });
    for (const event of accepted) {
      this.seq += 1;
      const entry = { id: `${this.seq}-0`, lane: laneOf(event, this.seq), event };
      if (this.handler && !this.stopping) this.dispatch(entry);
      else this.backlog.push(entry);
    }
    return accepted;
  }

  start(handler: InboxHandler): void {
    this.handler = handler;
    this.stopping = false;
    for (const entry of this.backlog.splice(0)) this.dispatch(entry);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  protected async mayRun(): Promise<'run'> {
    return 'run';
  }

  protected async process(entry: InboxEntry): Promise<void> {
    await this.handler?.(entry.event, NO_JOURNAL);
  }
}

function laneOf(event: WaInbound, seq: number): string {
  return event.kind === 'message' ? whatsAppUserId(event.from.userKey) : `status:${seq}`;
}

/** Stream ids are `<ms>-<seq>`; compared as numbers, not as strings. */
export function compareIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const ms = BigInt(am) - BigInt(bm);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const s = BigInt(as) - BigInt(bs);
  return s === 0n ? 0 : s < 0n ? -1 : 1;
}

/** What a log line keeps of an error. */
export function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
