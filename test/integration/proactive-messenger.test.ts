import type { ChannelAddress } from '../../src/domain/case';
import { createClient } from 'redis';
import { InMemoryDeliveryStore, RedisDeliveryStore } from '../../src/reminders/delivery-store';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
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

describe('InMemoryDeliveryStore', () => {
  it('lets one attempt send, refuses duplicates, and frees the key when an attempt gives up', async () => {
    let now = 0;
    const store = new InMemoryDeliveryStore(() => now);
    expect(await store.begin('k')).toBe(true);
    expect(await store.begin('k')).toBe(false);
    await store.abandon('k');
    expect(await store.begin('k')).toBe(true);
    await store.markSent('k');
    now += 10 * 60_000;
    expect(await store.begin('k')).toBe(false);
    expect(await store.begin('other')).toBe(true);
    now += 3 * 60_000; // a crashed attempt's lease runs out: the next one may send
    expect(await store.begin('other')).toBe(true);
  });
});

describe('RedisDeliveryStore', () => {
  const prefix = uniquePrefix('delivery');
  const client = createClient({ url: REDIS_URL });
  beforeAll(() => client.connect());
  afterAll(async () => {
    await deleteByPrefix(prefix);
    await client.close();
  });

  it('has the same semantics on Redis, with a lease on `sending` and a long TTL on `sent`', async () => {
    const store = new RedisDeliveryStore(client, prefix);
    expect(await store.begin('c_1:awaiting_iys_code:0')).toBe(true);
    expect(await store.begin('c_1:awaiting_iys_code:0')).toBe(false);
    expect(await client.pTTL(`${prefix}delivery:c_1:awaiting_iys_code:0`)).toBeLessThanOrEqual(120_000);
    await store.markSent('c_1:awaiting_iys_code:0');
    expect(await client.ttl(`${prefix}delivery:c_1:awaiting_iys_code:0`)).toBeGreaterThan(30 * 24 * 3600);
    expect(await store.begin('c_1:awaiting_iys_code:0')).toBe(false);
    expect(await store.begin('c_1:awaiting_iys_code:1')).toBe(true);
    await store.abandon('c_1:awaiting_iys_code:1');
    expect(await store.begin('c_1:awaiting_iys_code:1')).toBe(true);
  });
});
