import { createClient } from 'redis';
import { CaseRepository } from '../../src/cases/case-repository';
import {
  acceptPrivacyNotice,
  createCase,
  markStep,
  upsertChannelAddress,
  type Case,
} from '../../src/domain/case';
import { parseReminderPolicyConfig, type ReminderPolicyConfigInput } from '../../src/domain/reminders';
import { BullMqReminderScheduler } from '../../src/reminders/bullmq-scheduler';
import { ReminderPlanner } from '../../src/reminders/reminder-planner';
import { RedisStorage } from '../../src/state/redis-storage';
import { must, SYSTEM } from '../support/case-fixtures';
import { FakeChannel, startWorkerChild, type WorkerChild } from '../support/reminder-crash-channel';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { waitUntil } from '../support/reminder-scheduler-contract';

/*
 * A reminder worker process killed at every point of a send (SIGKILL, and a forced close), then a fresh
 * one started: every case must still get both reminders of its cadence and exactly one escalation, and a
 * message may arrive twice only when the channel accepted it and the dead worker had not yet written
 * `sent` — each such resend logged. Real processes, real Redis, a fake channel over HTTP.
 */

jest.setTimeout(90_000);

const DAY_MS = 24 * 3600_000;
const KIND = 'awaiting_iys_code';
/** A business window around the clock in a zone where it is not near midnight (the window ends 23:59). */
function zoneAwayFromMidnight(): string {
  for (const zone of ['UTC', 'Etc/GMT-6', 'Etc/GMT+6']) {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    if (hour >= 1 && hour <= 21) return zone;
  }
  return 'UTC';
}
/** Two reminders 0.4 s and 0.8 s after the case's event, escalation after the second, then no more. */
const POLICY: ReminderPolicyConfigInput = {
  businessHours: {
    timeZone: zoneAwayFromMidnight(),
    days: [1, 2, 3, 4, 5, 6, 7],
    start: '00:00',
    end: '23:59',
  },
  jitterMinutes: 0,
  kinds: { [KIND]: { offsetsDays: [400 / DAY_MS, 800 / DAY_MS], escalateAfter: 2, maxReminders: 2 } },
};
/** Short locks so a dead worker's jobs come back in about two seconds (production: 30 s). */
const LOCKS = { LOCK_MS: '2000', STALLED_MS: '500' };
const RESEND_LOG = 'reminder: an interrupted run may have sent this already; sending again';

const redis = createClient({ url: REDIS_URL });
const channel = new FakeChannel();
const prefixes: string[] = [];
const children: WorkerChild[] = [];

beforeAll(async () => {
  await redis.connect();
  await channel.start();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
  channel.reset();
});
afterAll(async () => {
  await channel.stop();
  await Promise.all(prefixes.map((p) => deleteByPrefix(p)));
  await redis.close();
});

/** A customer who submitted the pre-application just now, reachable on the fake channel. */
function waitingCase(id: string, at: string): Case {
  let c = acceptPrivacyNotice(createCase({ id, at, actor: SYSTEM }), '2026-11', SYSTEM, at);
  c = must(markStep(c, 'preApplication', 'in_progress', SYSTEM, at));
  c = must(markStep(c, 'preApplication', 'waiting', SYSTEM, at));
  const conversationId = `conv-${id}`;
  return upsertChannelAddress(
    c,
    {
      channelId: 'crashtest',
      conversationId,
      serviceUrl: channel.url,
      userId: 'u',
      botId: 'bot',
      reference: { conversation: { id: conversationId } },
      addedAt: at,
    },
    SYSTEM,
    at,
  );
}

interface Outcome {
  readonly caseIds: string[];
  /** Per case, the attempts the channel accepted, in order. */
  readonly delivered: Map<string, number[]>;
  readonly escalated: Map<string, number>;
  readonly audits: Map<string, string[]>;
  /** Resends the recovering worker logged, as `caseId #attempt`. */
  readonly resends: string[];
}

/**
 * Sets up `count` cases whose first reminder the web side scheduled, runs `crash` (which starts worker
 * children and leaves them dead), then a healthy worker until every case is finished and the queue empty.
 */
async function scenario(
  name: string,
  count: number,
  crash: (start: (env?: Record<string, string>) => WorkerChild) => Promise<void>,
): Promise<Outcome> {
  const keyPrefix = uniquePrefix(`reminder-crash-${name}`);
  prefixes.push(keyPrefix);
  const queueName = `crash-${name}`;
  const cases = new CaseRepository(new RedisStorage(redis, { keyPrefix }));
  const web = new BullMqReminderScheduler({ redisUrl: REDIS_URL, keyPrefix, queueName });
  try {
    const planner = new ReminderPlanner(web, parseReminderPolicyConfig(POLICY), () => 0);
    const at = new Date().toISOString();
    const caseIds = Array.from({ length: count }, (_, i) => `case-${name}-${i}`);
    for (const id of caseIds) {
      const created = waitingCase(id, at);
      await cases.put(created);
      await planner.reconcile(undefined, created);
    }
    const base = {
      REDIS_URL,
      KEY_PREFIX: keyPrefix,
      QUEUE_NAME: queueName,
      CHANNEL_URL: channel.url,
      POLICY: JSON.stringify(POLICY),
      ...LOCKS,
    };
    const start = (env: Record<string, string> = {}) => {
      const child = startWorkerChild({ ...base, ...env });
      children.push(child);
      return child;
    };
    await crash(start);

    channel.accept();
    const healthy = start();
    const finished = async () => {
      const all = await Promise.all(caseIds.map((id) => cases.get(id)));
      const counts = await web.queue.getJobCounts('active', 'wait', 'delayed', 'prioritized');
      return (
        Object.values(counts).every((n) => n === 0) &&
        all.every((c) => c?.audit.some((e) => e.type === 'reminder.escalated'))
      );
    };
    let done = false;
    const poll = setInterval(
      () =>
        void finished().then(
          (d) => (done = d),
          () => undefined,
        ),
      200,
    );
    try {
      await waitUntil(() => done, 45_000, `every case of ${name} to finish its cadence`);
    } finally {
      clearInterval(poll);
    }
    await healthy.stop('SIGTERM');

    const delivered = new Map(caseIds.map((id) => [id, [] as number[]]));
    for (const d of channel.deliveries) delivered.get(d.caseId)?.push(d.attempt ?? -1);
    const escalated = new Map(caseIds.map((id) => [id, 0]));
    for (const e of channel.escalations) escalated.set(e.caseId, (escalated.get(e.caseId) ?? 0) + 1);
    const audits = new Map<string, string[]>();
    for (const id of caseIds) {
      const audit = (await cases.get(id))?.audit ?? [];
      audits.set(
        id,
        audit.filter((e) => e.type.startsWith('reminder.')).map((e) => `${e.type} ${e.detail ?? ''}`),
      );
    }
    const resends = healthy
      .logs()
      .filter((l) => l.msg === RESEND_LOG)
      .map((l) => `${String(l.caseId)} #${String(l.attempt)}`);
    return { caseIds, delivered, escalated, audits, resends };
  } finally {
    await web.close();
  }
}

