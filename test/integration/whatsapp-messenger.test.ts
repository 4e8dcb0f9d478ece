import { InMemoryConversationWindowStore } from '../../src/channels/whatsapp/inbox';
import type { ChannelAddress } from '../../src/domain/case';
import type { OutboundMessage } from '../../src/channels/proactive-messenger';
import { GraphClient } from '../../src/channels/whatsapp/graph-client';
import { whatsAppUserId } from '../../src/channels/whatsapp/types';
import {
  TEMPLATE_TEXT_MAX,
  WhatsAppMessenger,
  recipientOfAddress,
  templateText,
} from '../../src/channels/whatsapp/whatsapp-messenger';
import { FakeGraphServer } from '../support/fake-graph-server';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const templates = {
  reminder: 'iys_onboarding_reminder',
  agentMessage: 'iys_onboarding_agent_reply',
  language: 'tr',
};

function address(whatsapp: unknown = { userKey: 'TR.998877665544', waId: '905321112233' }): ChannelAddress {
  const userId = whatsAppUserId('TR.998877665544');
  return {
    channelId: 'whatsapp',
    conversationId: userId,
    serviceUrl: 'whatsapp',
    userId,
    botId: '1098765432',
    addedAt: '2026-11-20T09:00:00.000Z',
    reference: {
      channelId: 'whatsapp',
      conversation: { id: userId },
      user: { id: userId, properties: { whatsapp } },
      bot: { id: '1098765432' },
    },
  };
}

const reminder: OutboundMessage = {
  text: 'Merhaba, **ACME A.Ş.** için İYS başvurunuz bekliyor.\n\nKodlarınız geldi mi?',
  actions: [
    { title: 'Kodlarım geldi', value: 'reminder.codes_arrived' },
    { title: 'Temsilciyle görüş', value: 'reminder.talk_to_agent' },
  ],
};

