import { caseIdFor } from '../../src/cases/case-keys';
import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';

describe('main dialog: welcome, privacy notice, global commands', () => {
  const connector = new LocalConnector();
  let bot: InProcessBot;
  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot({
      INTEGRATOR_NAME: 'Deneme İletişim',
      INTEGRATOR_SUPPORT_PHONE: '+90 850 123 45 67',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  const newUser = () => new ChannelSimulator(bot.url, connector);
  const caseOf = (user: ChannelSimulator) => bot.cases.get(caseIdFor('emulator', user.userId));

  it('asks nothing personal before the notice is accepted, and records the acceptance with its version', async () => {
    const user = newUser();
    const welcome = await user.send('merhaba');
    expect(welcome.map((r) => (r.attachments?.length ? '[card]' : r.text))).toEqual([
      expect.stringContaining('Deneme İletişim İYS kayıt asistanıyım'),
      expect.stringContaining('altı adımda'),
      expect.stringContaining('Aydınlatma metni (sürüm 2026-11)'),
      '[card]',
    ]);
    expect((await caseOf(user))?.privacyNotice).toBeUndefined();
    await user.send('Kabul ediyorum');
    const stored = await caseOf(user);
    expect(stored?.privacyNotice).toEqual({ version: '2026-11', at: expect.any(String) });
    expect(stored?.audit.map((e) => e.type).slice(0, 3)).toEqual([
      'case.created',
      'channel.added',
      'privacy.accepted',
    ]);
    // The audit trail names the case, never the channel's user id.
    expect(JSON.stringify(stored?.audit)).not.toContain(user.userId);
  });

  it('takes a choice button submitted without text (Web Chat, Playground) like the typed answer', async () => {
    const user = newUser();
    const welcome = await user.send('merhaba');
    const [card] = ChannelSimulator.cards(welcome);
    const accept = card?.actions?.find((a) => a.title === 'Kabul ediyorum');
    expect(accept?.data).toEqual({ verb: 'choice.pick', choice: 'Kabul ediyorum' });
    const replies = await user.send('', { value: accept?.data });
    expect(replies[0]?.text).toBe('Teşekkürler, kaydettim.');
  });

  it('stops politely when the notice is declined and asks again next time', async () => {
    const user = newUser();
    await user.send('merhaba');
    const declined = await user.send('Kabul etmiyorum');
    expect(declined[0]?.text).toMatch(/Kişisel veri paylaşmadan başvurunuzu hazırlayamıyorum/);
    expect(declined).toHaveLength(1);
    expect((await caseOf(user))?.privacyNotice).toBeUndefined();
    const again = await user.send('tekrar merhaba');
    expect(again.at(-1)?.attachments).toBeDefined();
    expect(again[2]?.text).toMatch(/^Aydınlatma metni/);
  });

  it('answers help, status and agent at the privacy question without losing it', async () => {
    const user = newUser();
    await user.send('merhaba');
    expect((await user.send('yardım'))[0]?.text).toMatch(/“durum”.*“iptal”.*“temsilci”/);
    const status = await user.send('durum');
    expect(ChannelSimulator.cards(status)).toHaveLength(1);
    const agent = await user.send('Temsilci');
    expect(agent[0]?.text).toContain('+90 850 123 45 67');
    const accepted = await user.send('Kabul ediyorum');
    expect(accepted[0]?.text).toBe('Teşekkürler, kaydettim.');
  });

  it('understands the commands in English too, and a command alone only: a sentence is an answer', async () => {
    const user = newUser();
    await user.send('hello', { locale: 'en-US' });
    expect((await user.send('HELP', { locale: 'en-US' }))[0]?.text).toMatch(/^I help you/);
    const sentence = await user.send('I need help with cancel', { locale: 'en-US' });
    expect(JSON.stringify(sentence[0]?.attachments)).toContain('I accept');
  });

  it('keeps the language of the first contact, and switches only when asked', async () => {
    const user = newUser();
    await user.send('merhaba');
    // A client set to English later (e.g. a Teams UI language) does not switch a Turkish conversation.
    expect((await user.send('yardım', { locale: 'en-US' }))[0]?.text).toMatch(/^Size İYS kaydınızda/);
    expect((await user.send('english'))[0]?.text).toMatch(/^From now on I will write in English/);
    expect((await caseOf(user))?.locale).toBe('en');
    expect((await user.send('help'))[0]?.text).toMatch(/^I help you/);
    expect((await user.send('türkçe'))[0]?.text).toMatch(/^Bundan sonra Türkçe/);
  });

  it('closes nothing but answers “iptal” when no form is open', async () => {
    const user = newUser();
    const reply = await user.send('iptal');
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toMatch(/^Formu kapattım/);
  });

  it('keeps one case per customer with the conversation it can be reached through', async () => {
    const user = newUser();
    await user.send('merhaba');
    const stored = await caseOf(user);
    expect(stored?.channels).toEqual([
      expect.objectContaining({
        channelId: 'emulator',
        conversationId: user.conversationId,
        serviceUrl: connector.url,
      }),
    ]);
    expect(stored?.locale).toBe('tr');
  });
});
