import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { messageIdHash } from '../../src/channels/whatsapp/inbox';
import { whatsAppUserId } from '../../src/channels/whatsapp/types';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { FakeGraphServer } from '../support/fake-graph-server';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { whatsAppEnv, WhatsAppSimulator } from '../support/whatsapp-simulator';

jest.setTimeout(150_000);

const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'crash-recovery-app-secret';
const WA_ID = '905321110099';
const readable = WhatsAppSimulator.readable;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * In front of the fake Graph API: while `holding`, message sends are kept waiting (never answered, never
 * passed on), so a turn's replies are in flight when the bot is killed.
 */
class HoldingProxy {
  holding = false;
  held = 0;
  private constructor(
    private readonly server: Server,
    private readonly target: string,
  ) {}

  static async start(target: string): Promise<HoldingProxy> {
    const server = createServer();
    const proxy = new HoldingProxy(server, target);
    server.on('request', (req, res) => proxy.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (this.holding && req.method === 'POST' && req.url?.endsWith('/messages')) {
        this.held += 1;
        return; // never answered: the bot's send hangs until it is killed
      }
      const out = request(
        `${this.target}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(Buffer.concat(chunks));
    });
  }
}

/**
 * "A message accepted is a message processed, once": the bot runs as a real process, is killed with
 * SIGKILL after it answered Meta 200 (once before the turn ran, once while the turn's replies were in
 * flight), and a new process picks the message up: one reply sequence, the case advanced once.
 */
describe('a WhatsApp message accepted by a process that is then killed', () => {
  const prefix = uniquePrefix('wa-crash');
  const redis = createClient({ url: REDIS_URL });
  const userId = whatsAppUserId(WA_ID);
  let graph: FakeGraphServer;
  let proxy: HoldingProxy;
  let bot: BotProcess | undefined;
  let customer: WhatsAppSimulator;

  const start = async () => {
    bot = await startBotProcess({
      NODE_ENV: 'test',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      REMINDER_QUEUE: `wa-crash-${process.pid}`,
      HTTP_RATE_PER_USER: '1000',
      ...whatsAppEnv(graph, APP_SECRET, PHONE_NUMBER_ID, 'verify-me'),
      WHATSAPP_GRAPH_BASE_URL: proxy.baseUrl,
    });
    customer = new WhatsAppSimulator({
      botUrl: bot.url,
      graph,
      appSecret: APP_SECRET,
      phoneNumberId: PHONE_NUMBER_ID,
      waId: WA_ID,
    });
  };
  const kill = async () => {
    await bot?.stop('SIGKILL');
    bot = undefined;
  };
  const mine = () => graph.messages.filter((m) => m.to === WA_ID).map((m) => m.message);
  const seenState = (messageId: string) => redis.get(`${prefix}wa:seen:${messageIdHash(messageId)}`);

  beforeAll(async () => {
    await redis.connect();
    graph = await FakeGraphServer.start();
    proxy = await HoldingProxy.start(graph.baseUrl);
  });

  afterAll(async () => {
    await bot?.stop('SIGKILL');
    await proxy.close();
    await graph.close();
    await deleteByPrefix(prefix);
    await redis.close();
  });

  it('processes the message exactly once after a restart, wherever the kill landed', async () => {
    await start();
    const greeting = await customer.send('merhaba');
    expect(readable(greeting)).toContain('Aydınlatma metni');

    // 1. Killed after the 200, before the turn ran. The turn is kept from starting by Redis alone: the
    // conversation's lock is held, and an older (pretend) message of this customer, delivered to a
    // consumer that is not this process, is first in the customer's order.
    const stream = `${prefix}wa:inbox`;
    await redis.sendCommand(['XGROUP', 'CREATE', stream, 'turns', '0', 'MKSTREAM']).catch(() => undefined);
    const blocker = await redis
      .multi()
      .xAdd(stream, '*', { l: userId, e: 'placeholder' })
      .addCommand(['XREADGROUP', 'GROUP', 'turns', 'test-blocker', 'COUNT', '1', 'STREAMS', stream, '>'])
      .exec();
    const blockerId = blocker[0] as unknown as string;
    await redis.rPush(`${prefix}wa:order:${userId}`, blockerId);
    await redis.set(`${prefix}lock:whatsapp/${userId}`, 'held-by-the-test', {
      expiration: { type: 'PX', value: 60_000 },
    });

    const before = mine().length;
    const accept = WhatsAppSimulator.options(greeting).find((o) => o.title === 'Kabul ediyorum');
    const firstId = 'wamid.crash-before-turn';
    const res = await customer.post(
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: accept?.id, title: accept?.title } },
      },
      firstId,
    );
    expect(res.status).toBe(200);
    await sleep(500);
    await kill();
    expect(mine().length).toBe(before);
    expect(await seenState(firstId)).not.toBe('d');

    // The old claims go away (the pretend message is done, the lock expires), and a new process starts.
    await redis.lRem(`${prefix}wa:order:${userId}`, 0, blockerId);
    await redis.xAck(stream, 'turns', blockerId);
    await redis.xDel(stream, blockerId);
    await redis.del(`${prefix}lock:whatsapp/${userId}`);
    await start();
    const recovered = await customer.nextReplies(40_000);
    expect(readable(recovered)).toContain('İYS numarası (İYSKod) var mı?');
    expect(readable(recovered)).not.toContain('Aydınlatma metni');
    await sleep(1_500);
    expect(mine().length).toBe(before + recovered.length);
    expect(await seenState(firstId)).toBe('d');

    // 2. Killed while the turn's replies were on their way to the Graph API (the case already saved).
    proxy.holding = true;
    const secondId = 'wamid.crash-during-replies';
    const option = WhatsAppSimulator.options(recovered).find((o) => o.title.startsWith('Hayır, ilk kez'));
    const afterFirst = mine().length;
    expect(
      (
        await customer.post(
          {
            type: 'interactive',
            interactive: { type: 'button_reply', button_reply: { id: option?.id, title: option?.title } },
          },
          secondId,
        )
      ).status,
    ).toBe(200);
    const deadline = Date.now() + 10_000;
    while (proxy.held === 0 && Date.now() < deadline) await sleep(20);
    expect(proxy.held).toBe(1);
    await kill();
    proxy.holding = false;
    expect(mine().length).toBe(afterFirst);

    await start();
    const resent = await customer.nextReplies(40_000);
    expect(readable(resent)).toContain('MERSİS numarası var mı?');
    await sleep(1_500);
    expect(mine().length).toBe(afterFirst + resent.length);
    expect(await seenState(secondId)).toBe('d');

    // The case moved exactly one step per message: the next answer fits the question asked.
    const next = await customer.tap('Evet', resent);
    expect(readable(next)).toContain('MERSİS');
    expect(readable(next)).not.toContain('MERSİS numarası var mı?');

    // A clean stop leaves nothing behind in the queue, and no phone number in Redis in clear.
    expect(await bot?.stop('SIGTERM')).toBe(0);
    bot = undefined;
    expect(await redis.xLen(stream)).toBe(0);
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*` })) keys.push(...batch);
    expect(keys.join(' ')).not.toContain(WA_ID);
    for (const key of keys.filter((k) => k.includes(':wa:'))) {
      if ((await redis.type(key)) === 'string') expect(await redis.get(key)).not.toContain(WA_ID);
    }
  });
});
