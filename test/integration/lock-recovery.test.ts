import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { HoldingConnector } from '../support/holding-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(90_000);

describe('a bot process killed (SIGKILL) mid-turn', () => {
  const prefix = uniquePrefix('recovery');
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, NODE_ENV: 'test' };
  const connector = new HoldingConnector();
  const client = createClient({ url: REDIS_URL });
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    await client.connect();
    await connector.start();
  });
  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await connector.stop();
    await deleteByPrefix(prefix);
    await client.close();
  });

  const conversationId = `conv-${randomUUID()}`;
  let counter = 0;
  const post = (url: string, text: string): Promise<Response> =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `${conversationId}-${++counter}`,
        channelId: 'emulator',
        serviceUrl: connector.url,
        from: { id: 'user-recovery', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        conversation: { id: conversationId },
        locale: 'tr-TR',
        text,
      }),
    });

  it('lets the restarted process answer the same conversation within 3 s of becoming healthy', async () => {
    bot = await startBotProcess(env);
    expect((await post(bot.url, 'merhaba')).status).toBe(200);
    expect(connector.texts.get(conversationId)).toHaveLength(4);

    // The next turn hangs on its first reply, holding the conversation's lease, and the process dies.
    connector.holding = true;
    const held = connector.nextHeld();
    void post(bot.url, 'Kabul ediyorum').catch(() => undefined);
    await held;
    const leaseKey = `${prefix}lock:emulator/${conversationId}`;
    expect(await client.exists(leaseKey)).toBe(1);
    await bot.stop('SIGKILL');
    connector.holding = false;

    bot = await startBotProcess(env);
    const healthyAt = Date.now();
    const res = await post(bot.url, 'Kabul ediyorum');
    const answeredAfterMs = Date.now() - healthyAt;
    expect(res.status).toBe(200);
    expect(answeredAfterMs).toBeLessThan(3_000);
    // The killed turn saved nothing; the customer's repeated answer is taken now.
    expect(connector.texts.get(conversationId)?.[4]).toBe('Teşekkürler, kaydettim.');
    expect(bot.output()).not.toMatch(/turn failed/);
  });
});
