import { startInProcessBot } from '../support/in-process-bot';

function activity(userId: string) {
  return {
    type: 'typing',
    id: `a-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: userId },
    recipient: { id: 'bot' },
    conversation: { id: `conv-${userId}` },
  };
}

describe('/api/messages rate limits', () => {
  it('refuses a user past the per-user budget with 429 and Retry-After, other users unaffected', async () => {
    // Embedded mode: the in-memory twin of the Redis limiter.
    const bot = await startInProcessBot({ HTTP_RATE_PER_USER: '2', HTTP_RATE_PER_IP: '1000' });
    try {
      const post = (userId: string) =>
        fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity(userId)),
        });
      const into = Date.now() % 60_000;
      if (into > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 100));
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post('user-a')).status);
      expect(statuses.slice(0, 2)).not.toContain(429);
      expect(statuses[2]).toBe(429);
      const refused = await post('user-a');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({ code: 'TooManyRequests' });
      expect((await post('user-b')).status).not.toBe(429);
    } finally {
      await bot.stop();
    }
  }, 90_000);
});
