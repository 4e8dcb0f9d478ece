import { caseIdFor } from '../../src/cases/case-keys';
import {
  InMemoryDeliveryStatusStore,
  RedisDeliveryStatusStore,
} from '../../src/channels/whatsapp/delivery-status';
import { whatsAppUserId, type WaStatus } from '../../src/channels/whatsapp/types';
import { FakeGraphServer } from '../support/fake-graph-server';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { whatsAppEnv, WhatsAppSimulator } from '../support/whatsapp-simulator';
import { createClient } from 'redis';

const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'channel-test-secret';

describe('the WhatsApp channel in the embedded mode', () => {
  let graph: FakeGraphServer;
  let bot: InProcessBot;
  let n = 0;
  const customer = () =>
    new WhatsAppSimulator({
      botUrl: bot.url,
      graph,
      appSecret: APP_SECRET,
      phoneNumberId: PHONE_NUMBER_ID,
      waId: `90555000${String((n += 1)).padStart(4, '0')}`,
    });

  beforeAll(async () => {
    graph = await FakeGraphServer.start();
    bot = await startInProcessBot({
      ...whatsAppEnv(graph, APP_SECRET, PHONE_NUMBER_ID, 'verify-me'),
    });
  });

  afterAll(async () => {
    await bot.stop();
    await graph.close();
  });

  afterEach(() => expect(graph.limitProblems).toEqual([]));

  it('answers the verification handshake with the challenge', async () => {
    const url = `${bot.url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('keeps no file before the privacy notice is accepted', async () => {
    const user = customer();
    await user.send('merhaba');
    const replies = await user.document('media-early', 'imza-sirkuleri.pdf');
    expect(WhatsAppSimulator.readable(replies)).toContain('aydınlatma metnini onaylamanız gerekiyor');
    const record = await bot.cases.get(caseIdFor('whatsapp', whatsAppUserId(user.userKey)));
    expect(record?.documents ?? []).toEqual([]);
  });

  it('explains that a sticker cannot be read and leaves the open question as it was', async () => {
    const user = customer();
    const greeting = await user.send('merhaba');
    const res = await user.post({ type: 'sticker', sticker: { id: 'sticker-1', mime_type: 'image/webp' } });
    expect(res.status).toBe(200);
    expect(WhatsAppSimulator.readable(await user.nextReplies())).toContain('okuyamıyorum');
    const next = await user.tap('Kabul ediyorum', greeting);
    expect(WhatsAppSimulator.readable(next)).toContain('İYS numarası (İYSKod) var mı?');
  });

  it('sends all replies of a turn after the turn, merged where WhatsApp allows', async () => {
    const user = customer();
    const before = graph.messages.length;
    const replies = await user.send('merhaba');
    // Welcome, six steps and the privacy notice are three texts; the question with its buttons folds the
    // texts that fit into its body, so the customer gets far fewer messages than the bot wrote.
    expect(replies.length).toBeLessThanOrEqual(3);
    expect(graph.messages.length - before).toBe(replies.length);
    expect(replies.at(-1)).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
  });
});

describe('WhatsApp rate limits', () => {
  it('answers 429 past the per-IP budget and does not run messages past the per-user budget', async () => {
    const graph = await FakeGraphServer.start();
    const bot = await startInProcessBot({
      ...whatsAppEnv(graph, APP_SECRET, PHONE_NUMBER_ID, 'verify-me'),
      HTTP_RATE_PER_USER: '2',
      HTTP_RATE_PER_IP: '4',
    });
    try {
      const user = new WhatsAppSimulator({
        botUrl: bot.url,
        graph,
        appSecret: APP_SECRET,
        phoneNumberId: PHONE_NUMBER_ID,
        waId: '905550009999',
      });
      await user.send('merhaba');
      await user.send('yardım');
      // The third message within the minute is acknowledged (Meta must not retry it) but not run; the
      // customer is told once to write again later, not once per message.
      expect((await user.post({ type: 'text', text: { body: 'durum' } })).status).toBe(200);
      const notice = WhatsAppSimulator.readable(await user.nextReplies());
      expect(notice).toContain('Çok hızlı mesaj geliyor');
      expect(notice).not.toContain('İYS');
      // The fourth is dropped without a second notice.
      expect((await user.post({ type: 'text', text: { body: 'durum' } })).status).toBe(200);
      await expect(user.nextReplies(600)).rejects.toThrow('the bot sent nothing');
      // Four webhooks from this IP were the budget; the fifth is refused and Meta will retry it.
      expect((await user.post({ type: 'text', text: { body: 'durum' } })).status).toBe(429);
    } finally {
      await bot.stop();
      await graph.close();
    }
  });
});

describe('delivery state of sent messages', () => {
  const prefix = uniquePrefix('wa-status');
  const redis = createClient({ url: REDIS_URL });
  beforeAll(() => redis.connect());
  afterAll(async () => {
    await deleteByPrefix(prefix);
    await redis.close();
  });

  const status = (s: WaStatus['status'], second: number, errorCodes: number[] = []): WaStatus => ({
    kind: 'status',
    messageId: 'wamid.sent-1',
    status: s,
    timestamp: new Date(Date.UTC(2026, 10, 23, 9, 0, second)),
    phoneNumberId: PHONE_NUMBER_ID,
    errorCodes,
  });

  it.each([
    ['redis', () => new RedisDeliveryStatusStore(redis, prefix)],
    ['memory', () => new InMemoryDeliveryStatusStore()],
  ])('never moves backwards and lets a failure win (%s)', async (_name, make) => {
    const store = make();
    expect(await store.get('wamid.sent-1')).toBeUndefined();
    await store.record(status('delivered', 2));
    await store.record(status('sent', 1)); // arrives late
    expect((await store.get('wamid.sent-1'))?.status).toBe('delivered');
    await store.record(status('read', 3));
    await store.record(status('failed', 4, [131047]));
    expect(await store.get('wamid.sent-1')).toEqual({
      status: 'failed',
      at: '2026-11-23T09:00:04.000Z',
      errorCodes: [131047],
    });
  });
});
