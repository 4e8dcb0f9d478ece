import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../observability/logger';
import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';
import type { ValueCipher } from '../state/value-cipher';
import {
  DEFAULT_DEDUPE_TTL_SECONDS,
  InMemoryMessageDedupe,
  messageIdHash,
  type MessageDedupe,
} from './inbox';
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

const NO_JOURNAL: TurnJournal = {
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

interface Entry {
  readonly id: string;
  /** The customer's pseudonymous id; entries of one customer run one at a time, in id order. */
  readonly lane: string;
  readonly event: WaInbound;
}

/**
 * Runs entries per customer lane: one at a time in a lane, lanes in parallel. Subclasses fetch entries and
 * say what "done" means.
 */
abstract class LaneRunner {
  protected handler?: InboxHandler;
  protected stopping = false;
  private readonly lanes = new Map<string, Entry[]>();
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

  protected dispatch(entry: Entry): void {
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
    const lane = this.lanes.get(key) as Entry[];
    while (lane.length > 0) {
      const entry = lane[0] as Entry;
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
  protected abstract mayRun(entry: Entry): Promise<'run' | 'later' | 'abandon'>;
  protected abstract process(entry: Entry): Promise<void>;
}

/** The embedded-mode twin: the same claim-then-queue contract, in memory. */
export class InMemoryInboxQueue extends LaneRunner implements InboxQueue {
  private seq = 0;
  private readonly backlog: Entry[] = [];

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

  protected async process(entry: Entry): Promise<void> {
    await this.handler?.(entry.event, NO_JOURNAL);
  }
}

export interface RedisInboxQueueOptions extends InboxQueueOptions {
  readonly keyPrefix: string;
  readonly cipher?: ValueCipher;
  /** Entries held this long by a consumer that does not refresh them are taken over (default 15 s; refreshed every quarter of it). */
  readonly claimIdleMs?: number;
  /** How often to look for such entries (default 5 s). */
  readonly claimEveryMs?: number;
  /** XREADGROUP BLOCK (default 1 s): bounds how long a stop waits for the reader. */
  readonly blockMs?: number;
  readonly ttlSeconds?: number;
  readonly consumerName?: string;
}

export const INBOX_GROUP = 'turns';

/*
 * KEYS[1] stream; per event i: KEYS[2i] its seen key, KEYS[2i+1] its customer's order list (both the
 * stream key for statuses). ARGV[1] ttl seconds; per event: kind ('m' | 's'), lane, payload.
 * Returns 1 per event taken on, 0 per duplicate. Claim, entry and order are written together or not at all.
 */
const ACCEPT = new RedisScript(`
local ttl = tonumber(ARGV[1])
local out = {}
for i = 1, (#ARGV - 1) / 3 do
  local kind, lane, payload = ARGV[3 * i - 1], ARGV[3 * i], ARGV[3 * i + 1]
  local fresh = 1
  if kind == 'm' then
    if redis.call('SET', KEYS[2 * i], '1', 'NX', 'EX', ttl) then fresh = 1 else fresh = 0 end
  end
  if fresh == 1 then
    local id = redis.call('XADD', KEYS[1], '*', 'l', lane, 'e', payload)
    if kind == 'm' then
      redis.call('RPUSH', KEYS[2 * i + 1], id)
      redis.call('EXPIRE', KEYS[2 * i + 1], ttl)
    end
  end
  out[i] = fresh
end
return out
`);

/*
 * KEYS[1] stream, KEYS[2] the seen key (or ''), KEYS[3] the order list (or ''); ARGV group, id.
 * Marks the message done, acknowledges and deletes the entry and drops it from the customer's order.
 */
const FINISH = new RedisScript(`
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], 'd', 'KEEPTTL') end
if KEYS[3] ~= '' then redis.call('LREM', KEYS[3], 1, ARGV[2]) end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
`);

/*
 * KEYS[1] stream; ARGV group, consumer, ids…: resets the idle time of the entries this consumer still
 * owns (a live consumer's entries are never taken over), leaving any another consumer took alone.
 */
const REFRESH = new RedisScript(`
local mine = {}
for i = 3, #ARGV do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then mine[#mine + 1] = ARGV[i] end
end
local n = #mine
if n == 0 then return 0 end
mine[n + 1] = 'JUSTID'
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(mine))
return n
`);

type StreamEntry = [id: string, fields: string[] | null];

/**
 * The Redis queue. The blocking XREADGROUP runs on a connection of its own (a duplicate of the shared
 * client), with a short BLOCK, so neither turns nor a shutdown wait behind it.
 */
export class RedisInboxQueue extends LaneRunner implements InboxQueue {
  readonly streamKey: string;
  readonly consumer: string;
  private readonly claimIdleMs: number;
  private readonly claimEveryMs: number;
  private readonly blockMs: number;
  private readonly ttlSeconds: number;
  private readonly maxInFlight: number;
  private reader?: RedisClient;
  private loop?: Promise<void>;
  private refresher?: NodeJS.Timeout;
  private wake?: () => void;
  private lastProblemLog = 0;
  /** Messages run again after an earlier attempt died mid-turn (see TurnProgress 'started'). */
  rerunCount = 0;

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisInboxQueueOptions,
  ) {
    super(options.logger.child({ inbox: 'redis' }));
    this.streamKey = `${options.keyPrefix}wa:inbox`;
    this.consumer = options.consumerName ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.claimIdleMs = options.claimIdleMs ?? 15_000;
    this.claimEveryMs = options.claimEveryMs ?? 5_000;
    this.blockMs = options.blockMs ?? 1_000;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_DEDUPE_TTL_SECONDS;
    this.maxInFlight = options.maxInFlight ?? 64;
  }

  async accept(events: readonly WaInbound[]): Promise<WaInbound[]> {
    if (events.length === 0) return [];
    const keys = [this.streamKey];
    const args = [String(this.ttlSeconds)];
    for (const event of events) {
      const lane = event.kind === 'message' ? whatsAppUserId(event.from.userKey) : '';
      keys.push(
        event.kind === 'message' ? this.seenKey(event.messageId) : this.streamKey,
        event.kind === 'message' ? this.orderKey(lane) : this.streamKey,
      );
      args.push(event.kind === 'message' ? 'm' : 's', lane, this.seal(JSON.stringify(event)));
    }
    const fresh = await ACCEPT.run<number[]>(this.client, keys, args);
    return events.filter((_, i) => fresh[i] === 1);
  }

  start(handler: InboxHandler): void {
    if (this.loop) return;
    this.handler = handler;
    this.stopping = false;
    const reader = this.client.duplicate();
    reader.on('error', (err: Error) => this.problem(err, 'whatsapp inbox reader connection problem'));
    this.reader = reader;
    this.refresher = setInterval(() => void this.refresh(), Math.max(250, Math.floor(this.claimIdleMs / 4)));
    this.refresher.unref();
    this.loop = this.run(reader);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const reader = this.reader;
    if (this.loop) {
      // A read blocks at most blockMs; a reader stuck on a dead connection is cut after a grace period.
      const cut = setTimeout(() => reader?.destroy(), this.blockMs + 2_000);
      await this.loop.catch(() => undefined);
      clearTimeout(cut);
    }
    await this.settled();
    if (this.refresher) clearInterval(this.refresher);
    this.refresher = undefined;
    this.loop = undefined;
    this.reader = undefined;
    if (reader?.isOpen) {
      try {
        await reader.close();
      } catch {
        reader.destroy();
      }
    }
    await this.forgetConsumerIfIdle();
  }

  private async run(reader: RedisClient): Promise<void> {
    let groupReady = false;
    let nextClaim = 0;
    while (!this.stopping) {
      try {
        if (!reader.isOpen) await reader.connect();
        if (!this.client.isReady || !reader.isReady) {
          await this.pause(200);
          continue;
        }
        if (!groupReady) {
          await this.ensureGroup();
          groupReady = true;
        }
        if (Date.now() >= nextClaim) {
          await this.claimIdle();
          nextClaim = Date.now() + this.claimEveryMs;
        }
        if (this.held >= this.maxInFlight) {
          await this.pause(50);
          continue;
        }
        const reply = await reader.sendCommand<[string, StreamEntry[]][] | null>([
          'XREADGROUP',
          'GROUP',
          INBOX_GROUP,
          this.consumer,
          'COUNT',
          String(Math.min(20, this.maxInFlight - this.held)),
          'BLOCK',
          String(this.blockMs),
          'STREAMS',
          this.streamKey,
          '>',
        ]);
        for (const [, entries] of reply ?? []) this.take(entries);
      } catch (err) {
        if (this.stopping) break;
        if (err instanceof Error && err.message.startsWith('NOGROUP')) groupReady = false;
        this.problem(err, 'whatsapp inbox read failed; retrying');
        await this.pause(500);
      }
    }
  }

  /** Reading from 0 on creation: entries accepted before any consumer existed are not skipped. */
  private async ensureGroup(): Promise<void> {
    try {
      await this.client.sendCommand(['XGROUP', 'CREATE', this.streamKey, INBOX_GROUP, '0', 'MKSTREAM']);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('BUSYGROUP')) throw err;
    }
  }

  /** Takes over entries of consumers that stopped refreshing them (a process that died). */
  private async claimIdle(): Promise<void> {
    let cursor = '0-0';
    for (let page = 0; page < 10 && this.held < this.maxInFlight; page += 1) {
      const [next, entries] = await this.client.sendCommand<[string, StreamEntry[], string[]?]>([
        'XAUTOCLAIM',
        this.streamKey,
        INBOX_GROUP,
        this.consumer,
        String(this.claimIdleMs),
        cursor,
        'COUNT',
        '20',
      ]);
      const live = entries.filter((e) => !this.holds(e[0]));
      if (live.length > 0) {
        this.log.warn({ entries: live.length }, 'whatsapp inbox entries of a stopped consumer taken over');
      }
      this.take(entries);
      cursor = next;
      if (cursor === '0-0') break;
    }
  }

  private take(entries: readonly StreamEntry[]): void {
    for (const [id, fields] of entries) {
      if (!fields) continue;
      const entry = this.decode(id, fields);
      if (entry) this.dispatch(entry);
      else void this.finish(id, undefined, '').catch(() => undefined);
    }
  }

  private decode(id: string, fields: readonly string[]): Entry | undefined {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] as string, fields[i + 1] as string);
    try {
      const event = reviveEvent(JSON.parse(this.open(map.get('e') ?? '')));
      const lane = map.get('l') || `status:${id}`;
      return { id, lane, event };
    } catch (err) {
      this.log.error({ err: errorSummary(err), entry: id }, 'whatsapp inbox entry unreadable; dropped');
      return undefined;
    }
  }

  protected async mayRun(entry: Entry): Promise<'run' | 'later' | 'abandon'> {
    if (entry.event.kind !== 'message') return 'run';
    const orderKey = this.orderKey(entry.lane);
    const head = await this.client.lIndex(orderKey, 0);
    if (head === null || head === entry.id || compareIds(head, entry.id) > 0) return 'run';
    // An older message of this customer is not done yet. Gone from the stream: a leftover, dropped.
    const exists = await this.client.sendCommand<unknown[]>(['XRANGE', this.streamKey, head, head]);
    if (exists.length === 0) {
      await this.client.lRem(orderKey, 1, head);
      return 'later';
    }
    // Held by another process (here it would sort first): wait for it, unless this one stops.
    return this.stopping ? 'abandon' : 'later';
  }

  protected async process(entry: Entry): Promise<void> {
    const journal =
      entry.event.kind === 'message' ? new RedisTurnJournal(this, entry.event.messageId) : NO_JOURNAL;
    await this.handler?.(entry.event, journal);
    const isMessage = entry.event.kind === 'message';
    await this.finish(
      entry.id,
      isMessage ? this.seenKey((entry.event as { messageId: string }).messageId) : undefined,
      isMessage ? this.orderKey(entry.lane) : '',
    );
  }

  private finish(id: string, seenKey: string | undefined, orderKey: string): Promise<number> {
    return FINISH.run<number>(this.client, [this.streamKey, seenKey ?? '', orderKey], [INBOX_GROUP, id]);
  }

  private async refresh(): Promise<void> {
    const ids = this.heldIds();
    if (ids.length === 0 || !this.client.isReady) return;
    try {
      await REFRESH.run<number>(this.client, [this.streamKey], [INBOX_GROUP, this.consumer, ...ids]);
    } catch (err) {
      this.problem(err, 'whatsapp inbox entries not refreshed');
    }
  }

  private async forgetConsumerIfIdle(): Promise<void> {
    if (!this.client.isReady) return;
    try {
      const pending = await this.client.sendCommand<[number, ...unknown[]]>([
        'XPENDING',
        this.streamKey,
        INBOX_GROUP,
        '-',
        '+',
        '1',
        this.consumer,
      ]);
      if (pending.length === 0) {
        await this.client.sendCommand(['XGROUP', 'DELCONSUMER', this.streamKey, INBOX_GROUP, this.consumer]);
      }
    } catch {
      // No group yet, or Redis away: nothing to tidy.
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private problem(err: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastProblemLog < 10_000) return;
    this.lastProblemLog = now;
    this.log.warn({ err: errorSummary(err) }, message);
  }

  /** @internal used by the journal */
  seenKey(messageId: string): string {
    return `${this.options.keyPrefix}wa:seen:${messageIdHash(messageId)}`;
  }

  private orderKey(lane: string): string {
    return `${this.options.keyPrefix}wa:order:${lane}`;
  }

  /** @internal */
  seal(plain: string, associated = this.streamKey): string {
    return this.options.cipher ? this.options.cipher.encrypt(plain, associated) : plain;
  }

  /** @internal */
  open(stored: string, associated = this.streamKey): string {
    return this.options.cipher ? this.options.cipher.decrypt(stored, associated) : stored;
  }

  /** @internal */
  get redis(): RedisClient {
    return this.client;
  }

  /** @internal */
  get logger(): Logger {
    return this.log;
  }
}

