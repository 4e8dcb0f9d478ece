import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const TOKEN = 'test-operations-token-0123456789';

describe('Bull Board at /admin/queues', () => {
  const prefix = uniquePrefix('board');
  let bot: InProcessBot;

  beforeAll(async () => {
    bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ROLE: 'web',
      REMINDER_QUEUE: 'board-reminders',
      ADMIN_TOKEN: TOKEN,
    });
  });

  afterAll(async () => {
    await bot.stop();
    await deleteByPrefix(prefix);
  });

  it('asks for the operations token: none or a wrong one gets 401 with a login challenge', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${b64('ops:nope')}`, 'Token x']) {
      const res = await fetch(`${bot.url}/admin/queues`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(await res.json()).toMatchObject({ code: 'Unauthorized' });
    }
  });

  it('serves the board page to a browser that logs in with the token as password', async () => {
    const res = await fetch(`${bot.url}/admin/queues`, {
      headers: { authorization: `Basic ${b64(`ops:${TOKEN}`)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('/admin/queues');
  });

  it("lists the reminder queue and a scheduled reminder through the board's API", async () => {
    await bot.reminders.schedule('c_board_case', 'awaiting_iys_code', new Date(Date.now() + 3_600_000));
    const res = await fetch(`${bot.url}/admin/queues/api/queues?activeQueue=board-reminders&status=delayed`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      queues: { name: string; counts: Record<string, number>; jobs: { data: unknown }[] }[];
    };
    const queue = body.queues.find((q) => q.name === 'board-reminders');
    expect(queue?.counts.delayed).toBe(1);
    expect(queue?.jobs[0]?.data).toMatchObject({ caseId: 'c_board_case', kind: 'awaiting_iys_code' });
  });
});

describe('/admin/queues without an operations token configured', () => {
  it('does not exist', async () => {
    const prefix = uniquePrefix('board-off');
    const bot = await startInProcessBot({ REDIS_URL, REDIS_KEY_PREFIX: prefix, ROLE: 'web' });
    try {
      const res = await fetch(`${bot.url}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
    } finally {
      await bot.stop();
      await deleteByPrefix(prefix);
    }
  });
});

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
