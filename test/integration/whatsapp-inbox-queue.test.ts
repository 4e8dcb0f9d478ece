import { createClient } from 'redis';
import { createLogger } from '../../src/observability/logger';
import type { RedisClient } from '../../src/state/redis-client';
import { ValueCipher } from '../../src/state/value-cipher';
import { messageIdHash } from '../../src/channels/whatsapp/inbox';
import { compareIds, InMemoryInboxQueue, type InboxQueue } from '../../src/channels/whatsapp/inbox-queue';
import { INBOX_GROUP, RedisInboxQueue } from '../../src/channels/whatsapp/redis-inbox-queue';
import { whatsAppUserId, type WaInbound, type WaInboundMessage } from '../../src/channels/whatsapp/types';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cipher = new ValueCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }]);

let seq = 0;
function message(waId: string, text: string, messageId = `wamid.${(seq += 1)}`): WaInboundMessage {
  return {
    kind: 'message',
    messageId,
    phoneNumberId: '106540352242922',
    from: { userKey: waId, waId },
    timestamp: new Date(1_767_598_200_000 + seq),
    text,
    source: 'text',
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

const redis: RedisClient = createClient({ url: REDIS_URL });
const prefixes: string[] = [];
const queues: InboxQueue[] = [];
const redisQueue = (prefix: string, options: { claimIdleMs?: number; consumerName?: string } = {}) => {
  const q = new RedisInboxQueue(redis, {
    keyPrefix: prefix,
    logger,
    cipher,
    blockMs: 100,
    claimEveryMs: 100,
    ...options,
  });
  queues.push(q);
  return q;
};
const newPrefix = () => {
  const p = uniquePrefix('wa-inbox');
  prefixes.push(p);
  return p;
};

beforeAll(() => redis.connect());
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});
afterAll(async () => {
  await Promise.all(prefixes.map((p) => deleteByPrefix(p)));
  await redis.close();
});

describe.each([
  ['Redis', () => redisQueue(newPrefix())],
  ['in-memory', () => new InMemoryInboxQueue(undefined, { logger })],
])('the %s inbox queue', (_name, make) => {
  it('takes each message once, runs one customer’s messages in order and every customer’s', async () => {
    const queue = make();
    const seen: string[] = [];
    const dup = message('905320000001', 'bir');
    expect(await queue.accept([dup, message('905320000001', 'iki')])).toHaveLength(2);
    expect(
      await queue.accept([dup, message('905320000002', 'üç'), message('905320000001', 'dört')]),
    ).toHaveLength(2);
    queue.start(async (event) => {
      await sleep(event.kind === 'message' && event.text === 'bir' ? 50 : 0);
      if (event.kind === 'message') seen.push(`${event.from.waId}:${event.text}`);
    });
    await until(() => seen.length === 4);
    await queue.stop();
    expect(seen.filter((s) => s.startsWith('905320000001'))).toEqual([
      '905320000001:bir',
      '905320000001:iki',
      '905320000001:dört',
    ]);
    expect(seen).toContain('905320000002:üç');
  });

  it('gives dates back as dates and stops only when what it took is done', async () => {
    const queue = make();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const got: WaInbound[] = [];
    queue.start(async (event) => {
      await gate;
      got.push(event);
    });
    await queue.accept([message('905320000003', 'merhaba')]);
    await sleep(300);
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(got).toHaveLength(1);
    expect(got[0]?.timestamp).toBeInstanceOf(Date);
  });
});

