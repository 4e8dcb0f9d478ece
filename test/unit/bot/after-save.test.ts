import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createAfterSave } from '../../../src/bot/after-save';
import { TurnCaseSession } from '../../../src/bot/case-session';
import { AppTurnState } from '../../../src/bot/turn-state';
import type { Case } from '../../../src/domain/case';
import { InMemoryStorage } from '../../../src/state/in-memory-storage';

const activity: Partial<Activity> = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/tr/',
  from: { id: '29:user-2', name: 'Ayşe' },
  recipient: { id: '28:bot', name: 'bot' },
  conversation: { id: 'a:conv-2', isGroup: false, conversationType: 'personal', name: '' },
  locale: 'tr-TR',
  text: 'merhaba',
};
const now = () => new Date('2026-11-22T08:00:00.000Z');

async function turn() {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, activity);
  const state = new AppTurnState();
  await state.load(context, new InMemoryStorage());
  const calls: string[] = [];
  const afterSave = createAfterSave({
    events: { caseCompleted: async (c: Case) => void calls.push(`completed ${c.id}`) },
    caseChanged: async (before, after) => void calls.push(`changed ${before?.id ?? 'new'} → ${after.id}`),
    eraseCase: async (_ctx, caseId) => void calls.push(`erase ${caseId}`),
  });
  return { adapter, context, calls, afterSave, session: new TurnCaseSession(state, context, now) };
}

describe('after-save stage: the turn outcome', () => {
  it('publishes the change of a new case, and nothing else for a plain turn', async () => {
    const { context, calls, afterSave, session } = await turn();
    expect(session.outcome).toEqual({ kind: 'none' });
    await afterSave(context, session);
    expect(calls).toEqual([`changed new → ${session.case.id}`]);
  });

  it('announces a completion, then publishes the change', async () => {
    const { context, calls, afterSave, session } = await turn();
    session.announceCompletion();
    expect(session.outcome).toMatchObject({ kind: 'completed', case: session.case });
    await afterSave(context, session);
    expect(calls).toEqual([`completed ${session.case.id}`, `changed new → ${session.case.id}`]);
  });

  it('erases instead of anything else, and tells the customer', async () => {
    const { adapter, context, calls, afterSave, session } = await turn();
    session.announceCompletion();
    session.requestErasure();
    expect(session.outcome).toEqual({ kind: 'erase', caseId: session.case.id });
    await afterSave(context, session);
    expect(calls).toEqual([`erase ${session.case.id}`]);
    expect(adapter.activeQueue.map((a) => a.text)).toHaveLength(1);
  });
});
