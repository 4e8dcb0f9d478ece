import { GraphClient, type GraphRetryEvent } from '../../src/channels/whatsapp/graph-client';
import { GraphApiError, classify } from '../../src/channels/whatsapp/graph-errors';
import type { WaOutbound, WaRecipient } from '../../src/channels/whatsapp/types';
import { FakeGraphServer } from '../support/fake-graph-server';

const customer: WaRecipient = { userKey: 'US.1234567890', waId: '905321234567' };
const hello: WaOutbound = { type: 'text', text: { body: 'Merhaba' } };

describe('GraphClient against a local Graph API', () => {
  let graph: FakeGraphServer;
  let retries: GraphRetryEvent[];
  let waits: number[];

  const client = (overrides: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}) =>
    new GraphClient({
      baseUrl: graph.baseUrl,
      version: 'v23.0',
      phoneNumberId: '1098765432',
      accessToken: graph.accessToken,
      backoffMs: 1,
      rateLimitDelayMs: 1,
      pairRateDelayMs: 5,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onRetry: (event) => retries.push(event),
      ...overrides,
    });

  beforeAll(async () => {
    graph = await FakeGraphServer.start();
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.reset();
    retries = [];
    waits = [];
  });
  afterEach(() => expect(graph.limitProblems).toEqual([]));

  it('posts the message with the bearer token and returns Meta’s message id', async () => {
    const result = await client().send(customer, hello);
    expect(result.messageId).toMatch(/^wamid\.fake-\d+$/);
    expect(graph.messages).toHaveLength(1);
    const [sent] = graph.messages;
    expect(sent?.path).toBe('/v23.0/1098765432/messages');
    expect(sent?.authorization).toBe(`Bearer ${graph.accessToken}`);
    expect(sent?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '905321234567',
      type: 'text',
      text: { body: 'Merhaba' },
    });
  });

  it('sends interactive and template messages as they are', async () => {
    const buttons: WaOutbound = {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Kodlar geldi mi?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'reminder.codes_arrived', title: 'Geldi' } }] },
      },
    };
    const template: WaOutbound = {
      type: 'template',
      template: {
        name: 'iys_onboarding_reminder',
        language: { code: 'tr' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Hatırlatma' }] }],
      },
    };
    await client().send(customer, buttons);
    await client().send(customer, template);
    expect(graph.messages.map((m) => m.message)).toEqual([buttons, template]);
  });

  it('addresses a customer without a known number by the business-scoped user id', async () => {
    await client().send({ userKey: 'TR.13491208655302741918' }, hello);
    expect(graph.messages[0]?.recipient).toBe('TR.13491208655302741918');
    expect(graph.messages[0]?.body).not.toHaveProperty('to');
  });

  it('retries throughput limits and server errors with growing waits, then succeeds', async () => {
    graph.failNext({ status: 429, code: 130429, message: 'Rate limit hit' });
    graph.failNext({ status: 500, code: 131000, message: 'Something went wrong' });
    graph.failNext({ status: 503 });
    const result = await client().send(customer, hello);
    expect(result.messageId).toMatch(/^wamid\./);
    expect(graph.messages).toHaveLength(1);
    expect(retries.map((r) => [r.attempt, r.reason, r.code ?? null])).toEqual([
      [1, 'rate_limited', 130429],
      [2, 'server', 131000],
      [3, 'server', 131000],
    ]);
    expect(waits[1]).toBeLessThan(waits[2] ?? 0);
  });

  it('waits at least the pair-rate pause and honours Retry-After', async () => {
    graph.failNext({
      status: 429,
      code: 131056,
      message: '(Business Account, Consumer Account) pair rate limit hit',
    });
    graph.failNext({ status: 429, retryAfter: '2' });
    await client().send(customer, hello);
    expect(waits[0]).toBeGreaterThanOrEqual(5);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
  });

  it('gives up after its retries and says why', async () => {
    graph.failNext({ status: 500 }, 4);
    const error = await client()
      .send(customer, hello)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ reason: 'server', statusCode: 500, retryable: true });
    expect(retries).toHaveLength(3);
    expect(graph.messages).toHaveLength(0);
  });

  it('does not wait for a Retry-After longer than it allows', async () => {
    graph.failNext({ status: 429, code: 80007, retryAfter: '3600' });
    await expect(client().send(customer, hello)).rejects.toMatchObject({
      reason: 'rate_limited',
      code: 80007,
    });
    expect(retries).toEqual([]);
  });

  it('never retries a closed window, an invalid message or a bad token', async () => {
    graph.failNext({
      status: 400,
      code: 131047,
      message: 'Re-engagement message',
      details:
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
    await expect(client().send(customer, hello)).rejects.toMatchObject({
      reason: 'window_closed',
      code: 131047,
      statusCode: 400,
      fbtraceId: 'AFakeTraceId',
    });
    graph.failNext({ status: 400, code: 100, subcode: 2494010, message: 'Invalid parameter' });
    await expect(client().send(customer, hello)).rejects.toMatchObject({
      reason: 'invalid',
      code: 100,
      subcode: 2494010,
    });
    await expect(client({ accessToken: 'expired-token' }).send(customer, hello)).rejects.toMatchObject({
      reason: 'auth',
      code: 190,
      statusCode: 401,
    });
    graph.failNext({ status: 400, code: 131048, message: 'Spam rate limit hit' });
    await expect(client().send(customer, hello)).rejects.toMatchObject({
      reason: 'rate_limited',
      retryable: false,
    });
    expect(retries).toEqual([]);
  });

  it('keeps the customer’s number and the token out of error messages', async () => {
    graph.failNext({
      status: 400,
      code: 131026,
      message: 'Message undeliverable',
      details: `Recipient +90 532 123 45 67 (TR.13491208655302741918) cannot be reached with ${graph.accessToken}`,
    });
    const error = (await client()
      .send(customer, hello)
      .catch((e: unknown) => e)) as GraphApiError;
    expect(error.reason).toBe('unreachable');
    expect(error.message).toContain('131026');
    expect(error.message).not.toMatch(/532|4567|TR\.1349|Merhaba/);
    expect(error.message).not.toContain(graph.accessToken);
  });

  it('treats an unreadable success as a failure it does not retry (the message may have gone out)', async () => {
    graph.failNext({ status: 200, rawBody: '<html>ok</html>' });
    await expect(client().send(customer, hello)).rejects.toMatchObject({
      reason: 'server',
      retryable: false,
    });
    expect(retries).toEqual([]);
  });

  it('reports an unreachable Graph API as a server error after retrying', async () => {
    const closed = await FakeGraphServer.start();
    const baseUrl = closed.baseUrl;
    await closed.close();
    await expect(client({ baseUrl, retries: 1 }).send(customer, hello)).rejects.toMatchObject({
      reason: 'server',
      statusCode: undefined,
    });
    expect(retries).toHaveLength(1);
  });

  it('times out a call that hangs', async () => {
    const slow: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    await expect(client({ fetch: slow, timeoutMs: 20, retries: 0 }).send(customer, hello)).rejects.toThrow(
      /timed out after 20 ms/,
    );
  });

  describe('media', () => {
    const pdf = Buffer.from('%PDF-1.7 taahhütname');

    it('looks the media up, then downloads it with the token', async () => {
      graph.addMedia('1234567890123', { bytes: pdf, mimeType: 'application/pdf' });
      const info = await client().media('1234567890123');
      expect(info).toMatchObject({ mimeType: 'application/pdf', fileSize: pdf.length });
      expect(info.url.startsWith(graph.baseUrl)).toBe(true);
      const file = await client().downloadMedia('1234567890123');
      expect(file.mimeType).toBe('application/pdf');
      expect(file.bytes.equals(pdf)).toBe(true);
      const paths = graph.requests.map((r) => [r.method, r.path.split('?')[0], r.authorization]);
      expect(paths).toEqual([
        ['GET', '/v23.0/1234567890123', `Bearer ${graph.accessToken}`],
        ['GET', '/v23.0/1234567890123', `Bearer ${graph.accessToken}`],
        ['GET', '/whatsapp_business/attachments/', `Bearer ${graph.accessToken}`],
      ]);
    });

    it('retries a failing media lookup and refuses files larger than allowed', async () => {
      graph.addMedia('42', { bytes: pdf, mimeType: 'application/pdf' });
      graph.failNext({ status: 500 }, 1, 'media');
      expect((await client().downloadMedia('42')).bytes.length).toBe(pdf.length);
      expect(retries).toHaveLength(1);
      await expect(client({ maxMediaBytes: 4 }).downloadMedia('42')).rejects.toMatchObject({
        reason: 'invalid',
      });
    });

    it('an unknown media id is invalid', async () => {
      await expect(client().media('999')).rejects.toMatchObject({ reason: 'invalid', code: 100 });
    });
  });
});

describe('classify', () => {
  it.each([
    [400, 131047, 'window_closed'],
    [400, 470, 'window_closed'],
    [429, 131056, 'rate_limited'],
    [400, 130429, 'rate_limited'],
    [400, 131048, 'rate_limited'],
    [400, 80007, 'rate_limited'],
    [400, 4, 'rate_limited'],
    [400, 131026, 'unreachable'],
    [401, 190, 'auth'],
    [403, 200, 'auth'],
    [403, 10, 'auth'],
    [400, 131051, 'invalid'],
    [400, 100, 'invalid'],
    [400, 132000, 'invalid'],
    [500, 131000, 'server'],
    [503, 131016, 'server'],
    [429, undefined, 'rate_limited'],
    [502, undefined, 'server'],
    [404, undefined, 'invalid'],
  ] as const)('HTTP %i code %s → %s', (status, code, reason) => {
    expect(classify(status, code)).toBe(reason);
  });
});
