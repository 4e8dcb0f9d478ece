import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { TurnCaseSession } from '../../../src/bot/case-session';
import { AppTurnState } from '../../../src/bot/turn-state';
import { caseIdFor } from '../../../src/cases/case-keys';
import { CaseRepository } from '../../../src/cases/case-repository';
import { InMemoryStorage } from '../../../src/state/in-memory-storage';

const activity: Partial<Activity> = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/tr/',
  from: { id: '29:user-1', name: 'Ayşe' },
  recipient: { id: '28:bot', name: 'bot' },
  conversation: { id: 'a:conv-1', isGroup: false, conversationType: 'personal', name: '' },
  locale: 'tr-TR',
  text: 'merhaba',
};
const now = () => new Date('2026-11-22T08:00:00.000Z');

async function openTurn(storage: InMemoryStorage) {
  const context = new TurnContext(new TestAdapter(), activity);
  const state = new AppTurnState();
  await state.load(context, storage);
  return { context, state, session: new TurnCaseSession(state, context, now) };
}

describe('TurnCaseSession', () => {
  it('creates the case on the first turn and saves it with the turn state', async () => {
    const storage = new InMemoryStorage();
    const turn = await openTurn(storage);
    expect(turn.session.cardsSupported).toBe(true);
    expect(turn.session.applyPatch({ tradeTitle: 'Örnek Gıda A.Ş.' })).toEqual({ ok: true });
    await turn.state.save(turn.context, storage);
    const stored = await new CaseRepository(storage).get(caseIdFor('msteams', '29:user-1'));
    expect(stored?.data.tradeTitle).toBe('Örnek Gıda A.Ş.');
    expect(stored?.channels[0]).toMatchObject({ channelId: 'msteams', conversationId: 'a:conv-1' });
  });

  it('refuses an invalid patch and changes nothing', async () => {
    const turn = await openTurn(new InMemoryStorage());
    const result = turn.session.applyPatch({ vkn: '4540536921' });
    expect(result.ok).toBe(false);
    expect(turn.session.case.data.vkn).toBeUndefined();
  });

  it('never overwrites a change made outside the turn: the turn’s save fails instead', async () => {
    const storage = new InMemoryStorage();
    const first = await openTurn(storage);
    await first.state.save(first.context, storage);

    const turn = await openTurn(storage);
    turn.session.applyPatch({ tradeTitle: 'Müşterinin Yazdığı A.Ş.' });
    const caseId = caseIdFor('msteams', '29:user-1');
    await new CaseRepository(storage).update(caseId, (c) => ({
      ...c,
      data: { ...c.data, iysCode: '123456' },
    }));
    await expect(turn.state.save(turn.context, storage)).rejects.toThrow(/eTag conflict/);
    expect((await new CaseRepository(storage).get(caseId))?.data.iysCode).toBe('123456');
  });

  it('speaks the customer’s language and knows which channels render cards', async () => {
    const storage = new InMemoryStorage();
    const context = new TurnContext(new TestAdapter(), { ...activity, channelId: 'sms', locale: 'en-GB' });
    const state = new AppTurnState();
    await state.load(context, storage);
    const session = new TurnCaseSession(state, context, now);
    expect(session.locale).toBe('en');
    expect(session.cardsSupported).toBe(false);
    expect(session.case.locale).toBe('en');
  });
});
