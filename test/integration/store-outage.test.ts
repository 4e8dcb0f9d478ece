import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { TurnContext } from 'botbuilder';
import { createApp, type RunningApp } from '../../src/app';
import { apologise } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import { classifyFailure, TemporarilyUnavailableError } from '../../src/errors';
import { RedisHandoffStore } from '../../src/handoff/redis-handoff-store';
import { RedisTranscriptStore } from '../../src/handoff/transcript-store';
import { createLogger } from '../../src/observability/logger';
import { createRedisClient, type RedisClient } from '../../src/state/redis-client';
import { RedisStorage } from '../../src/state/redis-storage';
import { RedisTurnLock } from '../../src/state/redis-turn-lock';
import { RedisDeliveryStatusStore } from '../../src/channels/whatsapp/delivery-status';
import { RedisConversationWindowStore } from '../../src/channels/whatsapp/inbox';
import { HoldingConnector } from '../support/holding-connector';
import { PrivateRedis } from '../support/redis-server';

jest.setTimeout(60_000);

const TEMPORARY = /geçici bir teknik sorun/;
const UNEXPECTED = /beklenmedik/;

/** Log lines as objects, from a pino logger writing into memory. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a Redis failure in any store is classified as a dependency failure', () => {
  const redis = new PrivateRedis();
  let client: RedisClient;

  beforeAll(async () => {
    await redis.start();
    client = createRedisClient(redis.url, memoryLogger().logger);
    await client.connect();
    await redis.stop(); // the client is now reconnecting: every command fails at once
    await waitFor(() => (client.isReady ? undefined : true));
  });
  // The server is already stopped (and kept no files): only the client is left to close.
  afterAll(() => client.destroy());

  const offline = new Date('2026-01-01T00:00:00Z');
  it.each<[string, string, () => Promise<unknown>]>([
    ['a handoff read', 'handoff', () => new RedisHandoffStore(client, 'p:').get('c_1')],
    [
      'a transcript write',
      'transcript',
      () =>
        new RedisTranscriptStore(client, 'p:').append('c_1', [
          { at: offline.toISOString(), from: 'bot', text: 'x' },
        ]),
    ],
    [
      'a WhatsApp window read',
      'whatsapp-inbox',
      () => new RedisConversationWindowStore(client, 'p:').lastInbound('u'),
    ],
    [
      'a WhatsApp window write',
      'whatsapp-inbox',
      () => new RedisConversationWindowStore(client, 'p:').recordInbound('u', offline),
    ],
    ['a delivery status read', 'deliveries', () => new RedisDeliveryStatusStore(client, 'p:').get('wamid.1')],
    ['a state read', 'state', () => new RedisStorage(client, { keyPrefix: 'p:' }).read(['k'])],
    [
      'a turn lock',
      'turn-lock',
      () =>
        new RedisTurnLock(client, { keyPrefix: 'p:', leaseMs: 2_000, waitMs: 1_000 }).runOnce(
          'k',
          'k/1',
          async () => 1,
        ),
    ],
  ])('%s', async (_label, store, call) => {
    const error = await call().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeDefined();
    expect(classifyFailure(error)).toEqual({ kind: 'dependency', dependency: 'redis', store });
    // Wrapped the way botbuilder-dialogs and our own code wrap it, it is still recognised.
    const wrapped = Object.assign(new Error('dialog failed'), { name: 'DialogContextError', error });
    expect(classifyFailure(new Error('outer', { cause: wrapped }))).toMatchObject({
      kind: 'dependency',
      store,
    });
  });

  it('keeps a bug a bug', () => {
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({ kind: 'unexpected' });
    expect(classifyFailure(new TemporarilyUnavailableError('lock', { store: 'turn-lock' }))).toMatchObject({
      store: 'turn-lock',
    });
  });

  it('makes apologise answer "temporary problem" and log the classified line', async () => {
    const error = await new RedisHandoffStore(client, 'p:').get('c_1').catch((err: unknown) => err as Error);
    const { logger, lines } = memoryLogger();
    const sent: { text?: string }[] = [];
    const context = {
      activity: { id: 'a-1', channelId: 'msteams', locale: 'tr-TR' },
      turnState: new Map(),
      sendActivity: async (activity: { text?: string }) => void sent.push(activity),
    } as unknown as TurnContext;
    await apologise(context, error as Error, logger);
    expect(sent[0]?.text).toMatch(TEMPORARY);
    expect(lines[0]).toMatchObject({
      msg: 'turn failed: dependency unavailable',
      dependency: 'redis',
      store: 'handoff',
    });
  });
});

describe('Redis stopped mid-conversation (Teams path), then back', () => {
  const redis = new PrivateRedis({ durable: true });
  const connector = new HoldingConnector();
  const { logger, lines } = memoryLogger();
  let running: RunningApp;
  let url: string;
  const conversationId = `conv-${randomUUID()}`;
  let counter = 0;
  let redisUp = false;

  const post = (text: string): Promise<number> =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `${conversationId}-${++counter}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: 'user-outage', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        conversation: { id: conversationId },
        locale: 'tr-TR',
        text,
      }),
    }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });
  const texts = (): string[] => connector.texts.get(conversationId) ?? [];
  const failures = () => lines.filter((l) => String(l.msg).startsWith('turn failed'));

  beforeAll(async () => {
    await redis.start();
    redisUp = true;
    await connector.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'outage:',
      TURN_LOCK_WAIT_MS: '1000',
    });
    running = await createApp(config, { logger }).start();
    url = `http://127.0.0.1:${running.port}`;
    await waitForReady(url, 200);
  });
  afterAll(async () => {
    await running.stop();
    await connector.stop();
    // A stopped private server cannot be stopped again (it would wait for an exit already seen).
    if (redisUp) await redis.destroy();
  });

  it('answers "temporary problem" wherever the turn meets the outage, logs it classified, and loses nothing', async () => {
    expect(await post('merhaba')).toBe(200);
    expect(texts()).toHaveLength(4);

    // 1. Redis goes away while the turn waits on its first reply: the transcript write after the dialog fails.
    connector.holding = true;
    const held = connector.nextHeld();
    const turn = post('Kabul ediyorum');
    await held;
    await redis.stop();
    redisUp = false;
    await waitForReady(url, 503);
    connector.holding = false;
    connector.release();
    expect(await turn).toBe(200);
    expect(texts().at(-1)).toMatch(TEMPORARY);
    expect(failures().at(-1)).toMatchObject({
      msg: 'turn failed: dependency unavailable',
      dependency: 'redis',
      store: 'transcript',
    });

    // 2. Redis is still away when the next message comes: the turn lock cannot be taken.
    expect(await post('Kabul ediyorum')).toBe(200);
    expect(texts().at(-1)).toMatch(TEMPORARY);
    expect(failures().at(-1)).toMatchObject({
      msg: 'turn failed: dependency unavailable',
      store: 'turn-lock',
    });

    // 3. Redis is back with everything it acknowledged: the dialog goes on from the privacy notice.
    await redis.start();
    redisUp = true;
    await waitForReady(url, 200);
    const before = texts().length;
    expect(await post('Kabul ediyorum')).toBe(200);
    expect(texts()[before]).toBe('Teşekkürler, kaydettim.');

    expect(texts().some((t) => UNEXPECTED.test(t))).toBe(false);
    expect(failures().every((l) => l.msg === 'turn failed: dependency unavailable')).toBe(true);
    // No message text, e-mail or phone number in the log.
    expect(JSON.stringify(lines)).not.toMatch(/Kabul ediyorum|@|\+90/);
  });
});

async function waitForReady(url: string, status: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await fetch(`${url}/readyz`)).status !== status) {
    if (Date.now() > deadline) throw new Error(`readyz never answered ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
