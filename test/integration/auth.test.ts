import { startBotProcess, runBotExpectingExit } from '../support/bot-process';
import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';

jest.setTimeout(30_000);

describe('authentication on /api/messages', () => {
  const connector = new LocalConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('answers 401 to a POST without a token when an app id is configured, and runs no turn', async () => {
    const bot = await startInProcessBot({
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    });
    try {
      const user = new ChannelSimulator(bot.url, connector);
      expect(await user.post('merhaba')).toBe(401);
      expect(await user.post('merhaba', { authorization: 'Bearer not.a.jwt' })).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(connector.messages(user.conversationId)).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });

  it('refuses to start in production without an app id, with a clear message', async () => {
    const { code, output } = await runBotExpectingExit({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/refuses to start/);
    expect(output).toMatch(/MICROSOFT_APP_ID: required when NODE_ENV=production/);
  });

  it('starts with no environment at all and accepts the Emulator protocol', async () => {
    const bot = await startBotProcess({});
    try {
      const user = new ChannelSimulator(bot.url, connector);
      const replies = await user.say('merhaba', 4);
      expect(replies[0]?.text).toMatch(/^Merhaba!/);
      // restify 11 pulled in spdy, whose http_parser access warns (DEP0111) on Node 22 and crashes Node 24.
      expect(bot.output()).not.toMatch(/DeprecationWarning|DEP0\d+|Warning:/);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });
});
