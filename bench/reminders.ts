/**
 * `npm run bench:reminders` (needs Redis on 127.0.0.1:6379, or TEST_REDIS_URL): reminders through the real
 * pieces — BullMqReminderScheduler, ReminderWorker loading each case from a CaseRepository over RedisStorage,
 * RedisDeliveryStore, RateLimitedMessenger on a RedisChannelRateLimiter — into a local fake channel
 * (bench/fake-channel.ts, its own process) that throttles at the configured rate itself (429 above it).
 * Configured: REMINDER_CHANNEL_RATES=msteams=200/1000 (the limiter's default safety margin), 50 handlers,
 * BullMQ's 30 s lock and stalled check, retries after 1 s. BENCH_REMINDERS sets (b)'s count for a quick look.
 *
 * Setup: 13,000 cases whose pre-application went out just now (an İYSKod reminder is due for each; the
 * follow-up a worker schedules lies days ahead), reachable on msteams; business hours cover the whole day.
 * (a) scheduling: one reminder per case, 64 schedule() calls in flight → scheduled_per_s. Then
 *     redis_bytes_per_pending: MEMORY USAGE (SAMPLES 0) summed over every key of the queue, over the number
 *     of pending reminders. Case records are not counted (they exist without reminders); INFO used_memory
 *     is not used, as other clients share the Redis.
 * (b) timing: the first 10,000 come due evenly at 80 % of the channel's rate, from 20 s after (a) began, so
 *     the limit never makes them queue: fire_p99_late_ms is the p99 of (arrival at the channel − scheduled
 *     time), what BullMQ, the worker and one HTTP hop add.
 * (c) rate: the other 3,000 come due at 3× the rate for 5 s, 2 s after the last of (b), so the limiter is
 *     the bottleneck for about 15 s: rate_ratio = perMs / the mean time from each arrival of the burst to
 *     the arrival `max` places later (the limit allows no less than perMs), i.e. the sustained rate over
 *     the configured one. Also printed: span_ratio = deliveries / (max × (busy span + perMs) / perMs),
 *     which charges the burst's ragged first and last second to the limiter as well.
 * Over all phases: early (arrived before its time), duplicates (extra arrivals of one case and attempt),
 * http_429 (refused by the channel) and closest_window_ms (the least time any `max` + 1 consecutive
 * arrivals spanned: perMs or more, by the limit; the safety margin is what lies above it).
 * Progress on stderr; one JSON line last on stdout.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseRepository } from '../src/cases/case-repository';
import { loadConfig } from '../src/config';
import {
  acceptPrivacyNotice,
  applyPatch,
  createCase,
  markStep,
  upsertChannelAddress,
} from '../src/domain/case';
import type { Case, ChannelAddress } from '../src/domain/case';
import { isWithinBusinessHours, parseReminderPolicyConfig } from '../src/domain/reminders';
import { createLogger } from '../src/observability/logger';
import { BullMqReminderScheduler } from '../src/reminders/bullmq-scheduler';
import {
  channelRates,
  RateLimitedMessenger,
  RedisChannelRateLimiter,
} from '../src/reminders/channel-rate-limiter';
import { RedisDeliveryStore } from '../src/reminders/delivery-store';
import {
  ChannelMessengers,
  type OutboundMessage,
  type SendOutcome,
} from '../src/channels/proactive-messenger';
import type { ProactiveMessenger } from '../src/channels/proactive-messenger';
import type { DueReminder } from '../src/reminders/reminder-scheduler';
import { ReminderWorker, type JobOutcome } from '../src/reminders/reminder-worker';
import { closeRedisClient, createRedisClient, type RedisClient } from '../src/state/redis-client';
import { RedisStorage } from '../src/state/redis-storage';
import { must, SYSTEM } from '../test/support/case-fixtures';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../test/support/redis';
import { HEADERS, type ArrivedDelivery, type ChannelReply, type ChannelRequest } from './fake-channel';

const CHANNEL = 'msteams';
const RATE = { max: 200, perMs: 1_000 };
const TIMING = Number(process.env.BENCH_REMINDERS ?? 10_000);
const TIMING_SHARE = 0.8;
const BURST_FACTOR = 3;
const BURST_SECONDS = 5;
const BURST = RATE.max * BURST_FACTOR * BURST_SECONDS;
const LEAD_MS = 20_000;
const CONCURRENCY = 50;
const SCHEDULE_IN_FLIGHT = 64;
const CHANNEL_RATES = `${CHANNEL}=${RATE.max}/${RATE.perMs}`;
const logger = createLogger('warn', process.stderr);

/** The reminder a handler is delivering, for the headers that tell the fake channel what arrived. */
const firing = new AsyncLocalStorage<DueReminder>();

