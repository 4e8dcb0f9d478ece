import { caseIdFor } from '../../src/cases/case-keys';
import { COMPANY_WITH_MERSIS, formIds, readable } from '../dialogs/early-steps-harness';
import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(60_000);

const prefix = uniquePrefix('dup');

/** Posts a raw activity body and returns the HTTP status and body text. */
async function postRaw(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** A customer walked to the open company card. */
async function atCompanyForm(user: ChannelSimulator): Promise<void> {
  await user.send('merhaba');
  await user.send('Kabul ediyorum');
  expect(formIds(await user.send('Hayır, ilk kez başvuracağız'))).toEqual(['company']);
}

describe.each([
  ['embedded (memory state, in-process lock)', {}],
  ['Redis', { REDIS_URL, REDIS_KEY_PREFIX: prefix }],
])('one effect and one reply per message, %s', (_mode, env: Record<string, string>) => {
  const connector = new LocalConnector();
  let bot: InProcessBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot(env);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('runs an activity delivered twice (at once, and again later) only once, answering 200 each time', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    const hello = user.activity('merhaba');
    const statuses = await Promise.all([postRaw(bot.url, hello), postRaw(bot.url, hello)]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200]);
    const once = connector.messages(user.conversationId).length;
    expect(once).toBe(4); // welcome, six steps, privacy notice, accept/decline buttons: once

    expect((await postRaw(bot.url, hello)).status).toBe(200);
    expect(connector.messages(user.conversationId)).toHaveLength(once);
    // The conversation goes on normally with the next (new) activity.
    expect(readable(await user.send('Kabul ediyorum'))).toContain('İYS numarası (İYSKod) var mı?');
  });

  it('takes ten concurrent submits of one company card once and asks the next question once', async () => {
    // The reference: what one submit of this card answers.
    const control = new ChannelSimulator(bot.url, connector);
    await atCompanyForm(control);
    const single = await control.submitCard(COMPANY_WITH_MERSIS);
    expect(single.length).toBeGreaterThan(0);

    const user = new ChannelSimulator(bot.url, connector);
    await atCompanyForm(user);
    const before = connector.messages(user.conversationId).length;
    const value = { ...COMPANY_WITH_MERSIS, ...user.lastCardAction() };
    const statuses = await Promise.all(Array.from({ length: 10 }, () => user.post('', { value })));
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));

    // Replies reach the connector before the POST is answered: everything the ten clicks caused is here.
    const replies = connector.messages(user.conversationId).slice(before);
    expect(replies.map((r) => r.text ?? '')).toEqual(single.map((r) => r.text ?? ''));
    expect(readable(replies)).not.toMatch(/artık geçerli değil|anlayamadım|beklenmedik/);

    // One effect: the company was saved once, and the customer simply answers the next question.
    const saved = await bot.cases.get(caseIdFor('emulator', user.userId));
    const controlCase = await bot.cases.get(caseIdFor('emulator', control.userId));
    expect(saved?.data.tradeTitle).toBe(COMPANY_WITH_MERSIS.tradeTitle);
    expect(saved?.audit.map((e) => e.type)).toEqual(controlCase?.audit.map((e) => e.type));
    expect(formIds(await user.send('Evet, var'))).toEqual(['route']);

    // A later click on the same (used) card is a duplicate too: no effect, no reply.
    const after = connector.messages(user.conversationId).length;
    expect(await user.post('', { value })).toBe(200);
    expect(connector.messages(user.conversationId)).toHaveLength(after);
  });

  it('still refuses a genuinely stale card (an older copy of the form) with the usual message', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    await atCompanyForm(user);
    const first = user.lastCardAction();
    // A refused submit re-shows the card with a new nonce: the first copy is now stale, not used.
    const refused = await user.submitCard({ ...COMPANY_WITH_MERSIS, mersisNo: '12' });
    expect(formIds(refused)).toEqual(['company']);
    const stale = await user.send('', { value: { ...COMPANY_WITH_MERSIS, ...first } });
    expect(stale[0]?.text).toBe('Bu form artık geçerli değil; güncel formu aşağıya bıraktım.');
    expect(formIds(stale)).toEqual(['company']);
  });

  it('answers 400 with a clear message for wrong types in an activity, and runs no turn', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    for (const broken of [
      { ...user.activity('x'), text: 42 },
      { ...user.activity('x'), from: 'user-1' },
      { ...user.activity('x'), conversation: { id: 7 } },
      { ...user.activity('x'), attachments: 'none' },
    ]) {
      const res = await postRaw(bot.url, broken);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({
        code: 'BadRequest',
        message: expect.stringMatching(
          /^Not a Bot Framework activity: (text|from|conversation\.id|attachments): /,
        ),
      });
    }
    expect(connector.messages(user.conversationId)).toHaveLength(0);
  });
});

afterAll(async () => deleteByPrefix(prefix));
