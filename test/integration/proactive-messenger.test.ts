import type { ChannelAddress } from '../../src/domain/case';
import { ChannelSimulator } from '../support/channel-simulator';
import { localMessenger } from '../support/bot-framework-messenger';
import { LocalConnector } from '../support/local-connector';

describe('proactive messages on Bot Framework channels', () => {
  const connector = new LocalConnector();
  const { messenger, sender } = localMessenger();
  beforeAll(() => connector.start());
  afterAll(async () => {
    sender.close();
    await connector.stop();
  });

  const address = (conversationId: string): ChannelAddress => ({
    channelId: 'emulator',
    conversationId,
    serviceUrl: connector.url,
    userId: 'user-1',
    botId: 'bot',
    addedAt: '2026-11-20T09:00:00.000Z',
    reference: {
      channelId: 'emulator',
      serviceUrl: connector.url,
      conversation: { id: conversationId },
      user: { id: 'user-1' },
      bot: { id: 'bot' },
    },
  });

  it('writes into the stored conversation with one-tap answers', async () => {
    const outcome = await messenger.send(address('conv-proactive'), {
      text: 'İYS başvurunuzun sonucu geldi mi?',
      actions: [
        { title: 'Kodlarım geldi', value: 'codes' },
        { title: 'Temsilciyle görüş', value: 'agent' },
      ],
    });
    expect(outcome).toBe('sent');
    const [message] = connector.messages('conv-proactive');
    const [card] = ChannelSimulator.cards(message ? [message] : []);
    expect(card?.body).toEqual([expect.objectContaining({ text: 'İYS başvurunuzun sonucu geldi mi?' })]);
    expect(card?.actions?.map((a) => a.title)).toEqual(['Kodlarım geldi', 'Temsilciyle görüş']);
  });

  it('reports a conversation the bot was removed from as unreachable', async () => {
    connector.failNext(403, 'BotNotInConversationRoster');
    expect(await messenger.send(address('conv-gone'), { text: 'x', actions: [] })).toBe('unreachable');
  });

  it('surfaces throttling that outlasts the sender’s retries as an error for the job to retry', async () => {
    connector.failNext(429, 'Throttled', 3);
    await expect(messenger.send(address('conv-busy'), { text: 'x', actions: [] })).rejects.toMatchObject({
      statusCode: 429,
    });
  });
});