/** Posts each message to the fake channel over kept-alive sockets, as a channel's HTTP API is used. */
class HttpChannelMessenger implements ProactiveMessenger {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  constructor(private readonly port: number) {}

  send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome> {
    const due = firing.getStore();
    const body = JSON.stringify({ type: 'message', text: message.text, actions: message.actions });
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      [HEADERS.channel]: address.channelId,
      [HEADERS.caseId]: due?.caseId ?? '',
      [HEADERS.attempt]: String(due?.attempt ?? -1),
      [HEADERS.scheduledFor]: String(due?.scheduledFor.getTime() ?? 0),
    };
    const conversation = encodeURIComponent(address.conversationId);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: `/v3/conversations/${conversation}/activities`,
          agent: this.agent,
          headers,
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve('sent')
              : reject(new Error(`channel answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

interface FakeChannel {
  readonly port: number;
  readonly child: ChildProcess;
  progress(): Promise<Extract<ChannelReply, { type: 'progress' }>>;
  report(): Promise<Extract<ChannelReply, { type: 'report' }>>;
}

/** Forks the fake channel and waits until it listens. */
async function startChannel(channelRatesSpec: string): Promise<FakeChannel> {
  const child = fork(path.join(__dirname, 'fake-channel.ts'), [channelRatesSpec], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T extends ChannelReply['type']>(type: T) =>
    new Promise<Extract<ChannelReply, { type: T }>>((resolve) => {
      const listen = (reply: ChannelReply) => {
        if (reply.type !== type) return;
        child.off('message', listen);
        resolve(reply as Extract<ChannelReply, { type: T }>);
      };
      child.on('message', listen);
    });
  const ask = <T extends ChannelRequest['type']>(type: T) => {
    const reply = next(type);
    child.send({ type } satisfies ChannelRequest);
    return reply;
  };
  const { port } = await next('ready');
  return { port, child, progress: () => ask('progress'), report: () => ask('report') };
}

/** A case whose pre-application went out at `at`, reachable on the bench channel: an İYSKod reminder is due. */
function waitingCase(id: string, at: string, serviceUrl: string): Case {
  let current = acceptPrivacyNotice(createCase({ id, at, actor: SYSTEM }), '2026-11', SYSTEM, at);
  current = must(applyPatch(current, { tradeTitle: 'Örnek Gıda A.Ş.' }, SYSTEM, at));
  current = must(markStep(current, 'preApplication', 'in_progress', SYSTEM, at));
  current = must(markStep(current, 'preApplication', 'waiting', SYSTEM, at));
  const conversationId = `conv-${id}`;
  const ids = { channelId: CHANNEL, conversationId, serviceUrl, userId: `u-${id}`, botId: 'bot' };
  const reference = {
    channelId: CHANNEL,
    serviceUrl,
    conversation: { id: conversationId },
    user: { id: ids.userId },
  };
  return upsertChannelAddress(current, { ...ids, reference, addedAt: at }, SYSTEM, at);
}

/**
 * Business hours every day, 00:00–23:59 (the policy cannot say 24:00), in a time zone whose closed minute
 * does not fall inside the run, so every reminder is sent rather than deferred.
 */
function allDayPolicy(runMs: number) {
  const days = [1, 2, 3, 4, 5, 6, 7];
  for (const timeZone of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const policy = parseReminderPolicyConfig({
      businessHours: { timeZone, days, start: '00:00', end: '23:59' },
    });
    const now = Date.now();
    let open = true;
    for (let t = now; t <= now + runMs && open; t += 15_000)
      open = isWithinBusinessHours(policy, new Date(t));
    if (open) return policy;
  }
  throw new Error('no time zone keeps business hours open for the whole run');
}

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

/** MEMORY USAGE of every key matching `pattern`, nested values included. */
async function memoryUsage(redis: RedisClient, pattern: string): Promise<{ bytes: number; keys: number }> {
  let bytes = 0;
  let keys = 0;
  for await (const batch of redis.scanIterator({ MATCH: pattern, COUNT: 1_000 })) {
    const sizes = await Promise.all(
      batch.map((key) => redis.sendCommand<number | null>(['MEMORY', 'USAGE', key, 'SAMPLES', '0'])),
    );
    bytes += sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0);
    keys += batch.length;
  }
  return { bytes, keys };
}

interface Planned {
  readonly caseId: string;
  readonly at: number;
  readonly phase: 'timing' | 'burst';
}

/** (b) evenly at 80 % of the rate from `start`; (c) at 3× the rate for 5 s, 2 s after the last of (b). */
function plan(start: number): Planned[] {
  const timingGap = RATE.perMs / (RATE.max * TIMING_SHARE);
  const burstGap = RATE.perMs / (RATE.max * BURST_FACTOR);
  const burstStart = start + TIMING * timingGap + 2_000;
  return [
    ...Array.from({ length: TIMING }, (_, i) => ({
      caseId: `bench-t-${i}`,
      at: Math.round(start + i * timingGap),
      phase: 'timing' as const,
    })),
    ...Array.from({ length: BURST }, (_, i) => ({
      caseId: `bench-b-${i}`,
      at: Math.round(burstStart + i * burstGap),
      phase: 'burst' as const,
    })),
  ];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** The goals' numbers from what the channel recorded against what was planned. */
function measure(planned: readonly Planned[], deliveries: readonly ArrivedDelivery[]) {
  const byCase = new Map(planned.map((p) => [p.caseId, p]));
  const seen = new Set<string>();
  let duplicates = 0;
  let early = 0;
  let unplanned = 0;
  const late: number[] = [];
  const burstArrivals: number[] = [];
  for (const d of deliveries) {
    const key = `${d.caseId}#${d.attempt}`;
    if (seen.has(key)) duplicates += 1;
    seen.add(key);
    const p = byCase.get(d.caseId);
    if (!p || d.attempt !== 0 || d.scheduledFor !== p.at) unplanned += 1;
    if (!p) continue;
    if (d.arrivedAt < p.at) early += 1;
    if (p.phase === 'timing') late.push(d.arrivedAt - p.at);
    else burstArrivals.push(d.arrivedAt);
  }
  late.sort((a, b) => a - b);
  burstArrivals.sort((a, b) => a - b);
  const busyMs = (burstArrivals.at(-1) ?? 0) - (burstArrivals[0] ?? 0);
  const everyMax = maxApart(burstArrivals);
  return {
    delivered: seen.size,
    duplicates,
    early,
    unplanned,
    late: { p50: percentile(late, 0.5), p99: percentile(late, 0.99), max: late.at(-1) ?? NaN },
    burst: {
      delivered: burstArrivals.length,
      busyMs,
      ratio: RATE.perMs / (everyMax.reduce((a, b) => a + b, 0) / everyMax.length),
      spanRatio: burstArrivals.length / ((RATE.max * (busyMs + RATE.perMs)) / RATE.perMs),
    },
    closestMs: Math.min(...maxApart(deliveries.map((d) => d.arrivedAt).sort((a, b) => a - b))),
  };
}

/**
 * For each arrival, the time until the arrival `max` places later: the limit says never under perMs, and
 * their mean is how long the channel takes to accept `max` more sends while the limiter is the bottleneck.
 */
function maxApart(sortedArrivals: readonly number[]): number[] {
  return sortedArrivals.slice(RATE.max).map((t, i) => t - (sortedArrivals[i] as number));
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const say = (line: string) => process.stderr.write(`bench:reminders ${line}\n`);

interface Rig {
  readonly prefix: string;
  readonly queueName: string;
  readonly redis: RedisClient;
  readonly channel: FakeChannel;
  readonly scheduler: BullMqReminderScheduler;
  readonly failures: { tries: number };
}

/** Setup: the fake channel, the cases, the scheduler; nothing fires yet. */
async function rig(): Promise<Rig> {
  const prefix = uniquePrefix('bench-reminders');
  const queueName = `bench-${randomBytes(4).toString('hex')}`;
  const channel = await startChannel(CHANNEL_RATES);
  const redis = createRedisClient(REDIS_URL, logger);
  await redis.connect();
  const failures = { tries: 0 };
  const scheduler = new BullMqReminderScheduler({
    redisUrl: REDIS_URL,
    keyPrefix: prefix,
    queueName,
    concurrency: CONCURRENCY,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    retryBackoffMs: 1_000,
    onDeliveryFailed: () => (failures.tries += 1),
    onError: (err) => say(`scheduler error: ${err.message}`),
  });
  return { prefix, queueName, redis, channel, scheduler, failures };
}

async function createCases(r: Rig): Promise<CaseRepository> {
  const cases = new CaseRepository(new RedisStorage(r.redis, { keyPrefix: r.prefix }));
  const serviceUrl = `http://127.0.0.1:${r.channel.port}`;
  const createdAt = new Date().toISOString();
  const ids = plan(0).map((p) => p.caseId);
  say(`setup: ${ids.length} cases`);
  await inParallel(ids, SCHEDULE_IN_FLIGHT, (id) => cases.put(waitingCase(id, createdAt, serviceUrl)));
  return cases;
}

/** (a): schedules every reminder as fast as the scheduler takes them, then weighs the queue. */
async function scheduleAll(r: Rig) {
  const began = Date.now();
  const due = plan(began + LEAD_MS);
  await inParallel(due, SCHEDULE_IN_FLIGHT, (p) =>
    r.scheduler.schedule(p.caseId, 'awaiting_iys_code', new Date(p.at), 0),
  );
  const ms = Date.now() - began;
  const memory = await memoryUsage(r.redis, `${r.prefix}${r.queueName}:*`);
  say(`(a) scheduled ${due.length} in ${ms} ms; the queue: ${memory.keys} keys, ${memory.bytes} bytes`);
  if (Date.now() > began + LEAD_MS - 1_000) say('(a) overran its lead: the first reminders fire late');
  return { due, ms, memory };
}

/** (b) and (c): the real worker fires them into the fake channel; waits until all arrived or time is up. */
async function deliverAll(r: Rig, cases: CaseRepository, due: readonly Planned[]) {
  const httpMessenger = new HttpChannelMessenger(r.channel.port);
  const rates = channelRates(loadConfig({ REMINDER_CHANNEL_RATES: CHANNEL_RATES }).reminders);
  const outcomes: Partial<Record<JobOutcome, number>> = {};
  const worker = new ReminderWorker({
    cases,
    schedule: (caseId, kind, at, attempt) => r.scheduler.schedule(caseId, kind, at, attempt),
    messenger: new RateLimitedMessenger(
      new ChannelMessengers({ [CHANNEL]: httpMessenger }),
      new RedisChannelRateLimiter(r.redis, { keyPrefix: r.prefix, rates }),
    ),
    deliveries: new RedisDeliveryStore(r.redis, r.prefix),
    escalation: { escalate: async () => undefined },
    policy: allDayPolicy((due.at(-1)?.at ?? 0) + 120_000 - Date.now()),
    logger,
  });
  r.scheduler.start(async (reminder) => {
    const outcome = await firing.run(reminder, () => worker.handle(reminder));
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  });
  const deadline = (due.at(-1)?.at ?? 0) + 60_000 + (BURST / RATE.max) * RATE.perMs;
  for (let tick = 1; ; tick += 1) {
    await sleep(1_000);
    const progress = await r.channel.progress();
    if (progress.delivered >= due.length || Date.now() > deadline) break;
    if (tick % 5 === 0) {
      const phase = Date.now() < (due[0]?.at ?? 0) ? 'waiting for (b)' : 'delivering';
      say(`${phase}: ${progress.delivered}/${due.length} delivered, ${progress.rejected} refused (429)`);
    }
  }
  await sleep(2_000); // room for a late duplicate to show
  const report = await r.channel.report();
  httpMessenger.agent.destroy();
  say(`outcomes ${JSON.stringify(outcomes)}`);
  return { report, outcomes };
}

async function main(): Promise<void> {
  const r = await rig();
  try {
    const cases = await createCases(r);
    const a = await scheduleAll(r);
    const { report, outcomes } = await deliverAll(r, cases, a.due);
    const m = measure(a.due, report.deliveries);
    if (m.unplanned > 0) say(`${m.unplanned} arrivals that were not planned`);
    console.log(
      JSON.stringify({
        scheduled_per_s: round((a.due.length * 1_000) / a.ms, 0),
        redis_bytes_per_pending: round(a.memory.bytes / a.due.length, 0),
        fire_p99_late_ms: round(m.late.p99, 1),
        early: m.early,
        duplicates: m.duplicates,
        rate_ratio: round(m.burst.ratio, 3),
        http_429: report.rejected,
        reminders: a.due.length,
        delivered: m.delivered,
        failed_tries: r.failures.tries,
        closest_window_ms: round(m.closestMs, 1),
        rate: CHANNEL_RATES,
        phases: {
          a_scheduling: {
            reminders: a.due.length,
            ms: a.ms,
            queue_keys: a.memory.keys,
            memory: 'MEMORY USAGE of the queue keys',
          },
          b_timing: {
            reminders: TIMING,
            due_per_s: RATE.max * TIMING_SHARE,
            late_p50_ms: round(m.late.p50, 1),
            late_p99_ms: round(m.late.p99, 1),
            late_max_ms: round(m.late.max, 1),
          },
          c_rate: {
            reminders: BURST,
            due_per_s: RATE.max * BURST_FACTOR,
            delivered: m.burst.delivered,
            busy_ms: round(m.burst.busyMs, 0),
            sustained_per_s: round((m.burst.ratio * RATE.max * 1_000) / RATE.perMs, 1),
            span_ratio: round(m.burst.spanRatio, 3),
          },
        },
        outcomes,
      }),
    );
  } finally {
    await r.scheduler.close();
    await closeRedisClient(r.redis);
    await deleteByPrefix(r.prefix);
    r.channel.child.disconnect();
  }
}

void main();
