import type { AdaptiveCardJson } from '../../cards/card-json';
import { CaseRepository } from '../../src/cases/case-repository';
import { CaseService } from '../../src/cases/case-service';
import { upsertChannelAddress, type ChannelAddress } from '../../src/domain/case';
import { defaultReminderPolicyConfig } from '../../src/domain/reminders';
import { gateCustomer, type HandoffRouting } from '../../src/bot/handoff-routes';
import type { AppTurnState } from '../../src/bot/turn-state';
import { AgentThread } from '../../src/handoff/agent-thread';
import { HandoffService } from '../../src/handoff/handoff-service';
import { InMemoryHandoffStore } from '../../src/handoff/handoff-store';
import type { SupportChannelPort } from '../../src/handoff/support-channel';
import { InMemoryTranscriptStore } from '../../src/handoff/transcript-store';
import { createLogger } from '../../src/observability/logger';
import { InMemoryDeliveryStore } from '../../src/reminders/delivery-store';
import type { OutboundMessage, ProactiveMessenger } from '../../src/channels/proactive-messenger';
import { ReminderWorker } from '../../src/reminders/reminder-worker';
import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { AT, caseAt, moved, SYSTEM } from '../support/case-fixtures';
import type { TurnContext } from 'botbuilder';

/** Just enough of a turn for the relay code: the activity and a place for replies. */
function fakeContext(activity: Record<string, unknown>, replies: string[] = []): TurnContext {
  return {
    activity,
    sendActivity: async (text: string) => void replies.push(text),
  } as unknown as TurnContext;
}

// Tuesday 25 November 2026, 10:00 in Istanbul (07:00Z).
const TUESDAY_10 = new Date('2026-11-25T07:00:00.000Z');
const MINUTE = 60_000;

/** A support channel that keeps what the bot posts, as the agents would see it. */
class FakeSupportChannel implements SupportChannelPort {
  readonly said: string[] = [];
  readonly cards: AdaptiveCardJson[] = [];
  async postCard(_channel: Record<string, unknown>, card: AdaptiveCardJson) {
    this.cards.push(card);
    return {
      reference: { conversation: { id: 'ch;messageid=1' } },
      cardActivityId: '1',
      conversationId: 'ch;messageid=1',
    };
  }
  async updateCard(_thread: Record<string, unknown>, _id: string, card: AdaptiveCardJson) {
    this.cards.push(card);
  }
  async say(_thread: Record<string, unknown>, text: string) {
    this.said.push(text);
  }
}

class FakeMessenger implements ProactiveMessenger {
  readonly sent: { channelId: string; message: OutboundMessage }[] = [];
  async send(address: ChannelAddress, message: OutboundMessage) {
    this.sent.push({ channelId: address.channelId, message });
    return 'sent' as const;
  }
}

const whatsappAddress: ChannelAddress = {
  channelId: 'whatsapp',
  conversationId: '905321234567',
  serviceUrl: 'whatsapp',
  userId: '905321234567',
  botId: 'bot',
  reference: { channelId: 'whatsapp' },
  addedAt: AT,
};

async function setUp(clock: { now: Date }) {
  const repository = new CaseRepository(new InMemoryStorage());
  const cases = new CaseService(repository, () => clock.now);
  const base = caseAt('c_wa', { tradeTitle: 'Örnek Gıda A.Ş.', signatoryMobile: '+905321234567' }, []);
  await cases.replace(
    upsertChannelAddress(
      moved(base, 'preApplication', 'in_progress', 'waiting'),
      whatsappAddress,
      SYSTEM,
      AT,
    ),
  );
  const support = new FakeSupportChannel();
  const messenger = new FakeMessenger();
  const store = new InMemoryHandoffStore();
  await store.setSupportChannel({ conversation: { id: 'ch' } });
  const service = new HandoffService({
    store,
    transcripts: new InMemoryTranscriptStore(),
    cases,
    supportChannel: support,
    customerMessenger: messenger,
    policy: defaultReminderPolicyConfig(),
    timeouts: { unclaimedMs: 15 * MINUTE, idleMs: 30 * MINUTE },
    supportPhone: '0850 000 00 00',
    logger: createLogger('silent'),
    now: () => clock.now,
  });
  return { service, support, messenger, store, repository, cases };
}

