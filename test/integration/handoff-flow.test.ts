import { caseIdFor } from '../../src/cases/case-keys';
import { readable, formIds } from '../dialogs/early-steps-harness';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { ChannelSimulator, type AdaptiveCardLike } from '../support/channel-simulator';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(60_000);

const SUPPORT = 'support-channel';

/** An agent writing in the support channel (a Teams channel: conversationType `channel`). */
function agentActivity(connector: LocalConnector, conversationId: string, agent: string, extra: object) {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: connector.url,
    from: { id: agent, name: agent === 'agent-1' ? 'Ayşe Temsilci' : 'Mehmet Temsilci', aadObjectId: agent },
    recipient: { id: 'bot', name: 'İYS Asistanı' },
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
    locale: 'tr-TR',
    ...extra,
  };
}

async function post(url: string, activity: object): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function claimInvoke(
  connector: LocalConnector,
  thread: string,
  cardId: string,
  agent: string,
  caseId: string,
) {
  return agentActivity(connector, thread, agent, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardId,
    value: { action: { type: 'Action.Execute', verb: 'handoff.claim', data: { caseId } } },
  });
}

function cardText(card: unknown): string {
  return JSON.stringify(card);
}

describe('agent takeover over HTTP, with Redis', () => {
  const prefix = uniquePrefix('handoff-flow');
  const connector = new LocalConnector();
  let bot: InProcessBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    await deleteByPrefix(prefix);
  });

  it('posts a masked card, lets one agent claim, relays both ways, keeps the bot silent and hands back', async () => {
    await post(bot.url, agentActivity(connector, SUPPORT, 'agent-1', { text: '/destek-kanali' }));
    expect(connector.messages(SUPPORT).at(-1)?.text).toContain('destek kanalı olarak kaydedildi');

    const customer = new ChannelSimulator(bot.url, connector);
    const caseId = caseIdFor('emulator', customer.userId);
    await customer.send('merhaba');
    expect(readable(await customer.send('Kabul ediyorum'))).toContain('İYS numarası (İYSKod) var mı?');
    await customer.send('TCKN 10000000146, cep 0532 123 45 67');
    expect(readable(await customer.send('temsilci'))).toMatch(/temsilci/i);

    // The card in the support channel: reason, masked chat lines, the claim button.
    const posted = connector.messages(SUPPORT).at(-1)!;
    const card = ChannelSimulator.cards([posted])[0] as AdaptiveCardLike;
    const shown = cardText(card);
    expect(shown).toContain('müşteri temsilci istedi');
    expect(shown).toContain('Devral / Take over');
    expect(shown).not.toContain('10000000146');
    expect(shown).not.toContain('123 45 67');
    expect(shown).toContain('100******46');
    const record = await bot.handoff.service.store.get(caseId);
    const thread = (record?.thread?.reference.conversation as { id: string }).id;
    const cardId = record!.thread!.cardActivityId;

    // Two agents press "Devral" at once: one owns the case, the other is told who.
    const [first, second] = await Promise.all([
      post(bot.url, claimInvoke(connector, thread, cardId, 'agent-1', caseId)),
      post(bot.url, claimInvoke(connector, thread, cardId, 'agent-2', caseId)),
    ]);
    const bodies = [first.body, second.body].map((b) => cardText(b));
    const owner = (await bot.handoff.service.store.get(caseId))?.owner;
    expect(owner).toBeDefined();
    expect(bodies.filter((b) => b.includes('zaten'))).toHaveLength(1);
    // Everyone's copy is replaced with the owned card, which carries `refresh` for the agents.
    const update = connector.updates(thread).at(-1);
    const refreshed = ChannelSimulator.cards([update!])[0] as AdaptiveCardLike & {
      refresh?: { userIds: string[] };
    };
    expect(cardText(refreshed)).toContain(`${owner!.name} devraldı`);
    expect(refreshed.refresh?.userIds).toContain(owner!.id);
    expect(cardText(refreshed)).not.toContain('handoff.claim');
    expect(customer.texts().at(-1)).toContain(`${owner!.name} görüşmeye katıldı`);

    // Customer → agent: relayed into the thread, the bot says nothing to the customer.
    const before = customer.texts().length;
    expect(await customer.send('Başvuru formunu bulamıyorum')).toHaveLength(0);
    expect(connector.messages(thread).at(-1)?.text).toBe('[emulator] Müşteri: Başvuru formunu bulamıyorum');
    expect(customer.texts()).toHaveLength(before);

    // Agent → customer, and only the owner may write to the customer.
    const other = owner!.id === 'agent-1' ? 'agent-2' : 'agent-1';
    await post(bot.url, agentActivity(connector, thread, other, { text: 'ben de buradayım' }));
    expect(connector.messages(thread).at(-1)?.text).toContain('yürütüyor');
    await post(
      bot.url,
      agentActivity(connector, thread, owner!.id, { text: 'Size ön başvuruda yardımcı olacağım.' }),
    );
    expect(customer.texts().at(-1)).toBe('Size ön başvuruda yardımcı olacağım.');

    // Commands: note and summary stay in the thread (masked); /bitir hands back at the same step.
    await post(
      bot.url,
      agentActivity(connector, thread, owner!.id, { text: '/not müşteri 0532 123 45 67 arandı' }),
    );
    await post(bot.url, agentActivity(connector, thread, owner!.id, { text: '/ozet' }));
    expect(connector.messages(thread).at(-1)?.text).toContain('Özet:');
    await post(bot.url, agentActivity(connector, thread, owner!.id, { text: '/bitir' }));
    expect(customer.texts().at(-1)).toContain('Kaldığımız yerden devam ediyoruz');
    expect(connector.messages(thread).at(-1)?.text).toContain('bota devredildi');
    expect(formIds(await customer.send('Hayır, ilk kez başvuracağız'))).toEqual(['company']);

    const transcript = await bot.handoff.service.transcripts.last(caseId, 50);
    const all = transcript.map((l) => l.text).join('\n');
    expect(all).toContain('Başvuru formunu bulamıyorum');
    expect(all).toContain('Size ön başvuruda yardımcı olacağım.');
    expect(transcript.some((l) => l.from === 'note')).toBe(true);
    expect(all).not.toContain('10000000146');
    expect(all).not.toContain('123 45 67');
  });
});

describe('two bot processes racing to claim one request', () => {
  const prefix = uniquePrefix('handoff-race');
  const connector = new LocalConnector();
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    await connector.start();
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, NODE_ENV: 'test' };
    [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await connector.stop();
    await deleteByPrefix(prefix);
  });

  it('gives the case to exactly one agent', async () => {
    await post(a.url, agentActivity(connector, SUPPORT, 'agent-1', { text: '/destek-kanali' }));
    const customer = new ChannelSimulator(a.url, connector);
    const caseId = caseIdFor('emulator', customer.userId);
    await customer.send('temsilci');
    await connector.waitForMessages(SUPPORT, 2);
    // Each process answers its own agent's click; the thread id only routes the card update.
    const thread = `${SUPPORT};messageid=card`;
    const results = await Promise.all([
      post(a.url, claimInvoke(connector, thread, 'card', 'agent-1', caseId)),
      post(b.url, claimInvoke(connector, thread, 'card', 'agent-2', caseId)),
    ]);
    const taken = results.map((r) => cardText(r.body)).filter((t) => t.includes('zaten'));
    expect(taken).toHaveLength(1);
    const owners = results.map((r) => cardText(r.body)).filter((t) => t.includes('devraldı'));
    expect(owners).toHaveLength(2);
  });
});
