import { FORMULA_TITLE, operationsCases, untilReady } from '../support/admin-case-fixtures';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const TOKEN = 'test-operations-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };

interface Summary {
  id: string;
  tradeTitle?: string;
  step: string;
  status: string;
  channel?: string;
  idleDays: number;
  stuck: boolean;
}
interface AuditEntry {
  type: string;
  actor: { kind: string; id: string };
  fields?: string[];
  detail?: string;
}

describe('admin API at /api/admin', () => {
  const prefix = uniquePrefix('admin-api');
  const tag = 'api';
  let bot: InProcessBot;

  const get = (path: string, headers: Record<string, string> = AUTH) =>
    fetch(`${bot.url}/api/admin${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${bot.url}/api/admin${path}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const list = async (query = ''): Promise<Summary[]> => {
    const res = await get(`/cases${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { cases: Summary[] }).cases;
  };
  const audit = async (id: string): Promise<AuditEntry[]> => (await bot.cases.get(id))?.audit ?? [];

  beforeAll(async () => {
    bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ROLE: 'web',
      REMINDER_QUEUE: 'admin-api-reminders',
      ADMIN_TOKEN: TOKEN,
      // Budgets are tested below on their own bots.
      HTTP_RATE_PER_IP: '100000',
      HTTP_RATE_PER_USER: '10000',
    });
    await untilReady(bot.url);
    for (const record of operationsCases(tag)) await bot.cases.replace(record);
  });

  afterAll(async () => {
    await bot.stop();
    await deleteByPrefix(prefix);
  });

  describe('authentication', () => {
    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token-wrong' }],
      ['a token of another length', { authorization: `Bearer ${TOKEN}x` }],
      ['another scheme', { authorization: `Token ${TOKEN}` }],
    ])('refuses %s with 401 JSON', async (_label, headers: Record<string, string>) => {
      for (const path of ['/cases', `/cases/c_${tag}_anadolu`, '/cases.csv', '/stats']) {
        const res = await get(path, headers);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
        expect(await res.json()).toMatchObject({ code: 'Unauthorized' });
      }
      const write = await post(
        `/cases/c_${tag}_anadolu/notes`,
        { text: 'x' },
        headers.authorization ? headers : { authorization: '' },
      );
      expect(write.status).toBe(401);
    });

    it('answers the right token, with no-store and nosniff headers', async () => {
      const res = await get('/cases');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('list and filters', () => {
    it('lists every case, stuck ones first (longest idle first), finished last', async () => {
      const cases = await list();
      expect(cases.map((c) => c.id)).toEqual([
        `c_${tag}_ege`,
        `c_${tag}_anadolu`,
        `c_${tag}_bogazici`,
        `c_${tag}_formula`,
        `c_${tag}_deniz`,
      ]);
      expect(cases[0]).toMatchObject({ step: 'package', status: 'waiting', idleDays: 30, stuck: true });
      expect(cases[4]).toMatchObject({ step: 'finished', status: 'done', stuck: false });
      expect(JSON.stringify(cases)).not.toContain('Ayşe');
    });

    it.each([
      ['?step=codes', ['anadolu']],
      ['?step=partnerAssignment&status=waiting', ['bogazici']],
      ['?status=waiting', ['ege', 'anadolu', 'bogazici']],
      ['?step=finished', ['deniz']],
      ['?channel=whatsapp', ['bogazici']],
      ['?channel=msteams', ['ege', 'anadolu', 'formula']],
      ['?minIdleDays=7', ['ege', 'anadolu']],
      ['?maxIdleDays=1', ['formula', 'deniz']],
      ['?minIdleDays=2&maxIdleDays=20', ['anadolu', 'bogazici']],
      ['?q=bo%C4%9FAZ%C4%B0%C3%87%C4%B0', ['bogazici']],
      ['?q=tekstil', ['anadolu']],
      ['?channel=whatsapp&step=codes', []],
    ])('filters %s', async (query, expected) => {
      expect((await list(query)).map((c) => c.id)).toEqual(expected.map((e) => `c_${tag}_${e}`));
    });

    it('pages with limit and offset and refuses malformed filters', async () => {
      const res = await get('/cases?limit=2&offset=1');
      const body = (await res.json()) as { total: number; cases: Summary[] };
      expect(body.total).toBe(5);
      expect(body.cases.map((c) => c.id)).toEqual([`c_${tag}_anadolu`, `c_${tag}_bogazici`]);
      for (const query of [
        '?step=nope',
        '?status=finished',
        '?minIdleDays=-1',
        '?channel=A%20B',
        '?limit=0',
      ]) {
        expect((await get(`/cases${query}`)).status).toBe(400);
      }
    });

    it('counts cases per step, the funnel and the stuck ones', async () => {
      const res = await get('/stats');
      const stats = (await res.json()) as {
        total: number;
        stuck: number;
        byStep: Record<string, number>;
        funnel: { step: string; reached: number; finished: number }[];
      };
      expect(stats.total).toBe(5);
      expect(stats.stuck).toBe(2);
      expect(stats.byStep).toMatchObject({
        preApplication: 1,
        codes: 1,
        package: 1,
        partnerAssignment: 1,
        finished: 1,
      });
      expect(stats.funnel[0]).toEqual({ step: 'preApplication', reached: 5, finished: 4 });
      expect(stats.funnel[5]).toEqual({ step: 'panel', reached: 1, finished: 1 });
    });
  });

  describe('CSV export', () => {
    it('exports the filtered list with a BOM, a header row, masked personal data and RFC 4180 quoting', async () => {
      const res = await get('/cases.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="iys-cases-\d{4}-\d\d-\d\d\.csv"$/,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      expect(lines[0]).toBe(
        'id,tradeTitle,vkn,channel,step,status,idleDays,stuck,createdAt,updatedAt,preApplication,applicationStatus,codes,package,partnerAssignment,panel,iysCode,brands,brandCodes,packageTier,signatoryName,signatoryEmail,signatoryMobile',
      );
      expect(lines).toHaveLength(1 + 5 + 1);
      expect(lines.at(-1)).toBe('');
      const anadolu = lines.find((l) => l.startsWith(`c_${tag}_anadolu,`));
      expect(anadolu).toContain(',Anadolu Tekstil A.Ş.,4540536920,msteams,codes,waiting,12,true,');
      expect(anadolu).toMatch(
        /,A\*\*\* Y\*\*\*\*\*,a\*\*\*@anadolutekstil\.com\.tr,'\+90 5\*\* \*\*\* \*\* 67$/,
      );
      expect(text).not.toContain('Ayşe');
      expect(text).not.toContain('17291716060');
      // The formula guard and the quoting of a comma and of quotes.
      const quoted = `"'${FORMULA_TITLE.replace(/"/g, '""')}"`;
      expect(lines.find((l) => l.startsWith(`c_${tag}_formula,`))).toContain(`,${quoted},`);
      const bogazici = lines.find((l) => l.startsWith(`c_${tag}_bogazici,`));
      expect(bogazici).toContain(',Boğaziçi; Lezzet,Boğaziçi=123456; Lezzet=123457,');
    });

    it('applies the filters, and reveals personal data only on request, audited per case', async () => {
      const masked = (await (await get('/cases.csv?channel=whatsapp')).text()).split('\r\n');
      expect(masked).toHaveLength(3);
      const res = await get('/cases.csv?step=codes&reveal=1');
      const text = await res.text();
      expect(text).toContain(",Ayşe Yılmaz,ayse.yilmaz@anadolutekstil.com.tr,'+905321234567");
      const reveal = (await audit(`c_${tag}_anadolu`)).filter((e) => e.type === 'data.revealed').at(-1);
      expect(reveal).toMatchObject({ actor: { kind: 'admin', id: 'admin-token' }, detail: 'CSV export' });
    });
  });

  describe('case detail', () => {
    it('masks personal data and leaves the audit trail alone', async () => {
      const id = `c_${tag}_anadolu`;
      const before = (await audit(id)).length;
      const res = await get(`/cases/${id}`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as {
        data: Record<string, unknown>;
        revealed: boolean;
        steps: { id: string; status: string; current: boolean }[];
        channels: Record<string, unknown>[];
        pendingReminders: unknown[];
        transcript: unknown[];
        audit: AuditEntry[];
      };
      expect(view.revealed).toBe(false);
      expect(view.data).toMatchObject({
        tradeTitle: 'Anadolu Tekstil A.Ş.',
        signatoryTckn: '172******60',
        signatoryName: 'A*** Y*****',
        signatoryMobile: '+90 5** *** ** 67',
      });
      expect(view.steps.map((s) => s.id)).toHaveLength(6);
      expect(view.steps.find((s) => s.current)).toMatchObject({ id: 'codes', status: 'waiting' });
      expect(view.channels[0]).toEqual(expect.objectContaining({ channelId: 'msteams' }));
      expect(view.channels[0]).not.toHaveProperty('reference');
      expect(JSON.stringify(view)).not.toContain('17291716060');
      expect(await audit(id)).toHaveLength(before);
    });

    it('reveals with ?reveal=1 and audits who looked (X-Actor when given)', async () => {
      const id = `c_${tag}_anadolu`;
      const updatedAt = (await bot.cases.get(id))?.updatedAt;
      const res = await get(`/cases/${id}?reveal=1`, {
        ...AUTH,
        'x-actor': encodeURIComponent('Zeynep Kaya'),
      });
      const view = (await res.json()) as {
        data: Record<string, unknown>;
        revealed: boolean;
        audit: AuditEntry[];
      };
      expect(view.revealed).toBe(true);
      expect(view.data.signatoryTckn).toBe('17291716060');
      const event = (await audit(id)).at(-1);
      expect(event).toMatchObject({ type: 'data.revealed', actor: { kind: 'admin', id: 'Zeynep Kaya' } });
      expect(event?.fields).toEqual(expect.arrayContaining(['signatoryTckn', 'signatoryName']));
      expect(view.audit.at(-1)).toMatchObject({ type: 'data.revealed' });
      // Looking is not activity: the case does not stop counting as idle.
      expect((await bot.cases.get(id))?.updatedAt).toBe(updatedAt);
      expect((await get(`/cases/${id}?reveal=1`, { ...AUTH, 'x-actor': '<script>' })).status).toBe(400);
    });

    it('shows pending reminders and the masked transcript; 404 for an unknown case', async () => {
      const id = `c_${tag}_bogazici`;
      await bot.reminders.schedule(id, 'awaiting_partner_confirmation', new Date(Date.now() + 86_400_000));
      await bot.handoff.service.record(id, [
        {
          at: new Date().toISOString(),
          from: 'customer',
          channel: 'whatsapp',
          text: 'Numaram 0532 123 45 67',
        },
      ]);
      const view = (await (await get(`/cases/${id}`)).json()) as {
        pendingReminders: { kind: string }[];
        transcript: { text: string }[];
      };
      expect(view.pendingReminders).toEqual([
        expect.objectContaining({ kind: 'awaiting_partner_confirmation' }),
      ]);
      expect(view.transcript.at(-1)?.text).toBe('Numaram +90 5** *** ** 67');
      expect((await get('/cases/c_nobody')).status).toBe(404);
    });
  });

  describe('actions, audited with the actor', () => {
    it('sets the codes with the form validators, keyed by brand', async () => {
      const id = `c_${tag}_anadolu`;
      const bad = await post(`/cases/${id}/codes`, { iysCode: '12a', brandCodes: { Anadolu: '' } });
      expect(bad.status).toBe(422);
      expect(await bad.json()).toMatchObject({
        errors: {
          iysCode: [{ code: 'validation.iysCode.format' }],
          'brandCodes.Anadolu': [{ code: 'forms.issue.required' }],
        },
      });
      const unknown = await post(`/cases/${id}/codes`, { iysCode: '654321', brandCodes: { Başka: '1' } });
      expect(unknown.status).toBe(422);
      const ok = await post(
        `/cases/${id}/codes`,
        { iysCode: '654 321', brandCodes: { Anadolu: '654321' } },
        { 'x-actor': 'Mehmet' },
      );
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { case: { data: Record<string, unknown> } };
      expect(body.case.data).toMatchObject({ iysCode: '654321', brandCodes: { Anadolu: '654321' } });
      expect((await audit(id)).at(-1)).toMatchObject({
        type: 'fields.updated',
        actor: { kind: 'admin', id: 'Mehmet' },
        fields: ['iysCode', 'brandCodes'],
      });
      expect((await post(`/cases/${id}/codes`, { iysCode: '1', extra: true })).status).toBe(400);
    });

    it('confirms a partner assignment: the step is done and the confirmation is by an agent of the integrator', async () => {
      const id = `c_${tag}_bogazici`;
      expect((await post(`/cases/${id}/partner-confirmation`, { brands: ['Yok'] })).status).toBe(422);
      const res = await post(`/cases/${id}/partner-confirmation`, {});
      expect(res.status).toBe(200);
      const stored = await bot.cases.get(id);
      expect(stored?.steps.partnerAssignment.status).toBe('done');
      expect(stored?.data.partnerConfirmed?.Lezzet).toMatchObject({ by: 'agent' });
      expect(stored?.audit.slice(-2)).toEqual([
        expect.objectContaining({ type: 'fields.updated', actor: { kind: 'admin', id: 'admin-token' } }),
        expect.objectContaining({
          type: 'step.changed',
          step: 'partnerAssignment',
          to: 'done',
          actor: { kind: 'admin', id: 'admin-token' },
        }),
      ]);
      // Settling the step cancels its reminder.
      expect(await bot.reminders.pending(id)).toEqual([]);
    });

    it('adds a note (masked in the audit trail) and erases the case (KVKK)', async () => {
      const id = `c_${tag}_anadolu`;
      const note = await post(`/cases/${id}/notes`, { text: 'Müşteri aradı, tel 0532 123 45 67' });
      expect(note.status).toBe(201);
      expect((await audit(id)).at(-1)).toMatchObject({
        type: 'note.added',
        actor: { kind: 'admin', id: 'admin-token' },
        detail: 'Müşteri aradı, tel +90 5** *** ** 67',
      });
      expect((await post(`/cases/${id}/notes`, { text: '' })).status).toBe(400);
      expect((await post('/cases/c_nobody/notes', { text: 'x' })).status).toBe(404);

      const erased = await fetch(`${bot.url}/api/admin/cases/${id}`, { method: 'DELETE', headers: AUTH });
      expect(erased.status).toBe(204);
      // Everything of the case is gone; only the anonymous erasure record remains (see kvkk-privacy tests).
      expect(await bot.cases.get(id)).toBeUndefined();
      expect((await fetch(`${bot.url}/api/admin/cases/${id}`, { headers: AUTH })).status).toBe(404);
      expect(
        (await fetch(`${bot.url}/api/admin/cases/${id}`, { method: 'DELETE', headers: AUTH })).status,
      ).toBe(404);
    });

    it('refuses bodies past the admin body limit with 413', async () => {
      const res = await post(`/cases/c_${tag}_anadolu/notes`, { text: 'x'.repeat(20_000) });
      expect(res.status).toBe(413);
    });
  });
});

describe('admin API rate limits', () => {
  jest.setTimeout(90_000);

  it('answers 429 with Retry-After once the per-IP budget is spent, wrong tokens included', async () => {
    const prefix = uniquePrefix('admin-rate');
    const bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ROLE: 'web',
      REMINDER_QUEUE: 'admin-rate-reminders',
      ADMIN_TOKEN: TOKEN,
      HTTP_RATE_PER_IP: '4',
      HTTP_RATE_PER_USER: '100',
    });
    try {
      await untilReady(bot.url);
      await outsideMinuteBoundary();
      const statuses: number[] = [];
      for (const authorization of [
        'Bearer nope',
        'Bearer nope',
        `Bearer ${TOKEN}`,
        `Bearer ${TOKEN}`,
        `Bearer ${TOKEN}`,
      ]) {
        statuses.push((await fetch(`${bot.url}/api/admin/stats`, { headers: { authorization } })).status);
      }
      expect(statuses).toEqual([401, 401, 200, 200, 429]);
      const last = await fetch(`${bot.url}/api/admin/stats`, { headers: AUTH });
      expect(last.status).toBe(429);
      const retryAfter = Number(last.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await last.json()).toMatchObject({ code: 'TooManyRequests' });
    } finally {
      await bot.stop();
      await deleteByPrefix(prefix);
    }
  });

  it('limits the token as one user', async () => {
    const prefix = uniquePrefix('admin-user-rate');
    const bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ROLE: 'web',
      REMINDER_QUEUE: 'admin-user-rate-reminders',
      ADMIN_TOKEN: TOKEN,
      HTTP_RATE_PER_IP: '1000',
      HTTP_RATE_PER_USER: '3',
    });
    try {
      await untilReady(bot.url);
      await outsideMinuteBoundary();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await fetch(`${bot.url}/api/admin/stats`, { headers: AUTH })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    } finally {
      await bot.stop();
      await deleteByPrefix(prefix);
    }
  });
});

/** The limiter counts per clock minute; a burst that straddles two minutes would get two budgets. */
async function outsideMinuteBoundary(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 100));
}
