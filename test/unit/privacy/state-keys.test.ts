import type { TurnContext } from 'botbuilder';
import { AppTurnState } from '../../../src/bot/turn-state';
import { caseIdFor, caseStorageKey } from '../../../src/cases/case-keys';
import { parseCommand } from '../../../dialogs/base/commands';
import { stateKeysOf } from '../../../src/privacy/state-keys';

describe('the state keys an erasure deletes', () => {
  it('are exactly the keys a turn of that address reads and writes', async () => {
    const activity = {
      channelId: 'msteams',
      recipient: { id: '28:bot-app-id' },
      conversation: { id: 'a:1xyz;messageid=9' },
      from: { id: '29:user-aad' },
    };
    const state = new AppTurnState() as unknown as {
      onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>>;
    };
    const keys = await state.onComputeStorageKeys({ activity } as unknown as TurnContext);
    const [conversation, user] = stateKeysOf({
      channelId: 'msteams',
      botId: '28:bot-app-id',
      conversationId: 'a:1xyz;messageid=9',
      userId: '29:user-aad',
    });
    expect(keys).toEqual({
      conversation,
      user,
      case: caseStorageKey(caseIdFor('msteams', '29:user-aad')),
    });
  });
});

describe('the customer command', () => {
  it.each(['verilerimi sil', 'Verilerimi sil.', 'VERİLERİMİ SİL', 'delete my data', 'Delete my data!'])(
    '"%s" asks to erase',
    (text) => expect(parseCommand(text)).toBe('erase'),
  );

  it('is not a longer sentence', () => {
    expect(parseCommand('verilerimi silmeyin lütfen')).toBeUndefined();
  });
});
