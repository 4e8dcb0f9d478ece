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
    await user.say('merhaba', 4); // welcome, six steps, privacy notice, accept/decline buttons
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => user.post(`Mesaj ${i + 1}`, {}, bots[i % 2]!.url)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);

    // None of them accepts the notice, so each turn re-asks the question: 20 answers, no apology.
    const all = await connector.waitForMessages(user.conversationId, 4 + 20, 20_000);
    const replies = all.slice(4);
    expect(replies).toHaveLength(20);
    expect(replies.every((r) => JSON.stringify(r.attachments).includes('Kabul ediyorum'))).toBe(true);
    expect(replies.some((r) => /geçici|beklenmedik/.test(r.text ?? ''))).toBe(false);

    const state = await conversationState(user.conversationId);
    expect(state?.stats).toMatchObject({ messages: 21 });
  });

  it('continues a dialog after the process that started it is restarted', async () => {
    const user = new ChannelSimulator(bots[0]!.url, connector);
    await user.say('merhaba', 4);
    expect(await bots[0]!.stop()).toBe(0); // graceful shutdown exits 0
    bots[0] = await startBotProcess(env);
    const fresh = new ChannelSimulator(bots[0].url, connector, {
      conversationId: user.conversationId,
      userId: user.userId,
    });
    const replies = await fresh.send('Kabul ediyorum');
    expect(replies[0]?.text).toBe('Teşekkürler, kaydettim.');
  });
});