/**
 * The message's seen key carries its progress: '1' accepted, 's' started, 'c:<replies>' committed (the
 * turn's replies and how many went out, encrypted when a cipher is set), 'd' done.
 */
class RedisTurnJournal implements TurnJournal {
  private readonly key: string;
  private to?: WaRecipient;
  private replies: WaOutbound[] = [];
  private count = 0;

  constructor(
    private readonly queue: RedisInboxQueue,
    messageId: string,
  ) {
    this.key = queue.seenKey(messageId);
  }

  async load(): Promise<TurnProgress> {
    const value = await this.queue.redis.get(this.key);
    if (value === 'd') return { state: 'done' };
    if (value === 's') return { state: 'started' };
    if (value?.startsWith('c:')) {
      const saved = JSON.parse(this.queue.open(value.slice(2), this.key)) as {
        to: WaRecipient;
        replies: WaOutbound[];
        sent: number;
      };
      this.to = saved.to;
      this.replies = saved.replies;
      this.count = saved.sent;
      return { state: 'committed', ...saved };
    }
    return { state: 'new' };
  }

  async start(): Promise<void> {
    await this.queue.redis.sendCommand(['SET', this.key, 's', 'KEEPTTL']);
  }

  async commit(to: WaRecipient, messages: readonly WaOutbound[]): Promise<void> {
    this.to = to;
    this.replies.push(...messages);
    await this.save();
  }

  async sent(): Promise<void> {
    this.count += 1;
    await this.save();
  }

  private async save(): Promise<void> {
    const body = JSON.stringify({ to: this.to, replies: this.replies, sent: this.count });
    await this.queue.redis.sendCommand(['SET', this.key, `c:${this.queue.seal(body, this.key)}`, 'KEEPTTL']);
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

/** JSON turned the events' dates into strings; this turns them back. */
export function reviveEvent(raw: unknown): WaInbound {
  const event = raw as WaInbound & { timestamp: string | Date };
  if (event?.kind !== 'message' && event?.kind !== 'status') throw new Error('not a WhatsApp event');
  return { ...event, timestamp: new Date(event.timestamp) } as WaInbound;
}

function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
