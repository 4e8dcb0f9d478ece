import { cardsIn, DialogHarness, type DialogCustomer } from '../support/dialog-harness';
import { keysOf, labelsOf, messagesOf, paramsIn } from '../support/message-keys';

const WELCOME = [
  'dialogs.welcome',
  'dialogs.sixSteps',
  'dialogs.privacy.notice',
  'choice:dialogs.privacy.question',
];

describe('main dialog: welcome, privacy notice, global commands (dialogs in memory)', () => {
  const h = new DialogHarness({
    env: { INTEGRATOR_NAME: 'Deneme İletişim', INTEGRATOR_SUPPORT_PHONE: '+90 850 123 45 67' },
  });
  afterAll(() => h.stop());

  /** A new customer who has been greeted: the privacy question is open. */
  async function greeted(locale?: string): Promise<DialogCustomer> {
    const user = h.customer('emulator', locale ? { locale } : {});
    await user.send(locale?.startsWith('en') ? 'hello' : 'merhaba');
    return user;
  }

  it('asks nothing personal before the notice is accepted, and records the acceptance with its version', async () => {
    const user = h.customer();
    const welcome = await user.send('merhaba');
    expect(labelsOf(welcome)).toEqual(WELCOME);
    expect(paramsIn(welcome, 'dialogs.welcome')).toEqual({ integratorName: 'Deneme İletişim' });
    expect(paramsIn(welcome, 'dialogs.privacy.notice')).toEqual({
      version: '2026-11',
      integratorName: 'Deneme İletişim',
    });
    expect((await h.cases.get(user.caseId))?.privacyNotice).toBeUndefined();
    await user.send('Kabul ediyorum');
    const stored = await h.caseOf(user);
    expect(stored.privacyNotice).toEqual({ version: '2026-11', at: expect.any(String) });
    expect(stored.audit.map((e) => e.type).slice(0, 3)).toEqual([
      'case.created',
      'channel.added',
      'privacy.accepted',
    ]);
    // The audit trail names the case, never the channel's user id.
    expect(JSON.stringify(stored.audit)).not.toContain(user.userId);
  });

  it('takes a choice button submitted without text (Web Chat, Playground) like the typed answer', async () => {
    const user = h.customer();
    const welcome = await user.send('merhaba');
    const [card] = cardsIn(welcome);
    const accept = card?.actions?.find((a) =>
      keysOf([{ text: a.title ?? '' }]).includes('dialogs.privacy.accept'),
    );
    expect(accept?.data).toEqual({ verb: 'choice.pick', choice: accept?.title });
    const replies = await user.send('', { value: accept?.data });
    expect(labelsOf(replies)[0]).toBe('dialogs.privacy.thanks');
  });

  it('stops politely when the notice is declined and asks again next time', async () => {
    const user = await greeted();
    const declined = await user.send('Kabul etmiyorum');
    expect(labelsOf(declined)).toEqual(['dialogs.privacy.declined']);
    expect((await h.caseOf(user)).privacyNotice).toBeUndefined();
    const again = await user.send('tekrar merhaba');
    expect(labelsOf(again)).toEqual(WELCOME);
  });

  it('answers help, status and agent at the privacy question without losing it', async () => {
    const user = await greeted();
    const help = await user.send('yardım');
    expect(labelsOf(help)).toEqual(['dialogs.command.help', 'card:agentOffer']);
    // The help names the commands it lists.
    for (const word of ['“durum”', '“iptal”', '“temsilci”']) expect(help[0]?.text).toContain(word);
    expect(labelsOf(await user.send('durum'))).toEqual(['card:stepOverview']);
    const agent = await user.send('Temsilci');
    expect(messagesOf(agent)).toEqual([
      {
        key: 'dialogs.command.agentUnavailable',
        locale: 'tr',
        params: { supportPhone: '+90 850 123 45 67' },
      },
    ]);
    expect(labelsOf(await user.send('Kabul ediyorum'))[0]).toBe('dialogs.privacy.thanks');
  });

  it('understands the commands in English too, and a command alone only: a sentence is an answer', async () => {
    const user = await greeted('en-US');
    expect(messagesOf(await user.send('HELP'))[0]).toMatchObject({
      key: 'dialogs.command.help',
      locale: 'en',
    });
    const sentence = await user.send('I need help with cancel');
    // Not a command: the privacy question is asked again, in English.
    expect(labelsOf(sentence)).toEqual(['choice:dialogs.privacy.question']);
    expect(messagesOf(sentence)).toContainEqual({ key: 'dialogs.privacy.accept', locale: 'en', params: {} });
  });

  it('keeps the language of the first contact, and switches only when asked', async () => {
    const user = await greeted();
    // A client set to English later (e.g. a Teams UI language) does not switch a Turkish conversation.
    expect(messagesOf(await user.send('yardım', { locale: 'en-US' }))[0]).toMatchObject({
      key: 'dialogs.command.help',
      locale: 'tr',
    });
    expect(messagesOf(await user.send('english'))[0]).toMatchObject({
      key: 'dialogs.command.language',
      locale: 'en',
    });
    expect((await h.caseOf(user)).locale).toBe('en');
    expect(messagesOf(await user.send('help'))[0]).toMatchObject({
      key: 'dialogs.command.help',
      locale: 'en',
    });
    expect(messagesOf(await user.send('türkçe'))[0]).toMatchObject({
      key: 'dialogs.command.language',
      locale: 'tr',
    });
  });

  it('closes nothing but answers “iptal” when no form is open', async () => {
    const user = h.customer();
    expect(labelsOf(await user.send('iptal'))).toEqual(['dialogs.command.cancelled']);
  });

  it('keeps one case per customer with the conversation it can be reached through', async () => {
    const user = h.customer();
    await user.send('merhaba');
    const stored = await h.caseOf(user);
    expect(stored.channels).toEqual([
      expect.objectContaining({
        channelId: 'emulator',
        conversationId: user.conversationId,
        serviceUrl: h.channel.serviceUrl,
      }),
    ]);
    expect(stored.locale).toBe('tr');
  });

  describe('global commands at the privacy question: says → message keys', () => {
    it.each([
      ['yardım', ['dialogs.command.help', 'card:agentOffer']],
      ['help', ['dialogs.command.help', 'card:agentOffer']],
      ['?', ['dialogs.command.help', 'card:agentOffer']],
      ['durum', ['card:stepOverview']],
      ['status', ['card:stepOverview']],
      ['menü', ['card:stepOverview', 'dialogs.command.menu']],
      ['menu', ['card:stepOverview', 'dialogs.command.menu']],
      ['temsilci', ['dialogs.command.agentUnavailable']],
      ['Müşteri temsilcisi', ['dialogs.command.agentUnavailable']],
      ['iptal', ['dialogs.command.cancelled']],
      ['vazgeç!', ['dialogs.command.cancelled']],
      ['english', ['dialogs.command.language']],
      ['türkçe', ['dialogs.command.language']],
      ['geri ödeme', ['choice:dialogs.privacy.question']],
      ['merhaba', ['choice:dialogs.privacy.question']],
    ])('%s → %j', async (says, keys) => {
      const user = await greeted();
      expect(labelsOf(await user.send(says))).toEqual(keys);
    });
  });

  describe('commands on the first message, before any dialog runs: says → message keys', () => {
    it.each([
      ['yardım', ['dialogs.command.help', 'card:agentOffer', ...WELCOME]],
      ['english', ['dialogs.command.language', ...WELCOME]],
      ['temsilci', ['dialogs.command.agentUnavailable']],
      ['iptal', ['dialogs.command.cancelled']],
    ])('%s → %j', async (says, keys) => {
      expect(labelsOf(await h.customer().send(says))).toEqual(keys);
    });
  });
});
