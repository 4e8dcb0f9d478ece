import { createClient } from 'redis';
import { RedisStorage } from '../../src/state/redis-storage';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(60_000);

describe('two bot processes sharing Redis', () => {
  const prefix = uniquePrefix('multi');
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, NODE_ENV: 'test' };
  const connector = new LocalConnector();
  const client = createClient({ url: REDIS_URL });
  let bots: BotProcess[] = [];

  beforeAll(async () => {
    await client.connect();
    await connector.start();
    bots = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector.stop();
    await deleteByPrefix(prefix);
    await client.close();
  });

  async function conversationState(conversationId: string): Promise<Record<string, unknown> | undefined> {
    const storage = new RedisStorage(client, { keyPrefix: prefix });
    const key = `emulator/bot/conversations/${conversationId}`;
    return (await storage.read([key]))[key];
  }

  it('answers 20 parallel messages to one conversation, alternating processes, and loses none', async () => {
    const user = new ChannelSimulator(bots[0]!.url, connector);
    // The first message opens the dialog (2 replies); the 20 parallel ones then get one or two replies each.
    await user.say('merhaba', 2);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => user.post(`Mesaj ${i + 1} Ticaret A.Ş.`, {}, bots[i % 2]!.url)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Turns alternate between "title saved" (dialog ends) and "greeting + question" (dialog restarts):
    // 10 saved confirmations and 10 greetings + 10 questions, i.e. 30 messages after the first 2.
    const all = await connector.waitForMessages(user.conversationId, 2 + 30, 20_000);
    const texts = all.slice(2).map((a) => a.text ?? '');
    expect(texts.filter((t) => t.startsWith('Teşekkürler'))).toHaveLength(10);
    expect(texts.filter((t) => t.startsWith('Merhaba!'))).toHaveLength(10);
    expect(texts.some((t) => /geçici|beklenmedik/.test(t))).toBe(false);

    const state = await conversationState(user.conversationId);
    expect(state?.stats).toMatchObject({ messages: 21 });
    // Every message was seen exactly once, in a consistent order: each confirmation names a distinct message.
    const confirmed = texts.filter((t) => t.startsWith('Teşekkürler')).map((t) => /Mesaj (\d+)/.exec(t)?.[1]);
    expect(new Set(confirmed).size).toBe(10);
  });

  it('continues a dialog after the process that started it is restarted', async () => {
    const user = new ChannelSimulator(bots[0]!.url, connector);
    await user.say('merhaba', 2);
    expect(await bots[0]!.stop()).toBe(0); // graceful shutdown exits 0
    bots[0] = await startBotProcess(env);
    const fresh = new ChannelSimulator(bots[0].url, connector, {
      conversationId: user.conversationId,
      userId: user.userId,
    });
    const replies = await fresh.say('Yeniden Başlatma Lojistik Ltd. Şti.');
    expect(replies[0]?.text).toBe(
      'Teşekkürler, ticari unvanınızı “Yeniden Başlatma Lojistik Ltd. Şti.” olarak kaydettim.',
    );
  });
});
