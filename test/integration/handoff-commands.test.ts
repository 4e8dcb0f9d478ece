import { caseIdFor } from '../../src/cases/case-keys';
import { STEP_IDS } from '../../src/domain/case';
import { TRANSCRIPT_CONTENT_TYPE } from '../../src/handoff/handoff-events';
import { readable, SUBMITTED_CASE_DATA } from '../dialogs/early-steps-harness';
import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(60_000);

const SUPPORT = 'support-channel';
const AGENT = 'agent-1';

/** An agent writing in the support channel (a Teams channel: conversationType `channel`). */
function agentActivity(connector: LocalConnector, conversationId: string, extra: object) {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: connector.url,
    from: { id: AGENT, name: 'Ayşe Temsilci', aadObjectId: AGENT },
    recipient: { id: 'bot', name: 'İYS Asistanı' },
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
    locale: 'tr-TR',
    ...extra,
  };
}

async function post(url: string, activity: object): Promise<void> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
}

describe('agent commands, audit trail, callback number and hub events (HTTP, Redis)', () => {
  const prefix = uniquePrefix('handoff-commands');
  const connector = new LocalConnector();
  let bot: InProcessBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot({ REDIS_URL, REDIS_KEY_PREFIX: prefix, HANDOFF_EXTERNAL_HUB: 'true' });
    await post(bot.url, agentActivity(connector, SUPPORT, { text: '/destek-kanali' }));
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    await deleteByPrefix(prefix);
  });

  const store = () => bot.handoff.service.store;
  /** The agent thread of the case's request, once the support-channel card is posted and recorded. */
  async function threadOf(caseId: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const thread = (await store().get(caseId))?.thread;
      if (thread) return (thread.reference.conversation as { id: string }).id;
      if (Date.now() > deadline) throw new Error('the request was never posted to the support channel');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  const agentSays = async (thread: string, text: string) => {
    await post(bot.url, agentActivity(connector, thread, { text }));
    return connector.messages(thread).at(-1)?.text ?? '';
  };

  it('runs a takeover end to end: events for the hub, /adim, /onayla-isortagi, notes, all audited', async () => {
    const customer = new ChannelSimulator(bot.url, connector);
    const caseId = caseIdFor('emulator', customer.userId);
    await customer.send('merhaba');
    await customer.send('Kabul ediyorum');
    const current = (await bot.cases.get(caseId))!;
    await bot.cases.replace({ ...current, data: SUBMITTED_CASE_DATA });
    await customer.send('TCKN 17291716060, cep 0532 123 45 67');
    await customer.send('temsilci');

    // handoff.initiate in the customer's conversation, with the masked transcript as message activities.
    const [initiate] = connector.events(customer.conversationId, 'handoff.initiate');
    expect(initiate?.value).toMatchObject({ skill: 'iys-onboarding', caseId, reason: 'customer_request' });
    const attachment = (initiate?.attachments as { contentType: string; content: unknown }[])[0];
    expect(attachment?.contentType).toBe(TRANSCRIPT_CONTENT_TYPE);
    const { activities } = attachment!.content as { activities: { type: string; text: string }[] };
    expect(activities.length).toBeGreaterThan(2);
    expect(activities.every((a) => a.type === 'message')).toBe(true);
    const shown = JSON.stringify(initiate);
    expect(shown).toContain('172******60');
    expect(shown).not.toContain('17291716060');
    expect(shown).not.toContain('123 45 67');

    const thread = await threadOf(caseId);
    const cardId = (await store().get(caseId))!.thread!.cardActivityId;
    await post(
      bot.url,
      agentActivity(connector, thread, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: cardId,
        value: { action: { type: 'Action.Execute', verb: 'handoff.claim', data: { caseId } } },
      }),
    );
    const statuses = () => connector.events(customer.conversationId, 'handoff.status').map((e) => e.value);
    expect(statuses()).toEqual([expect.objectContaining({ state: 'accepted' })]);

    expect(await agentSays(thread, '/not müşteri 0532 123 45 67 numarasından arandı')).toBe(
      'Not kaydedildi.',
    );
    expect(await agentSays(thread, '/adim 9')).toContain('1 ile 6 arasında');
    expect(await agentSays(thread, '/adim 3')).toContain('taşındı');
    expect((await bot.cases.get(caseId))!.steps[STEP_IDS[2]!].status).toBe('in_progress');
    expect((await store().get(caseId))?.resumeFresh).toBe(true);
    expect(await agentSays(thread, '/onayla-isortagi Olmayan Marka')).toContain('onaylanamadı');
    expect(await agentSays(thread, '/onayla-isortagi Örnek')).toContain('onaylandı: Örnek.');
    expect(await agentSays(thread, '/onayla-isortagi')).toContain('onaylandı: Örnek, Örnek Outlet.');
    expect(Object.keys((await bot.cases.get(caseId))!.data.partnerConfirmed ?? {})).toHaveLength(2);
    await agentSays(thread, '/bitir');
    expect(statuses().map((s) => (s as { state: string }).state)).toEqual(['accepted', 'completed']);

    const audit = (await bot.cases.get(caseId))!.audit;
    const handoff = audit.filter((e) => e.type.startsWith('handoff.'));
    expect(handoff.map((e) => e.type)).toEqual([
      'handoff.requested',
      'handoff.claimed',
      'handoff.note',
      'handoff.handed_back',
    ]);
    expect(handoff[0]).toMatchObject({ actor: { kind: 'customer' }, detail: 'customer_request' });
    expect(handoff[1]).toMatchObject({ actor: { kind: 'agent', id: AGENT } });
    expect(handoff[2]?.detail).toBe('müşteri +90 5** *** ** 67 numarasından arandı');
    expect(handoff[3]).toMatchObject({ actor: { kind: 'agent', id: AGENT } });
    expect(audit.some((e) => e.type === 'step.changed' && e.actor.kind === 'agent')).toBe(true);
  });

  it('starts a takeover from a reminder button (WhatsApp id or Teams title, either language)', async () => {
    for (const tap of ['reminder.talk_to_agent', 'Talk to an agent', 'Temsilciyle görüş']) {
      const customer = new ChannelSimulator(bot.url, connector);
      const caseId = caseIdFor('emulator', customer.userId);
      await customer.send('merhaba');
      expect(customer.texts().join('\n')).not.toContain('aktarıyorum');
      await customer.send(tap);
      expect(customer.texts().at(-1)).toContain('müşteri temsilcimize aktarıyorum');
      expect(await store().get(caseId)).toMatchObject({ state: 'requested', reason: 'customer_request' });
    }
  });

  it('after nobody claimed: takes a callback number, posts it to the thread, masks it elsewhere', async () => {
    const customer = new ChannelSimulator(bot.url, connector);
    const caseId = caseIdFor('emulator', customer.userId);
    await customer.send('merhaba');
    await customer.send('Kabul ediyorum');
    await customer.send('temsilci');
    const thread = await threadOf(caseId);

    // A week later every business-hours deadline has passed.
    const service = bot.handoff.service as { now: () => Date };
    const realNow = service.now;
    service.now = () => new Date(Date.now() + 8 * 24 * 3600_000);
    try {
      await bot.handoff.service.sweep();
    } finally {
      service.now = realNow;
    }
    const offer = readable(connector.messages(customer.conversationId).slice(-1));
    expect(offer).toContain('tüm temsilcilerimiz meşgul');
    expect(JSON.stringify(connector.messages(customer.conversationId).at(-1))).toContain('Beni geri arayın');
    expect(connector.events(customer.conversationId, 'handoff.status').at(-1)?.value).toMatchObject({
      state: 'failed',
    });

    expect((await customer.send('Beni geri arayın')).map((a) => a.text)).toEqual([
      expect.stringContaining('hangi numaradan'),
    ]);
    expect((await customer.send('0532 12'))[0]?.text).toContain('0532 123 45 67 biçiminde');
    const saved = await customer.send('0532 123 45 67');
    expect(saved[0]?.text).toContain('+90 5** *** ** 67 numarasından arayacağız');
    expect(await store().get(caseId)).toMatchObject({ callback: 'given', callbackNumber: '+905321234567' });
    expect(connector.messages(thread).at(-1)?.text).toBe('Müşteri geri aranmak istiyor: +905321234567');
    const audit = (await bot.cases.get(caseId))!.audit.filter((e) => e.type.startsWith('handoff.'));
    expect(audit.map((e) => [e.type, e.detail])).toEqual([
      ['handoff.requested', 'customer_request'],
      ['handoff.timed_out', 'unclaimed'],
      ['handoff.callback', '+90 5** *** ** 67'],
    ]);
    const transcript = JSON.stringify(await bot.handoff.service.transcripts.last(caseId, 50));
    expect(transcript).not.toContain('123 45 67');
    expect(transcript).not.toContain('+905321234567');

    // The offer is answered: the next message is the bot's again.
    expect(JSON.stringify(await customer.send('devam'))).not.toContain('hangi numaradan');
  });
});