describe('WhatsAppMessenger', () => {
  let graph: FakeGraphServer;
  let window: InMemoryConversationWindowStore;

  const messenger = (purpose?: 'reminder' | 'agentMessage') =>
    new WhatsAppMessenger({
      sender: new GraphClient({
        baseUrl: graph.baseUrl,
        version: 'v23.0',
        phoneNumberId: '1098765432',
        accessToken: graph.accessToken,
        retries: 1,
        backoffMs: 1,
        rateLimitDelayMs: 1,
        pairRateDelayMs: 1,
        sleep: async () => undefined,
      }),
      window,
      templates,
      now: () => NOW,
      ...(purpose ? { purpose } : {}),
    });

  beforeAll(async () => {
    graph = await FakeGraphServer.start();
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.reset();
    window = new InMemoryConversationWindowStore();
  });
  afterEach(() => expect(graph.limitProblems).toEqual([]));

  it('inside the 24-hour window sends free text with reply buttons that answer with the values', async () => {
    await window.recordInbound(address().userId, hoursAgo(3));
    expect(await messenger().send(address(), reminder)).toBe('sent');
    expect(graph.messages).toHaveLength(1);
    const [sent] = graph.messages;
    expect(sent?.to).toBe('905321112233');
    expect(sent?.message).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Merhaba, *ACME A.Ş.* için İYS başvurunuz bekliyor.\n\nKodlarınız geldi mi?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'reminder.codes_arrived', title: 'Kodlarım geldi' } },
            { type: 'reply', reply: { id: 'reminder.talk_to_agent', title: 'Temsilciyle görüş' } },
          ],
        },
      },
    });
  });

  it('inside the window a message without answers is plain text', async () => {
    await window.recordInbound(address().userId, hoursAgo(1));
    await messenger().send(address(), { text: 'Temsilcimiz yazdı: yarın arayacağız.', actions: [] });
    expect(graph.messages[0]?.message).toEqual({
      type: 'text',
      text: { body: 'Temsilcimiz yazdı: yarın arayacağız.' },
    });
  });

  it('outside the window sends the utility template with the text and quick-reply payloads', async () => {
    await window.recordInbound(address().userId, hoursAgo(30));
    expect(await messenger().send(address(), reminder)).toBe('sent');
    expect(graph.messages.map((m) => m.message)).toEqual([
      {
        type: 'template',
        template: {
          name: 'iys_onboarding_reminder',
          language: { code: 'tr' },
          components: [
            {
              type: 'body',
              parameters: [
                {
                  type: 'text',
                  text: 'Merhaba, *ACME A.Ş.* için İYS başvurunuz bekliyor. · Kodlarınız geldi mi?',
                },
              ],
            },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'reminder.codes_arrived' }],
            },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '1',
              parameters: [{ type: 'payload', payload: 'reminder.talk_to_agent' }],
            },
          ],
        },
      },
    ]);
  });

  it('treats a window about to close, or an unknown one, as closed', async () => {
    await window.recordInbound(address().userId, hoursAgo(23.95));
    await messenger().send(address(), reminder);
    await window.forget(address().userId);
    await messenger().send(address(), reminder);
    expect(graph.messages.map((m) => m.message.type)).toEqual(['template', 'template']);
  });

  it('an agent’s message outside the window goes through the agent template', async () => {
    await messenger('agentMessage').send(address(), { text: 'Belgeniz eksik.', actions: [] });
    const [sent] = graph.messages;
    expect(sent?.message.type === 'template' && sent.message.template.name).toBe(
      'iys_onboarding_agent_reply',
    );
    expect(sent?.message.type === 'template' && sent.message.template.components).toHaveLength(1);
  });

  it('falls back to the template when WhatsApp says the window closed after all', async () => {
    await window.recordInbound(address().userId, hoursAgo(2));
    graph.failNext({ status: 400, code: 131047, message: 'Re-engagement message' });
    expect(await messenger().send(address(), reminder)).toBe('sent');
    expect(graph.requests.map((r) => r.status)).toEqual([400, 200]);
    expect(graph.messages.map((m) => m.message.type)).toEqual(['template']);
  });

  it('reports a customer without a WhatsApp recipient, or one WhatsApp cannot deliver to, as unreachable', async () => {
    expect(await messenger().send(address(null), reminder)).toBe('unreachable');
    expect(graph.requests).toEqual([]);
    graph.failNext({ status: 400, code: 131026, message: 'Message undeliverable' });
    expect(await messenger().send(address(), reminder)).toBe('unreachable');
  });

  it('lets rate limits and server errors through for the job to retry later', async () => {
    graph.failNext({ status: 429, code: 130429 }, 2);
    await expect(messenger().send(address(), reminder)).rejects.toMatchObject({ reason: 'rate_limited' });
    graph.failNext({ status: 500 }, 2);
    await expect(messenger().send(address(), reminder)).rejects.toMatchObject({ reason: 'server' });
  });

  it('sends to the business-scoped user id when the number is not known', async () => {
    await messenger().send(address({ userKey: 'TR.998877665544' }), reminder);
    expect(graph.messages[0]?.recipient).toBe('TR.998877665544');
  });
});

describe('recipientOfAddress', () => {
  it('reads what the WhatsApp adapter keeps in the conversation reference', () => {
    expect(recipientOfAddress(address())).toEqual({ userKey: 'TR.998877665544', waId: '905321112233' });
    expect(recipientOfAddress(address({ userKey: 'TR.1' }))).toEqual({ userKey: 'TR.1' });
    expect(recipientOfAddress(address({ waId: '905321112233' }))).toBeUndefined();
    expect(recipientOfAddress(address('905321112233'))).toBeUndefined();
  });
});

describe('templateText', () => {
  it('leaves no new lines, tabs or runs of spaces, and keeps the words', () => {
    const text =
      '# Hatırlatma\n\nŞunlar eksik:\n- İmza sirküleri\n- Vergi\tlevhası\n\n\nLütfen     yükleyin.\r\nTeşekkürler';
    expect(templateText(text)).toBe(
      '*Hatırlatma* · Şunlar eksik: · İmza sirküleri · Vergi levhası · Lütfen yükleyin. · Teşekkürler',
    );
  });

  it('cuts long texts with an ellipsis', () => {
    const text = 'uzun '.repeat(400);
    const param = templateText(text);
    expect(param.length).toBeLessThanOrEqual(TEMPLATE_TEXT_MAX);
    expect(param.endsWith('…')).toBe(true);
    expect(templateText('  \n\t ')).toBe('…');
  });
});
