import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { closeRedisClient, type RedisClient } from '../../state/redis-client';
import type { ValueCipher } from '../../state/value-cipher';
import { DEFAULT_DEDUPE_TTL_SECONDS } from './inbox';
import {
  compareIds,
  errorSummary,
  LaneRunner,
  NO_JOURNAL,
  type InboxEntry,
  type InboxHandler,
  type InboxQueue,
  type InboxQueueOptions,
} from './inbox-queue';
import { InboxKeys } from './redis-inbox-keys';
import { ACCEPT, FINISH, REFRESH } from './redis-inbox-scripts';
import { RedisTurnJournal } from './redis-turn-journal';
import { whatsAppUserId, type WaInbound } from './types';

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

/** The consumer group every web process reads `wa:inbox` in. */
export const INBOX_GROUP = 'turns';

type StreamEntry = [id: string, fields: string[] | null];

/**
 * The Redis queue. The blocking XREADGROUP runs on a connection of its own (a duplicate of the shared
 * client), with a short BLOCK, so neither turns nor a shutdown wait behind it.
 */
export class RedisInboxQueue extends LaneRunner implements InboxQueue {
  readonly streamKey: string;
  readonly consumer: string;
  private readonly keys: InboxKeys;
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

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisInboxQueueOptions,
  ) {
    super(options.logger.child({ inbox: 'redis' }));
    this.keys = new InboxKeys(options.keyPrefix, options.cipher);
    this.streamKey = this.keys.stream;
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
        event.kind === 'message' ? this.keys.seen(event.messageId) : this.streamKey,
        event.kind === 'message' ? this.keys.order(lane) : this.streamKey,
      );
      args.push(event.kind === 'message' ? 'm' : 's', lane, this.keys.encode(event));
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
    if (reader) await closeRedisClient(reader);
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

  private decode(id: string, fields: readonly string[]): InboxEntry | undefined {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] as string, fields[i + 1] as string);
    try {
      const event = this.keys.decode(map.get('e') ?? '');
      const lane = map.get('l') || `status:${id}`;
      return { id, lane, event };
    } catch (err) {
      this.log.error({ err: errorSummary(err), entry: id }, 'whatsapp inbox entry unreadable; dropped');
      return undefined;
    }
  }

  protected async mayRun(entry: InboxEntry): Promise<'run' | 'later' | 'abandon'> {
    if (entry.event.kind !== 'message') return 'run';
    const orderKey = this.keys.order(entry.lane);
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

  protected async process(entry: InboxEntry): Promise<void> {
    const journal =
      entry.event.kind === 'message'
        ? new RedisTurnJournal(this.client, this.keys.seen(entry.event.messageId), this.options.cipher)
        : NO_JOURNAL;
    await this.handler?.(entry.event, journal);
    const isMessage = entry.event.kind === 'message';
    await this.finish(
      entry.id,
      isMessage ? this.keys.seen((entry.event as { messageId: string }).messageId) : undefined,
      isMessage ? this.keys.order(entry.lane) : '',
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
}
