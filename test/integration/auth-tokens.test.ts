import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector } from '../support/local-connector';
import { OpenIdServer } from '../support/openid-server';
import { startAuthenticatedBot, TEST_APP_ID, type AuthenticatedBot } from '../support/authenticated-bot';

jest.setTimeout(60_000);

/** Real RS256 tokens against a local OpenID metadata + JWKS server, checked by botframework-connector. */
describe('Bot Framework tokens on /api/messages', () => {
  const connector = new LocalConnector();
  const openId = new OpenIdServer();
  let bot: AuthenticatedBot;

  beforeAll(async () => {
    await connector.start();
    await openId.start();
    bot = await startAuthenticatedBot(openId);
  });
  afterAll(async () => {
    await bot.stop();
    await openId.stop();
    await connector.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('runs the turn for a valid token and sends the reply with an outbound token', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    const replies = await user.send('merhaba', bearer(openId.channelToken(TEST_APP_ID, connector.url)));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]?.text).toMatch(/^Merhaba!/);
    expect(replies[0]?.replyToId).toMatch(new RegExp(`^${user.conversationId}-in-`));
    expect(openId.keyRequests).toBeGreaterThanOrEqual(1);
    // The reply was authorised by a client-credentials grant for the bot, scoped to the Bot Connector.
    expect(openId.tokenRequests).toContainEqual({
      clientId: TEST_APP_ID,
      scope: 'https://api.botframework.com/.default',
    });
  });

  it.each([
    ['alg none', () => openId.unsigned(claims())],
    ['HS256 signed with the public key', () => openId.hs256WithPublicKey(claims())],
    ['an unknown key id', () => openId.sign(claims(), { kid: 'not-a-published-key' })],
    [
      'an expired token',
      () => openId.sign(claims({ exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 })),
    ],
    ['another app as audience', () => openId.sign(claims({ aud: '99999999-8888-7777-6666-555555555555' }))],
    ['another issuer', () => openId.sign(claims({ iss: 'https://attacker.example' }))],
    [
      'another serviceUrl in the token',
      () => openId.sign(claims({ serviceurl: 'https://elsewhere.example' })),
    ],
  ])('answers 401 to %s and runs no turn', async (_name, forge) => {
    const user = new ChannelSimulator(bot.url, connector);
    expect(await user.post('merhaba', bearer(forge()))).toBe(401);
    expect(await user.post('merhaba', { authorization: 'Bearer not.a.jwt' })).toBe(401);
    expect(await user.post('merhaba')).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.messages(user.conversationId)).toHaveLength(0);
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      iss: 'https://api.botframework.com',
      aud: TEST_APP_ID,
      serviceurl: connector.url,
      nbf: now() - 60,
      exp: now() + 3600,
      ...overrides,
    };
  }
});

describe('Bot Framework signing keys unavailable', () => {
  const connector = new LocalConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('answers 503 with Retry-After while the metadata fails, logs once a minute, and recovers', async () => {
    const openId = await new OpenIdServer().start();
    openId.failWith = 500;
    const bot = await startAuthenticatedBot(openId);
    try {
      const user = new ChannelSimulator(bot.url, connector);
      const token = openId.channelToken(TEST_APP_ID, connector.url);
      for (let i = 0; i < 5; i++) {
        const response = await postRaw(bot.url, user.activity('merhaba'), token);
        expect(response.status).toBe(503);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      expect(openId.metadataRequests).toBe(5);
      expect(connector.messages(user.conversationId)).toHaveLength(0);
      const lines = bot.logs.filter((l) => /signing keys unavailable/.test(l.msg));
      expect(lines).toHaveLength(1);
      expect(bot.logs.filter((l) => l.msg === 'activity failed')).toEqual([]);

      openId.failWith = undefined;
      expect(await user.post('merhaba', { authorization: `Bearer ${token}` })).toBe(200);
      await connector.waitForMessages(user.conversationId, 1);
    } finally {
      await bot.stop();
      await openId.stop();
    }
  });

  it('answers 503 when the metadata server cannot be reached at all', async () => {
    const openId = await new OpenIdServer().start();
    const gone = openId.metadataUrl;
    await openId.stop();
    const bot = await startAuthenticatedBot(openId, {}, gone);
    try {
      const user = new ChannelSimulator(bot.url, connector);
      const token = openId.channelToken(TEST_APP_ID, connector.url);
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await postRaw(bot.url, user.activity('merhaba'), token)).status);
      expect(statuses).toEqual([503, 503, 503]);
      expect(bot.logs.filter((l) => /signing keys unavailable/.test(l.msg))).toHaveLength(1);
      expect(connector.messages(user.conversationId)).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function postRaw(url: string, activity: Record<string, unknown>, token: string): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
}