describe('the Redis inbox queue after a process died', () => {
  it('hands the entries of a dead consumer to another, which processes each once', async () => {
    const prefix = newPrefix();
    const first = redisQueue(prefix);
    const msg = message('905320000010', 'Merhaba, TCKN 17291716060');
    await first.accept([msg]);
    // A consumer that reads the entry and dies without acknowledging it.
    await redis.sendCommand(['XGROUP', 'CREATE', first.streamKey, INBOX_GROUP, '0', 'MKSTREAM']);
    await redis.sendCommand([
      'XREADGROUP',
      'GROUP',
      INBOX_GROUP,
      'dead',
      'COUNT',
      '10',
      'STREAMS',
      first.streamKey,
      '>',
    ]);
    // Nothing in clear: the phone number, the text and the message id are not in the stream or its keys.
    const raw = JSON.stringify(await redis.sendCommand(['XRANGE', first.streamKey, '-', '+']));
    for (const secret of ['905320000010', '17291716060', msg.messageId]) expect(raw).not.toContain(secret);

    const handled: string[] = [];
    const second = redisQueue(prefix, { claimIdleMs: 300 });
    second.start(async (event, journal) => {
      expect((await journal.load()).state).toBe('new');
      await journal.start();
      if (event.kind === 'message') handled.push(event.text ?? '');
    });
    await until(async () => (await redis.xLen(second.streamKey)) === 0);
    await second.stop();
    expect(handled).toEqual(['Merhaba, TCKN 17291716060']);
    expect(await redis.get(`${prefix}wa:seen:${messageIdHash(msg.messageId)}`)).toBe('d');
    const pending = await redis.sendCommand<unknown[]>(['XPENDING', second.streamKey, INBOX_GROUP]);
    expect(pending[0]).toBe(0);
    // Meta's retry of a processed message is still a duplicate.
    expect(await second.accept([msg])).toEqual([]);
  });

  it('resumes a turn from its journal: a done one is not run again, committed replies are handed back', async () => {
    const prefix = newPrefix();
    const q = redisQueue(prefix, { claimIdleMs: 300 });
    const done = message('905320000011', 'bir');
    const committed = message('905320000011', 'iki');
    await q.accept([done, committed]);
    await redis.sendCommand(['XGROUP', 'CREATE', q.streamKey, INBOX_GROUP, '0', 'MKSTREAM']);
    await redis.sendCommand([
      'XREADGROUP',
      'GROUP',
      INBOX_GROUP,
      'dead',
      'COUNT',
      '10',
      'STREAMS',
      q.streamKey,
      '>',
    ]);
    const seenKey = (m: WaInboundMessage) => `${prefix}wa:seen:${messageIdHash(m.messageId)}`;
    await redis.set(seenKey(done), 'd');
    const progress: unknown[] = [];
    // A journal written by the dead process: one reply of two went out.
    await redis.set(
      seenKey(committed),
      `c:${cipher.encrypt(
        JSON.stringify({
          to: { userKey: '905320000011', waId: '905320000011' },
          replies: [
            { type: 'text', text: { body: 'a' } },
            { type: 'text', text: { body: 'b' } },
          ],
          sent: 1,
        }),
        seenKey(committed),
      )}`,
    );
    expect(await redis.get(seenKey(committed))).not.toContain('905320000011');
    q.start(async (_event, journal) => void progress.push(await journal.load()));
    await until(async () => (await redis.xLen(q.streamKey)) === 0);
    expect(progress).toEqual([
      { state: 'done' },
      expect.objectContaining({ state: 'committed', sent: 1, replies: expect.any(Array) }),
    ]);
  });

  it('keeps a customer’s newer message waiting while an older one is held by another live consumer', async () => {
    const prefix = newPrefix();
    const q = redisQueue(prefix, { claimIdleMs: 60_000 });
    const older = message('905320000012', 'önce');
    await q.accept([older]);
    await redis.sendCommand(['XGROUP', 'CREATE', q.streamKey, INBOX_GROUP, '0', 'MKSTREAM']);
    const read = await redis.sendCommand<[[string, [[string, string[]]]]]>([
      'XREADGROUP',
      'GROUP',
      INBOX_GROUP,
      'other',
      'COUNT',
      '1',
      'STREAMS',
      q.streamKey,
      '>',
    ]);
    const olderId = read[0][1][0][0];
    const handled: string[] = [];
    q.start(async (event) => void handled.push(event.kind === 'message' ? (event.text ?? '') : ''));
    await q.accept([message('905320000012', 'sonra'), message('905320000013', 'başkası')]);
    await until(() => handled.includes('başkası'));
    await sleep(300);
    expect(handled).toEqual(['başkası']);
    // The other consumer finishes the older one: the newer one follows.
    await redis.lRem(`${prefix}wa:order:${whatsAppUserId('905320000012')}`, 1, olderId);
    await redis.xAck(q.streamKey, INBOX_GROUP, olderId);
    await redis.xDel(q.streamKey, olderId);
    await until(() => handled.includes('sonra'));
  });
});

describe('stream ids', () => {
  it('compare as numbers', () => {
    expect(compareIds('9-0', '10-0')).toBe(-1);
    expect(compareIds('10-2', '10-10')).toBe(-1);
    expect(compareIds('10-10', '10-10')).toBe(0);
  });
});
