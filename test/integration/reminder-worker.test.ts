import { CaseRepository } from '../../src/cases/case-repository';
import { applyPatch, markStep, type Case } from '../../src/domain/case';
import { defaultReminderPolicyConfig, nextReminderAt } from '../../src/domain/reminders';
import { createLogger } from '../../src/observability/logger';
import { InMemoryDeliveryStore } from '../../src/reminders/delivery-store';
import type { ReminderKind } from '../../src/domain/reminders/reminder-kinds';
import { ReminderPlanner } from '../../src/reminders/reminder-planner';
import { ReminderWorker, type ReminderWorkerDeps } from '../../src/reminders/reminder-worker';
import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { AT, caseAt, moved, must, reachableAt, SYSTEM } from '../support/case-fixtures';
import { ChannelSimulator } from '../support/channel-simulator';
import { localMessenger } from '../support/bot-framework-messenger';
import { LocalConnector } from '../support/local-connector';

const policy = defaultReminderPolicyConfig();
// Tuesday 25 November 2026, 10:00 in Istanbul (07:00Z): inside business hours.
const TUESDAY_10 = new Date('2026-11-25T07:00:00.000Z');
const TUESDAY_20 = new Date('2026-11-25T17:00:00.000Z');

/** A customer who submitted the pre-application and is reachable in an Emulator conversation. */
function submitted(id: string, serviceUrl: string): Case {
  return reachableAt(
    moved(caseAt(id, { tradeTitle: 'Örnek Gıda A.Ş.' }, []), 'preApplication', 'in_progress', 'waiting'),
    serviceUrl,
  );
}

