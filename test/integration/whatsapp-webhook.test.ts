import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'redis';
import type { WhatsAppConfig } from '../../src/config';
import { closeServer, createHttpServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/observability/logger';
import type { Logger } from '../../src/observability/logger';
import type { RedisClient } from '../../src/state/redis-client';
import {
  InMemoryConversationWindowStore,
  InMemoryMessageDedupe,
  RedisConversationWindowStore,
  RedisMessageDedupe,
  type MessageDedupe,
} from '../../src/channels/whatsapp/inbox';
import { InMemoryInboxQueue, type InboxQueue } from '../../src/channels/whatsapp/inbox-queue';
import { RedisInboxQueue } from '../../src/channels/whatsapp/redis-inbox-queue';
import { signatureFor } from '../../src/channels/whatsapp/signature';
import {
  whatsAppUserId,
  type ConversationWindowStore,
  type WaInbound,
} from '../../src/channels/whatsapp/types';
import { registerWhatsAppWebhook, type WhatsAppWebhookDeps } from '../../src/channels/whatsapp/webhook-route';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-token-for-tests';
const AYSE = '905321112233';
const config: WhatsAppConfig = {
  phoneNumberId: '106540352242922',
  accessToken: 'graph-token-for-tests',
  appSecret: SECRET,
  verifyToken: VERIFY_TOKEN,
  graphBaseUrl: 'http://127.0.0.1:9',
  graphVersion: 'v23.0',
  templates: {
    reminder: 'iys_onboarding_reminder',
    agentMessage: 'iys_onboarding_agent_reply',
    language: 'tr',
  },
};
const BODY_LIMIT = 16 * 1024;

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../fixtures/whatsapp', `${name}.json`), 'utf8');

interface Stores {
  readonly inbox: (logger: Logger) => InboxQueue;
  readonly window: ConversationWindowStore;
}

const memoryInbox =
  (dedupe: MessageDedupe = new InMemoryMessageDedupe()) =>
  (logger: Logger) =>
    new InMemoryInboxQueue(dedupe, { logger });
const redisInbox = (client: RedisClient, prefix: string) => (logger: Logger) =>
  new RedisInboxQueue(client, { keyPrefix: prefix, logger, blockMs: 100 });

/**
 * A webhook on an ephemeral port with its queue's consumer, recording what the consumer was handed (each
 * event on its own) and what it logs.
 */
async function startWebhook(
  stores: Stores,
  overrides: Partial<WhatsAppWebhookDeps> & { handle?: (event: WaInbound) => Promise<void> } = {},
) {
  const logLines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  const server = createHttpServer(logger);
  const handled: WaInbound[][] = [];
  const { handle, ...deps } = overrides;
  const inbox = stores.inbox(logger);
  registerWhatsAppWebhook(server, {
    config,
    bodyLimitBytes: BODY_LIMIT,
    logger,
    inbox,
    window: stores.window,
    ...deps,
  });
  inbox.start(async (event) => {
    if (handle) {
      try {
        await handle(event);
      } catch (err) {
        logger.error({ err: { message: (err as Error).message } }, 'whatsapp events failed');
      }
      return;
    }
    handled.push([event]);
  });
  /** Waits until the queue has nothing left (the consumer keeps running). */
  const webhook = {
    async drain() {
      if (inbox instanceof RedisInboxQueue) {
        const deadline = Date.now() + 5_000;
        while ((await redisClient.xLen(inbox.streamKey)) > 0 && Date.now() < deadline) await sleep(20);
      }
      await sleep(20);
    },
  };
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/whatsapp`;
  return {
    url,
    handled,
    logLines,
    webhook,
    /** Posts as Meta would (signed with the app secret) unless a signature is given. */
    post: (body: string, signature: string | null = signatureFor(body, SECRET)) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
        },
        body,
      }),
    close: async () => {
      await closeServer(server, 1_000);
      await inbox.stop();
    },
  };
}

type Webhook = Awaited<ReturnType<typeof startWebhook>>;

const redisClient: RedisClient = createClient({ url: REDIS_URL });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const prefixes: string[] = [];

beforeAll(async () => {
  await redisClient.connect();
});
afterAll(async () => {
  await Promise.all(prefixes.map((p) => deleteByPrefix(p)));
  await redisClient.close();
});

const backends: [string, () => Stores][] = [
  [
    'Redis',
    () => {
      const prefix = uniquePrefix('wa-webhook');
      prefixes.push(prefix);
      return {
        inbox: redisInbox(redisClient, prefix),
        window: new RedisConversationWindowStore(redisClient, prefix),
      };
    },
  ],
  ['memory', () => ({ inbox: memoryInbox(), window: new InMemoryConversationWindowStore() })],
];

describe.each(backends)('WhatsApp webhook with %s stores', (_name, makeStores) => {
  let stores: Stores;
  let hook: Webhook;

  beforeEach(async () => {
    stores = makeStores();
    hook = await startWebhook(stores);
  });
  afterEach(async () => {
    await hook.webhook.drain();
    await hook.close();
  });

  it('answers the verification handshake with the challenge as plain text', async () => {
    const res = await fetch(
      `${hook.url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses a handshake with a wrong token, a wrong mode or no challenge', async () => {
    for (const query of [
      `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN.slice(0, -1)}&hub.challenge=1`,
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`,
      '',
    ]) {
      const res = await fetch(`${hook.url}?${query}`);
      expect(res.status).toBe(403);
    }
  });

  it('refuses a missing or wrong signature with 401 and processes nothing', async () => {
    const body = fixture('text');
    const missing = await hook.post(body, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'Unauthorized' });
    expect((await hook.post(body, signatureFor(body, 'another-secret'))).status).toBe(401);
    expect((await hook.post(body.replace('Merhaba', 'Selam'), signatureFor(body, SECRET))).status).toBe(401);
    await hook.webhook.drain();
    expect(hook.handled).toEqual([]);
    expect(await stores.window.lastInbound(whatsAppUserId(AYSE))).toBeUndefined();
    // Nothing was claimed either: the genuine delivery is still new.
    expect((await hook.post(body)).status).toBe(200);
    await hook.webhook.drain();
    expect(hook.handled).toHaveLength(1);
  });

  it('answers 200 and hands the events on, recording the customer-service window', async () => {
    const res = await hook.post(fixture('text'));
    expect(res.status).toBe(200);
    await hook.webhook.drain();
    expect(hook.handled).toEqual([
      [
        expect.objectContaining({
          kind: 'message',
          source: 'text',
          text: 'Merhaba, İYS kaydı için yazıyorum',
          from: { userKey: AYSE, waId: AYSE },
        }),
      ],
    ]);
    expect(await stores.window.lastInbound(whatsAppUserId(AYSE))).toEqual(new Date(1767598200 * 1000));
  });

  it('handles a message once however often Meta delivers it, but every status', async () => {
    const message = fixture('button_reply');
    const status = fixture('status-delivered');
    const answers = await Promise.all([hook.post(message), hook.post(message), hook.post(status)]);
    expect((await hook.post(message)).status).toBe(200);
    expect((await hook.post(status)).status).toBe(200);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    await hook.webhook.drain();
    const events = hook.handled.flat();
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'status')).toHaveLength(2);
  });

  it('queues each event of a batch, dropping only the messages already seen', async () => {
    expect((await hook.post(fixture('text'))).status).toBe(200);
    const batch = fixture('batch');
    expect((await hook.post(batch)).status).toBe(200);
    expect((await hook.post(batch)).status).toBe(200);
    await hook.webhook.drain();
    // Each event is queued on its own; a customer's messages keep their order, the statuses all arrive.
    const events = hook.handled.flat();
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(4);
    expect(events.filter((e) => e.kind === 'status')).toHaveLength(4);
  });

  it('acknowledges a signed body that is not JSON, or not a webhook, and hands nothing on', async () => {
    const notJson = await hook.post('{"object":"whatsapp_business_account","entry":[');
    expect(notJson.status).toBe(200);
    expect((await hook.post('[1,2,3]')).status).toBe(200);
    expect((await hook.post(JSON.stringify({ object: 'page', entry: [] }))).status).toBe(200);
    await hook.webhook.drain();
    expect(hook.handled).toEqual([]);
    expect(hook.logLines.join('')).toContain('not JSON');
    expect((await fetch(hook.url.replace('/api/whatsapp', '/no/such'))).status).toBe(404);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      pad: 'x'.repeat(BODY_LIMIT),
    });
    const declared = await hook.post(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'PayloadTooLarge' });
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(big, SECRET) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await hook.post(fixture('text'))).status).toBe(200);
  });

  it('ignores events for another business number', async () => {
    const other = fixture('text').replaceAll(config.phoneNumberId, '999999999999999');
    expect((await hook.post(other)).status).toBe(200);
    await hook.webhook.drain();
    expect(hook.handled).toEqual([]);
  });

  it('logs no phone number, message text, name or message id', async () => {
    const bodies = ['text', 'batch', 'document', 'status-failed', 'unsupported-types'].map(fixture);
    for (const body of bodies) await hook.post(body);
    await hook.post(bodies[0] as string, null);
    await hook.post('{"text": "Merhaba 905321112233"');
    await hook.webhook.drain();
    const logs = hook.logLines.join('');
    expect(logs).toContain('whatsapp webhook parts skipped');
    for (const secret of [AYSE, '905449998877', 'wamid.', 'Merhaba', 'Ayşe', 'Vergi', 'yardım', SECRET]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('keeps serving when handling fails, and stopping waits for handling in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    let finished = 0;
    const slow = await startWebhook(makeStores(), {
      handle: async (event) => {
        if (event.kind === 'status') throw new Error('handler broke');
        started += 1;
        await gate;
        finished += 1;
      },
    });
    expect((await slow.post(fixture('status-delivered'))).status).toBe(200);
    expect((await slow.post(fixture('text'))).status).toBe(200);
    while (started === 0) await sleep(10);
    let closed = false;
    const closing = slow.close().then(() => (closed = true));
    await sleep(50);
    expect(closed).toBe(false);
    release();
    await closing;
    expect(finished).toBe(1);
    expect(slow.logLines.join('')).toContain('whatsapp events failed');
  });

  it('moves the window forward only, whatever order deliveries arrive in', async () => {
    const user = whatsAppUserId('TR.1502576394655843');
    const later = fixture('text-username');
    const earlier = later.replace('"1767598260"', '"1767590000"').replace('wamid.HBgT', 'wamid.HBgX');
    expect((await hook.post(later)).status).toBe(200);
    expect((await hook.post(earlier)).status).toBe(200);
    expect(await stores.window.lastInbound(user)).toEqual(new Date(1767598260 * 1000));
    await hook.webhook.drain();
    expect(hook.handled).toHaveLength(2);

    const other = whatsAppUserId('someone-else');
    await stores.window.recordInbound(other, new Date(2_000));
    await stores.window.recordInbound(other, new Date(1_000));
    await stores.window.recordInbound(other, new Date(2_000));
    expect(await stores.window.lastInbound(other)).toEqual(new Date(2_000));
    await stores.window.recordInbound(other, new Date(3_000));
    expect(await stores.window.lastInbound(other)).toEqual(new Date(3_000));
    expect(await stores.window.lastInbound(whatsAppUserId('nobody'))).toBeUndefined();

    // Erasure forgets the record; a later message starts a new window.
    await stores.window.forget(other);
    expect(await stores.window.lastInbound(other)).toBeUndefined();
    await stores.window.recordInbound(other, new Date(1_000));
    expect(await stores.window.lastInbound(other)).toEqual(new Date(1_000));
  });
});

describe('WhatsApp webhook when Redis is away', () => {
  const prefix = uniquePrefix('wa-webhook-down');
  // Never connected: every command fails at once, as with disableOfflineQueue while Redis is down.
  const downClient: RedisClient = createClient({ url: 'redis://127.0.0.1:1', disableOfflineQueue: true });
  afterAll(async () => deleteByPrefix(prefix));

  it('answers 503 without handing anything on, and the retry brings the message in', async () => {
    const window = new RedisConversationWindowStore(redisClient, prefix);
    const down = await startWebhook({ inbox: redisInbox(downClient, prefix), window });
    const up = await startWebhook({ inbox: redisInbox(redisClient, prefix), window });
    try {
      const res = await down.post(fixture('text'));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'ServiceUnavailable' });
      await down.webhook.drain();
      expect(down.handled).toEqual([]);
      expect((await up.post(fixture('text'))).status).toBe(200);
      await up.webhook.drain();
      expect(up.handled.flat()).toHaveLength(1);
    } finally {
      await down.close();
      await up.close();
    }
  });

  it('answers 503 when the window cannot be recorded, and claims nothing', async () => {
    const dedupe = new InMemoryMessageDedupe();
    const hook = await startWebhook({
      inbox: memoryInbox(dedupe),
      window: new RedisConversationWindowStore(downClient, prefix),
    });
    try {
      expect((await hook.post(fixture('text'))).status).toBe(503);
      expect(dedupe.size).toBe(0);
    } finally {
      await hook.close();
    }
  });

  it('gives back the claims of a delivery that failed half way, so the retry loses nothing', async () => {
    const inner = new InMemoryMessageDedupe();
    let failing = true;
    let calls = 0;
    const flaky: MessageDedupe = {
      claim: async (id) => {
        calls += 1;
        if (failing && calls === 2) throw new Error('connection lost');
        return inner.claim(id);
      },
      release: (id) => inner.release(id),
    };
    const hook = await startWebhook({
      inbox: memoryInbox(flaky),
      window: new InMemoryConversationWindowStore(),
    });
    try {
      expect((await hook.post(fixture('batch'))).status).toBe(503);
      failing = false;
      expect((await hook.post(fixture('batch'))).status).toBe(200);
      await hook.webhook.drain();
      expect(hook.handled.flat().filter((e) => e.kind === 'message')).toHaveLength(3);
    } finally {
      await hook.close();
    }
  });
});

describe('RedisMessageDedupe keys', () => {
  const prefix = uniquePrefix('wa-dedupe');
  afterAll(async () => deleteByPrefix(prefix));

  it('stores a hash of the message id, never the id, with a TTL of three days', async () => {
    const dedupe = new RedisMessageDedupe(redisClient, prefix);
    const id = 'wamid.HBgMOTA1MzIxMTEyMjMzFQIAEhgUM0VCMDRBNzYwREQ0RjMwMjYzMDcA';
    expect(await dedupe.claim(id)).toBe(true);
    expect(await dedupe.claim(id)).toBe(false);
    const keys: string[] = [];
    for await (const batch of redisClient.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}wa:seen:[A-Za-z0-9_-]{43}$`));
    const ttl = await redisClient.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(3 * 24 * 3600 - 10);
    expect(ttl).toBeLessThanOrEqual(3 * 24 * 3600);
    await dedupe.release(id);
    expect(await dedupe.claim(id)).toBe(true);
  });
});

describe('InMemoryMessageDedupe', () => {
  it('forgets claims after the TTL and keeps at most its bound', async () => {
    let now = 0;
    const dedupe = new InMemoryMessageDedupe(60, 3, () => now);
    expect(await dedupe.claim('a')).toBe(true);
    expect(await dedupe.claim('a')).toBe(false);
    now = 61_000;
    expect(await dedupe.claim('a')).toBe(true);
    for (const id of ['b', 'c', 'd']) await dedupe.claim(id);
    expect(dedupe.size).toBe(3);
    expect(await dedupe.claim('d')).toBe(false);
    expect(await dedupe.claim('a')).toBe(true);
  });
});
