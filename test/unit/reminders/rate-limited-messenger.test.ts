import type { ChannelAddress } from '../../../src/domain/case';
import {
  channelRates,
  RateLimitedMessenger,
  type ChannelRateLimiter,
} from '../../../src/reminders/channel-rate-limiter';
import type { OutboundMessage, ProactiveMessenger } from '../../../src/channels/proactive-messenger';

const address = (channelId: string): ChannelAddress => ({
  channelId,
  conversationId: 'conv-1',
  serviceUrl: 'http://127.0.0.1:1',
  userId: 'u',
  botId: 'bot',
  reference: {},
  addedAt: '2026-11-20T09:00:00.000Z',
});
const message: OutboundMessage = {
  text: 'Hatırlatma',
  actions: [{ title: 'Kodlarım geldi', value: 'codes' }],
};

/** Records the order of events: limiter asked, limiter answered, message sent. */
function setUp(acquire: (channelId: string) => Promise<void> = async () => undefined) {
  const events: string[] = [];
  const limiter: ChannelRateLimiter = {
    acquire: async (channelId) => {
      events.push(`acquire ${channelId}`);
      await acquire(channelId);
      events.push(`granted ${channelId}`);
    },
  };
  const inner: ProactiveMessenger = {
    send: async (to, sent) => {
      events.push(`send ${to.channelId} ${sent.text}`);
      return to.channelId === 'gone' ? 'unreachable' : 'sent';
    },
  };
  return { events, messenger: new RateLimitedMessenger(inner, limiter) };
}

describe('RateLimitedMessenger', () => {
  it('waits for the channel of the address before sending, and passes the outcome on', async () => {
    let release: () => void = () => undefined;
    const { events, messenger } = setUp((channelId) =>
      channelId === 'msteams' ? new Promise<void>((r) => (release = r)) : Promise.resolve(),
    );
    const sending = messenger.send(address('msteams'), message);
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['acquire msteams']);
    release();
    expect(await sending).toBe('sent');
    expect(await messenger.send(address('gone'), message)).toBe('unreachable');
    expect(events).toEqual([
      'acquire msteams',
      'granted msteams',
      'send msteams Hatırlatma',
      'acquire gone',
      'granted gone',
      'send gone Hatırlatma',
    ]);
  });

  it('sends nothing when the limiter fails', async () => {
    const { events, messenger } = setUp(async () => {
      throw new Error('redis away');
    });
    await expect(messenger.send(address('whatsapp'), message)).rejects.toThrow('redis away');
    expect(events).toEqual(['acquire whatsapp']);
  });
});

describe('channelRates', () => {
  it('gives a channel its own configured rate, else the default', () => {
    const rates = channelRates({
      rate: { max: 20, perMs: 1_000 },
      channelRates: { whatsapp: { max: 80, perMs: 1_000 } },
    });
    expect(rates('whatsapp')).toEqual({ max: 80, perMs: 1_000 });
    expect(rates('msteams')).toEqual({ max: 20, perMs: 1_000 });
  });
});