describe('reminder worker', () => {
  const connector = new LocalConnector();
  const { messenger, sender } = localMessenger();
  beforeAll(() => connector.start());
  afterAll(async () => {
    sender.close();
    await connector.stop();
  });

  function setUp(now = TUESDAY_10, extra: Partial<ReminderWorkerDeps> = {}) {
    const cases = new CaseRepository(new InMemoryStorage());
    const deliveries = new InMemoryDeliveryStore();
    const scheduled: { caseId: string; kind: ReminderKind; at: Date; attempt: number }[] = [];
    const escalations: { caseId: string; note: string }[] = [];
    const resends: string[] = [];
    const deps: ReminderWorkerDeps = {
      cases,
      schedule: async (caseId, kind, at, attempt) => void scheduled.push({ caseId, kind, at, attempt }),
      messenger,
      deliveries,
      escalation: { escalate: async (caseId, note) => void escalations.push({ caseId, note }) },
      policy,
      logger: createLogger('silent'),
      now: () => now,
      random: () => 0,
      onResendAfterCrash: (kind, target) => void resends.push(`${kind} ${target}`),
    };
    const worker = new ReminderWorker({ ...deps, ...extra });
    /** Another process's worker on the same stores: what a redelivered job runs in. */
    const restarted = () => new ReminderWorker(deps);
    return { cases, deliveries, worker, restarted, scheduled, escalations, resends };
  }

  it('reminds a customer waiting for the İYSKod, records it and schedules the next one', async () => {
    const { cases, worker, scheduled } = setUp();
    await cases.put(submitted('c_wait', connector.url));
    const outcome = await worker.handle({
      caseId: 'c_wait',
      kind: 'awaiting_iys_code',
      attempt: 0,
      deliveryKey: 'c_wait:0',
    });
    expect(outcome).toBe('sent');
    const [message] = connector.messages('conv-c_wait');
    const [card] = ChannelSimulator.cards(message ? [message] : []);
    expect(JSON.stringify(card?.body)).toContain('Örnek Gıda A.Ş.');
    expect(card?.actions?.map((a) => a.title)).toContain('Kodlarım geldi');
    expect((await cases.get('c_wait'))?.audit.at(-1)).toMatchObject({
      type: 'reminder.sent',
      detail: 'awaiting_iys_code #1',
    });
    const since = new Date((await cases.get('c_wait'))!.steps.preApplication.updatedAt!);
    expect(scheduled).toEqual([
      {
        caseId: 'c_wait',
        kind: 'awaiting_iys_code',
        attempt: 1,
        at: nextReminderAt(policy, 'awaiting_iys_code', 1, since, () => 0),
      },
    ]);
  });

  it('sends nothing when the step is already done or the case is gone', async () => {
    const { cases, worker, scheduled } = setUp();
    const withCode = must(applyPatch(submitted('c_done', connector.url), { iysCode: '675403' }, SYSTEM, AT));
    await cases.put(must(markStep(withCode, 'preApplication', 'done', SYSTEM, AT)));
    expect(
      await worker.handle({
        caseId: 'c_done',
        kind: 'awaiting_iys_code',
        attempt: 0,
        deliveryKey: 'c_done:0',
      }),
    ).toBe('skipped');
    expect(
      await worker.handle({ caseId: 'c_erased', kind: 'awaiting_iys_code', attempt: 0, deliveryKey: 'x' }),
    ).toBe('skipped');
    expect(connector.messages('conv-c_done')).toHaveLength(0);
    expect(scheduled).toHaveLength(0);
  });

  it('never sends the same delivery twice', async () => {
    const { cases, worker } = setUp();
    await cases.put(submitted('c_twice', connector.url));
    const job = {
      caseId: 'c_twice',
      kind: 'awaiting_iys_code' as const,
      attempt: 0,
      deliveryKey: 'c_twice:0',
    };
    expect(await worker.handle(job)).toBe('sent');
    expect(await worker.handle(job)).toBe('duplicate');
    expect(connector.messages('conv-c_twice')).toHaveLength(1);
  });

  it('a run that died mid-send is sent again by the next run, counted as a possible duplicate', async () => {
    const { cases, deliveries, worker, scheduled, resends } = setUp();
    await cases.put(submitted('c_midsend', connector.url));
    const job = { caseId: 'c_midsend', kind: 'awaiting_iys_code' as const, attempt: 0, deliveryKey: 'k_mid' };
    await deliveries.begin(job.deliveryKey, 'run-that-died');
    expect(await worker.handle({ ...job, runId: 'run-2' })).toBe('sent');
    expect(connector.messages('conv-c_midsend')).toHaveLength(1);
    expect(resends).toEqual(['awaiting_iys_code customer']);
    expect(scheduled.map((s) => s.attempt)).toEqual([1]);
    expect(await deliveries.progress(job.deliveryKey)).toBe('done');
  });

  it('a run that died after the send: the next run records it and schedules the next one, sending nothing', async () => {
    const { cases, deliveries, restarted, scheduled, resends } = setUp();
    await cases.put(submitted('c_aftersend', connector.url));
    const job = {
      caseId: 'c_aftersend',
      kind: 'awaiting_iys_code' as const,
      attempt: 0,
      deliveryKey: 'k_as',
    };
    await deliveries.begin(job.deliveryKey, 'run-that-died');
    await deliveries.markSent(job.deliveryKey);
    expect(await restarted().handle({ ...job, runId: 'run-2' })).toBe('resumed');
    expect(await restarted().handle({ ...job, runId: 'run-3' })).toBe('duplicate');
    expect(connector.messages('conv-c_aftersend')).toHaveLength(0);
    const audit = (await cases.get('c_aftersend'))!.audit.filter((e) => e.type === 'reminder.sent');
    expect(audit.map((e) => e.detail)).toEqual(['awaiting_iys_code #1']);
    expect(scheduled.map((s) => s.attempt)).toEqual([1]);
    expect(resends).toEqual([]);
  });

  it('a crash between escalating and scheduling neither repeats nor drops the escalation', async () => {
    let crashes = 1;
    const base = setUp();
    // The first worker dies (throws) right after the escalation is recorded, before the next is scheduled.
    const { cases, deliveries, restarted, scheduled, escalations, resends } = base;
    const dying = new ReminderWorker({
      cases,
      deliveries,
      messenger,
      policy,
      logger: createLogger('silent'),
      now: () => TUESDAY_10,
      random: () => 0,
      escalation: { escalate: async (caseId, note) => void escalations.push({ caseId, note }) },
      schedule: async () => {
        if (crashes-- > 0) throw new Error('worker killed');
      },
    });
    await cases.put(submitted('c_esc', connector.url));
    const attempt = policy.kinds.awaiting_iys_code.escalateAfter! - 1;
    const job = { caseId: 'c_esc', kind: 'awaiting_iys_code' as const, attempt, deliveryKey: 'k_esc' };
    await expect(dying.handle({ ...job, runId: 'run-1' })).rejects.toThrow('worker killed');
    expect(await restarted().handle({ ...job, runId: 'run-2' })).toBe('resumed');
    expect(connector.messages('conv-c_esc')).toHaveLength(1);
    expect(escalations).toHaveLength(1);
    const types = (await cases.get('c_esc'))!.audit
      .map((e) => e.type)
      .filter((t) => t.startsWith('reminder'));
    expect(types).toEqual(['reminder.sent', 'reminder.escalated']);
    expect(scheduled.map((s) => s.attempt)).toEqual([attempt + 1]);
    expect(resends).toEqual([]);
  });

  it('an escalation whose run died before it was marked is sent again and counted', async () => {
    const { cases, deliveries, worker, escalations, resends } = setUp();
    await cases.put(submitted('c_esc2', connector.url));
    const attempt = policy.kinds.awaiting_iys_code.escalateAfter! - 1;
    const job = { caseId: 'c_esc2', kind: 'awaiting_iys_code' as const, attempt, deliveryKey: 'k_esc2' };
    await deliveries.begin(job.deliveryKey, 'run-that-died');
    await deliveries.markSent(job.deliveryKey);
    await deliveries.begin(`${job.deliveryKey}:escalation`, 'run-that-died');
    expect(await worker.handle({ ...job, runId: 'run-2' })).toBe('resumed');
    expect(escalations).toHaveLength(1);
    expect(resends).toEqual(['awaiting_iys_code support']);
  });

  it('the next reminder gets the same time however often an interrupted run is resumed', async () => {
    const times: number[] = [];
    const { cases, deliveries } = setUp();
    const make = () =>
      new ReminderWorker({
        cases,
        deliveries,
        messenger,
        policy,
        logger: createLogger('silent'),
        now: () => TUESDAY_10,
        escalation: { escalate: async () => undefined },
        schedule: async (_c, _k, at) => void times.push(at.getTime()),
      }); // no `random`: jitter comes from the delivery key
    await cases.put(submitted('c_jitter', connector.url));
    const job = { caseId: 'c_jitter', kind: 'awaiting_iys_code' as const, attempt: 0, deliveryKey: 'k_j' };
    await deliveries.begin(job.deliveryKey, 'run-that-died');
    await deliveries.markSent(job.deliveryKey);
    await make().handle({ ...job, runId: 'run-2' });
    await deliveries.markSent(job.deliveryKey); // as if run-2 died before marking it done
    await make().handle({ ...job, runId: 'run-3' });
    expect(times).toHaveLength(2);
    expect(times[1]).toBe(times[0]);
  });

  it('moves a reminder that fires after hours into the next business morning', async () => {
    const { cases, worker, scheduled } = setUp(TUESDAY_20);
    await cases.put(submitted('c_late', connector.url));
    expect(
      await worker.handle({
        caseId: 'c_late',
        kind: 'awaiting_iys_code',
        attempt: 0,
        deliveryKey: 'c_late:0',
      }),
    ).toBe('deferred');
    expect(connector.messages('conv-c_late')).toHaveLength(0);
    expect(scheduled[0]?.at.toISOString()).toBe('2026-11-26T06:00:00.000Z'); // Wednesday 09:00 Istanbul
  });

  it('escalates after the configured number of reminders, and at once when the chat is unreachable', async () => {
    const { cases, worker, escalations, scheduled } = setUp();
    await cases.put(submitted('c_stuck', connector.url));
    const lastBeforeEscalation = policy.kinds.awaiting_iys_code.escalateAfter! - 1;
    await worker.handle({
      caseId: 'c_stuck',
      kind: 'awaiting_iys_code',
      attempt: lastBeforeEscalation,
      deliveryKey: 'c_stuck:n',
    });
    expect(escalations).toEqual([{ caseId: 'c_stuck', note: expect.stringContaining('c_stuck') }]);
    expect(scheduled).toHaveLength(1); // the slower cadence goes on

    await cases.put(submitted('c_gone', connector.url));
    connector.failNext(403, 'BotNotInConversationRoster');
    expect(
      await worker.handle({
        caseId: 'c_gone',
        kind: 'awaiting_iys_code',
        attempt: 0,
        deliveryKey: 'c_gone:0',
      }),
    ).toBe('unreachable');
    expect(escalations.at(-1)?.caseId).toBe('c_gone');
    expect((await cases.get('c_gone'))?.audit.at(-1)).toMatchObject({ type: 'reminder.escalated' });
    expect(scheduled).toHaveLength(1);
  });
});

describe('reminder planner', () => {
  it('schedules a reminder when a change makes it due and cancels it when a change settles it', async () => {
    const calls: string[] = [];
    const planner = new ReminderPlanner(
      {
        schedule: async (caseId, kind, _at, attempt) =>
          void calls.push(`schedule ${caseId} ${kind} ${attempt}`),
        cancel: async (caseId, kind) => void calls.push(`cancel ${caseId} ${kind}`),
      },
      policy,
      () => 0,
    );
    const before = caseAt('c_plan', {}, []);
    const waiting = submitted('c_plan', 'http://127.0.0.1:9');
    await planner.reconcile(before, waiting);
    await planner.reconcile(waiting, waiting); // nothing changed: nothing to do
    const coded = must(applyPatch(waiting, { iysCode: '675403' }, SYSTEM, AT));
    await planner.reconcile(waiting, coded);
    expect(calls).toEqual(['schedule c_plan awaiting_iys_code 0', 'cancel c_plan awaiting_iys_code']);
  });
});