/** Every case: both reminders recorded once, one escalation recorded and sent once. */
function expectWholeCadence(o: Outcome): void {
  for (const id of o.caseIds) {
    expect([id, o.audits.get(id)]).toEqual([
      id,
      [`reminder.sent ${KIND} #1`, `reminder.sent ${KIND} #2`, `reminder.escalated ${KIND}: unanswered`],
    ]);
    expect([id, o.escalated.get(id)]).toEqual([id, 1]);
  }
}

/** Deliveries beyond one per (case, attempt), as `caseId #attempt`. */
function duplicates(o: Outcome): string[] {
  const extra: string[] = [];
  for (const [id, attempts] of o.delivered) {
    expect([id, [...new Set(attempts)].sort()]).toEqual([id, [0, 1]]);
    attempts.forEach((a, i) => attempts.indexOf(a) !== i && extra.push(`${id} #${a}`));
  }
  return extra;
}

describe('a reminder worker that dies mid-send', () => {
  it('the issue’s repro: killed twice with ten sends in flight; all 12 cases still get 2 reminders', async () => {
    const o = await scenario('inflight', 12, async (start) => {
      channel.hold();
      for (let kill = 0; kill < 2; kill += 1) {
        // The second worker also takes up the first one's abandoned jobs: they stall twice.
        const child = start({ CONCURRENCY: '10' });
        await waitUntil(() => channel.heldCount() === 10, 30_000, 'ten sends in flight');
        await child.stop('SIGKILL');
        await waitUntil(() => channel.heldCount() === 0, 10_000, 'the dead worker’s connections to close');
      }
    });
    expectWholeCadence(o);
    expect(duplicates(o)).toEqual([]);
    // No send in flight was accepted, so every resend was a first delivery; still, each is logged.
    expect(o.resends.sort()).toEqual(o.caseIds.map((id) => `${id} #0`).sort());
  });

  it('killed before the send: nothing is sent twice', async () => {
    const o = await scenario('before', 3, async (start) => {
      const crashed = start({ CONCURRENCY: '1', CRASH_AT: 'before-send', CRASH_ATTEMPT: '1' });
      expect(await crashed.exited()).toBe('SIGKILL');
    });
    expectWholeCadence(o);
    expect(duplicates(o)).toEqual([]);
    expect(o.resends).toEqual([]);
  });

  it('killed after the channel accepted, before `sent` was written: the one duplicate, logged', async () => {
    const o = await scenario('accepted', 3, async (start) => {
      const crashed = start({ CONCURRENCY: '1', CRASH_AT: 'after-accept', CRASH_ATTEMPT: '0' });
      expect(await crashed.exited()).toBe('SIGKILL');
    });
    expectWholeCadence(o);
    const dup = duplicates(o);
    expect(dup).toHaveLength(1);
    expect(o.resends).toEqual(dup);
  });

  it('killed after `sent` was written, before the next reminder and the escalation: both still happen', async () => {
    const o = await scenario('sent', 3, async (start) => {
      // First before the next reminder is scheduled, then (a new worker) before the escalation.
      for (const attempt of ['0', '1']) {
        const crashed = start({ CONCURRENCY: '1', CRASH_AT: 'after-sent', CRASH_ATTEMPT: attempt });
        expect(await crashed.exited()).toBe('SIGKILL');
      }
    });
    expectWholeCadence(o);
    expect(duplicates(o)).toEqual([]);
    expect(o.resends).toEqual([]);
  });

  it('a forced close with sends in flight that finish afterwards: the next worker completes them', async () => {
    const o = await scenario('forced', 3, async (start) => {
      channel.hold();
      const child = start({ CONCURRENCY: '10', SHUTDOWN: 'force' });
      await waitUntil(() => channel.heldCount() === 3, 30_000, 'three sends in flight');
      child.child.kill('SIGTERM');
      await waitUntil(() => child.logs().some((l) => l.msg === 'child closed'), 10_000, 'the forced close');
      channel.accept(); // the abandoned handlers' sends go through after the worker closed
      expect(await child.exited()).toBe(0);
    });
    expectWholeCadence(o);
    expect(duplicates(o)).toEqual([]);
    expect(o.resends).toEqual([]);
  });
});
