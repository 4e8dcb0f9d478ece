import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';
import { PrivateRedis } from '../support/redis-server';

jest.setTimeout(60_000);

async function waitForStatus(url: string, status: number, timeoutMs = 15_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url);
    if (res.status === status || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('when Redis goes away and comes back', () => {
  const redis = new PrivateRedis();
  const connector = new LocalConnector();
  let bot: Awaited<ReturnType<typeof startInProcessBot>>;

  beforeAll(async () => {
    await redis.start();
    await connector.start();
    bot = await startInProcessBot({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'outage:',
      TURN_LOCK_WAIT_MS: '2000',
    });
    await waitForStatus(`${bot.url}/readyz`, 200);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    await redis.stop();
  });

  it('reports 503, apologises politely, keeps serving, and recovers with nothing lost', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    await user.say('merhaba', 4);

    await redis.stop();
    const notReady = await waitForStatus(`${bot.url}/readyz`, 503);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      status: 'unavailable',
      reason: expect.stringMatching(/redis/),
    });

    const apology = await user.say('Kabul ediyorum');
    expect(apology[0]?.text).toMatch(/geçici bir teknik sorun/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

    // Redis comes back empty (no persistence in this test), so the conversation starts over cleanly;
    // with a persistent Redis (AOF in deploy/) the dialog would resume where it was.
    await redis.start();
    expect((await waitForStatus(`${bot.url}/readyz`, 200)).status).toBe(200);
    const after = await user.say('merhaba', 4);
    expect(after[2]?.text).toMatch(/^Aydınlatma metni/);
  });
});
