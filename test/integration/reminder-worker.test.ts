import { CaseRepository } from '../../src/cases/case-repository';
import { applyPatch, markStep, type Case } from '../../src/domain/case';
import { defaultReminderPolicyConfig, nextReminderAt } from '../../src/domain/reminders';
import { createLogger } from '../../src/observability/logger';
import { InMemoryDeliveryStore } from '../../src/reminders/delivery-store';
import type { ReminderKind } from '../../src/reminders/reminder-kinds';
import { ReminderPlanner } from '../../src/reminders/reminder-planner';
import { ReminderWorker } from '../../src/reminders/reminder-worker';
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

  function setUp(now = TUESDAY_10) {
    const cases = new CaseRepository(new InMemoryStorage());
    const scheduled: { caseId: string; kind: ReminderKind; at: Date; attempt: number }[] = [];
    const escalations: { caseId: string; note: string }[] = [];
    const worker = new ReminderWorker({
      cases,
      schedule: async (caseId, kind, at, attempt) => void scheduled.push({ caseId, kind, at, attempt }),
      messenger,
      deliveries: new InMemoryDeliveryStore(),
      escalation: { escalate: async (caseId, note) => void escalations.push({ caseId, note }) },
      policy,
      logger: createLogger('silent'),
      now: () => now,
      random: () => 0,
    });
    return { cases, worker, scheduled, escalations };
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
