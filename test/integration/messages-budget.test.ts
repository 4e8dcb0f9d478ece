import { t } from '../../src/i18n';
import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector, type ReceivedActivity } from '../support/local-connector';
import { startInProcessBot } from '../support/in-process-bot';
import { OpenIdServer } from '../support/openid-server';
import { awayFromMinuteBoundary, startAuthenticatedBot, TEST_APP_ID } from '../support/authenticated-bot';

jest.setTimeout(90_000);

/** Per-IP and per-user budgets on /api/messages with real Bot Framework tokens (fixed one-minute windows). */
describe('/api/messages budgets with authentication', () => {
  const connector = new LocalConnector();
  const openId = new OpenIdServer();
  beforeAll(async () => {
    await connector.start();
    await openId.start();
  });
  afterAll(async () => {
    await openId.stop();
    await connector.stop();
  });

  const bearer = () => ({ authorization: `Bearer ${openId.channelToken(TEST_APP_ID, connector.url)}` });

  it('accepts every valid-token request past HTTP_RATE_PER_IP; only unproven requests spend it (429)', async () => {
    const bot = await startAuthenticatedBot(openId, { HTTP_RATE_PER_IP: '3', HTTP_RATE_PER_USER: '1000' });
    try {
      await awayFromMinuteBoundary();
      // Four times the per-IP budget from one address (all tests post from 127.0.0.1), all with valid tokens.
      const users = Array.from({ length: 4 }, () => new ChannelSimulator(bot.url, connector));
      const valid: number[] = [];
      for (let i = 0; i < 3; i++) for (const user of users) valid.push(await user.post('merhaba', bearer()));
      expect(valid).toEqual(Array(12).fill(200));
      for (const user of users) expect(connector.messages(user.conversationId).length).toBeGreaterThan(0);

      // Without a token, or with a refused one: 401 within the budget, then 429 with Retry-After.
      const stranger = new ChannelSimulator(bot.url, connector);
      const forged = {
        authorization: `Bearer ${openId.sign({ iss: 'https://api.botframework.com', aud: 'x' })}`,
      };
      const unproven = [
        await stranger.post('merhaba'),
        await stranger.post('merhaba', forged),
        await stranger.post('merhaba'),
        await stranger.post('merhaba', forged),
        await stranger.post('merhaba'),
      ];
      expect(unproven).toEqual([401, 401, 401, 429, 429]);
      const refused = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(stranger.activity('merhaba')),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(connector.messages(stranger.conversationId)).toHaveLength(0);

      // The address is over its budget, and a valid token still gets through.
      const again = users[0] as ChannelSimulator;
      const before = connector.messages(again.conversationId).length;
      expect(await again.post('merhaba', bearer())).toBe(200);
      expect(connector.messages(again.conversationId).length).toBeGreaterThan(before);
    } finally {
      await bot.stop();
    }
  });

  it('tells a user over HTTP_RATE_PER_USER once, in their language, and still answers every message', async () => {
    const bot = await startAuthenticatedBot(openId, { HTTP_RATE_PER_USER: '2' });
    try {
      await awayFromMinuteBoundary();
      for (const [locale, language] of [
        ['tr-TR', 'tr'],
        ['en-US', 'en'],
      ] as const) {
        const user = new ChannelSimulator(bot.url, connector);
        const notice = t(language, 'bot.slowDownStillProcessing');
        const sent: string[] = [];
        for (let i = 0; i < 5; i++) {
          const activity = user.activity(i === 0 ? 'merhaba' : 'yardım', { locale });
          sent.push(activity.id as string);
          const response = await fetch(`${bot.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...bearer() },
            body: JSON.stringify(activity),
          });
          expect(response.status).toBe(200);
        }
        const received = connector.messages(user.conversationId);
        const notices = received.filter((m) => m.text === notice);
        expect(notices).toHaveLength(1);
        // The notice goes with the first message over the budget (the third).
        expect(notices[0]?.replyToId).toBe(sent[2]);
        // Nothing was dropped: every message, over the budget or not, got the bot's own answer.
        for (const id of sent) expect(answersTo(received, id, notice).length).toBeGreaterThan(0);
      }
    } finally {
      await bot.stop();
    }
  });
});

describe('/api/messages budgets without an app id (Emulator, Agents Playground)', () => {
  const connector = new LocalConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('still spends the per-IP budget on every request, since nothing is authenticated', async () => {
    const bot = await startInProcessBot({ HTTP_RATE_PER_IP: '2', HTTP_RATE_PER_USER: '1000' });
    try {
      await awayFromMinuteBoundary();
      const user = new ChannelSimulator(bot.url, connector);
      expect([await user.post('merhaba'), await user.post('merhaba'), await user.post('merhaba')]).toEqual([
        200, 200, 429,
      ]);
    } finally {
      await bot.stop();
    }
  });
});

function answersTo(
  received: readonly ReceivedActivity[],
  activityId: string,
  notice: string,
): ReceivedActivity[] {
  return received.filter((m) => m.replyToId === activityId && m.text !== notice);
}