describe('handoff service (customer on WhatsApp, agent on Teams)', () => {
  it('masks personal data on the card and tells the WhatsApp customer who took over', async () => {
    const clock = { now: TUESDAY_10 };
    const { service, support, messenger } = await setUp(clock);
    expect(await service.request('c_wa', 'repeated_invalid_input')).toBe(true);
    const card = JSON.stringify(support.cards[0]);
    expect(card).toContain('WhatsApp');
    expect(card).toContain('+90 5** *** ** 67');
    expect(card).not.toContain('1234567');
    await service.claim('c_wa', { id: 'a1', name: 'Ayşe' });
    expect(messenger.sent.at(-1)).toMatchObject({ channelId: 'whatsapp' });
    expect(messenger.sent.at(-1)?.message.text).toContain('Ayşe');
  });

  it('tells the customer when nobody claims within the business-hours timeout (fake clock)', async () => {
    const clock = { now: TUESDAY_10 };
    const { service, messenger, support, store } = await setUp(clock);
    await service.request('c_wa', 'customer_request');
    clock.now = new Date(TUESDAY_10.getTime() + 14 * MINUTE);
    await service.sweep();
    expect(messenger.sent).toHaveLength(0);
    clock.now = new Date(TUESDAY_10.getTime() + 15 * MINUTE);
    await service.sweep();
    await service.sweep();
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0]?.message.actions.map((a) => a.value)).toEqual(['devam', 'geri arama']);
    expect(support.said.at(-1)).toContain('devralınmadı');
    expect((await store.get('c_wa'))?.state).toBe('closed');
  });

  it('counts the unclaimed time from the next business morning for a request made at night', async () => {
    // Tuesday 22:00 Istanbul; business hours start Wednesday 09:00 (06:00Z).
    const clock = { now: new Date('2026-11-25T19:00:00.000Z') };
    const { service, messenger } = await setUp(clock);
    await service.request('c_wa', 'customer_request');
    clock.now = new Date('2026-11-26T06:10:00.000Z');
    await service.sweep();
    expect(messenger.sent).toHaveLength(0);
    clock.now = new Date('2026-11-26T06:15:00.000Z');
    await service.sweep();
    expect(messenger.sent).toHaveLength(1);
  });

  it('hands an idle owned chat back to the bot with a note (fake clock)', async () => {
    const clock = { now: TUESDAY_10 };
    const { service, messenger, support, store } = await setUp(clock);
    await service.request('c_wa', 'customer_request');
    await service.claim('c_wa', { id: 'a1', name: 'Ayşe' });
    clock.now = new Date(TUESDAY_10.getTime() + 29 * MINUTE);
    await service.sweep();
    expect((await store.get('c_wa'))?.state).toBe('owned');
    clock.now = new Date(TUESDAY_10.getTime() + 30 * MINUTE);
    await service.sweep();
    expect(await store.get('c_wa')).toMatchObject({ state: 'closed', closedReason: 'idle' });
    expect(messenger.sent.at(-1)?.message.text).toContain('kaldığımız yerden');
    expect(support.said.at(-1)).toContain('30 dakika');
  });

  it('pauses reminders while an agent owns the case, without counting them', async () => {
    const clock = { now: TUESDAY_10 };
    const { service, messenger, repository } = await setUp(clock);
    const scheduled: { at: Date; attempt: number }[] = [];
    const worker = new ReminderWorker({
      cases: repository,
      schedule: async (_id, _kind, at, attempt) => void scheduled.push({ at, attempt }),
      messenger,
      deliveries: new InMemoryDeliveryStore(),
      escalation: { escalate: (caseId, note) => service.escalate(caseId, note) },
      policy: defaultReminderPolicyConfig(),
      logger: createLogger('silent'),
      now: () => clock.now,
      random: () => 0,
      isOwned: (caseId) => service.isOwned(caseId),
    });
    await service.request('c_wa', 'customer_request');
    await service.claim('c_wa', { id: 'a1', name: 'Ayşe' });
    const sentBefore = messenger.sent.length;
    const job = { caseId: 'c_wa', kind: 'awaiting_iys_code' as const, attempt: 1, deliveryKey: 'k1' };
    expect(await worker.handle(job)).toBe('paused');
    expect(messenger.sent).toHaveLength(sentBefore);
    expect(scheduled[0]?.attempt).toBe(1);
    expect(scheduled[0]!.at.getTime()).toBeGreaterThan(TUESDAY_10.getTime());
    await service.handBack('c_wa', 'agent');
    expect(await worker.handle({ ...job, deliveryKey: 'k2' })).toBe('sent');
  });

  it('relays a WhatsApp customer to the agent thread and the agent back to WhatsApp', async () => {
    const clock = { now: TUESDAY_10 };
    const { service, support, messenger, store, cases } = await setUp(clock);
    await service.request('c_wa', 'customer_request');
    await service.claim('c_wa', { id: 'a1', name: 'Ayşe' });
    const routing: HandoffRouting = { service, thread: new AgentThread(service, cases) };
    const state = { conversation: {} } as unknown as AppTurnState;
    const customer = fakeContext({ channelId: 'whatsapp', text: 'Numaram 0532 123 45 67, arar mısınız?' });
    expect(await gateCustomer(customer, state, routing, 'c_wa')).toEqual({ relayed: true });
    expect(support.said.at(-1)).toBe('[WhatsApp] Müşteri: Numaram +90 5** *** ** 67, arar mısınız?');
    const thread = (await store.get('c_wa'))!.thread!.reference.conversation as { id: string };
    const agent = fakeContext({
      channelId: 'msteams',
      text: 'Merhaba, hemen arıyorum.',
      from: { id: 'a1', name: 'Ayşe', aadObjectId: 'a1' },
      conversation: { id: thread.id, conversationType: 'channel' },
    });
    expect(await routing.thread.onMessage(agent)).toBe(true);
    expect(messenger.sent.at(-1)).toMatchObject({
      channelId: 'whatsapp',
      message: { text: 'Merhaba, hemen arıyorum.' },
    });
  });
});
