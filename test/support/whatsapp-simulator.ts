import { randomUUID } from 'node:crypto';
import { signatureFor } from '../../src/channels/whatsapp/signature';
import type { WaOutbound } from '../../src/channels/whatsapp/types';
import type { FakeGraphServer } from './fake-graph-server';

export interface WhatsAppSimulatorOptions {
  readonly botUrl: string;
  readonly graph: FakeGraphServer;
  readonly appSecret: string;
  readonly phoneNumberId: string;
  /** The customer's phone number as WhatsApp reports it (digits, no '+'). */
  readonly waId: string;
  /** Business-scoped user id, when the test wants Meta to send one. */
  readonly userId?: string;
}

/** The bot's WhatsApp configuration pointing at a fake Graph server. */
export function whatsAppEnv(
  graph: FakeGraphServer,
  appSecret: string,
  phoneNumberId: string,
  verifyToken = 'verify-me',
): Record<string, string> {
  return {
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_VERIFY_TOKEN: verifyToken,
    WHATSAPP_GRAPH_BASE_URL: graph.baseUrl,
  };
}

/**
 * A customer on WhatsApp, as Meta's webhook presents them: every message is a signed webhook POST to the
 * bot, and the bot's answers are whatever it sent to this number through the fake Graph API.
 *
 * The webhook answers 200 before the bot processes the message, so `send` waits for the replies to arrive
 * at the fake Graph server and then for a short quiet period (a turn sends its replies back to back).
 */
export class WhatsAppSimulator {
  private seen: number;
  private clock = Math.floor(Date.now() / 1000);

  constructor(private readonly o: WhatsAppSimulatorOptions) {
    this.seen = this.mine().length;
  }

  /** The key the bot knows this customer by: the business-scoped id when Meta sends one, else wa_id. */
  get userKey(): string {
    return this.o.userId ?? this.o.waId;
  }

  send(text: string): Promise<WaOutbound[]> {
    return this.exchange({ type: 'text', text: { body: text } });
  }

  /** Taps the reply button or list row with this title among the last replies. */
  async tap(title: string, among: readonly WaOutbound[]): Promise<WaOutbound[]> {
    const option = WhatsAppSimulator.options(among).find((o) => o.title === title);
    if (!option) {
      throw new Error(
        `no button or row "${title}" in: ${WhatsAppSimulator.options(among)
          .map((o) => o.title)
          .join(' | ')}`,
      );
    }
    const reply = { id: option.id, title: option.title };
    return this.exchange({
      type: 'interactive',
      interactive:
        option.kind === 'button'
          ? { type: 'button_reply', button_reply: reply }
          : { type: 'list_reply', list_reply: reply },
    });
  }

  /** Taps a quick-reply button of a template message. */
  quickReply(payload: string, text: string): Promise<WaOutbound[]> {
    return this.exchange({ type: 'button', button: { payload, text } });
  }

  document(mediaId: string, filename: string, mimeType = 'application/pdf'): Promise<WaOutbound[]> {
    return this.exchange({
      type: 'document',
      document: { id: mediaId, filename, mime_type: mimeType, sha256: 'c2hhMjU2' },
    });
  }

  /** Posts one message webhook; resolves with the HTTP answer, without waiting for the bot's replies. */
  async post(message: Record<string, unknown>, messageId = `wamid.${randomUUID()}`): Promise<Response> {
    this.clock += 1;
    const body = JSON.stringify(this.envelope({ ...message, id: messageId, timestamp: String(this.clock) }));
    return fetch(`${this.o.botUrl}/api/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signatureFor(body, this.o.appSecret),
      },
      body,
    });
  }

  /** Waits for messages the bot sends this customer without being asked (reminders, agents). */
  async nextReplies(timeoutMs = 5_000): Promise<WaOutbound[]> {
    return this.collect(timeoutMs);
  }

  private async exchange(message: Record<string, unknown>): Promise<WaOutbound[]> {
    const res = await this.post(message);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return this.collect(5_000);
  }

  private async collect(timeoutMs: number): Promise<WaOutbound[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mine().length === this.seen) {
      if (Date.now() > deadline) throw new Error('the bot sent nothing');
      await sleep(10);
    }
    let count = this.mine().length;
    for (;;) {
      await sleep(120);
      const now = this.mine().length;
      if (now === count) break;
      count = now;
    }
    const fresh = this.mine().slice(this.seen, count);
    this.seen = count;
    return fresh.map((m) => m.message);
  }

  private mine() {
    return this.o.graph.messages.filter((m) => m.to === this.o.waId);
  }

  private envelope(message: Record<string, unknown>): Record<string, unknown> {
    const ids = this.o.userId ? { from_user_id: this.o.userId } : {};
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba-1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '908505550000', phone_number_id: this.o.phoneNumberId },
                contacts: [
                  {
                    profile: { name: 'Müşteri' },
                    wa_id: this.o.waId,
                    ...(this.o.userId ? { user_id: this.o.userId } : {}),
                  },
                ],
                messages: [{ from: this.o.waId, ...ids, ...message }],
              },
            },
          ],
        },
      ],
    };
  }

  /** Everything a person reads in these messages: texts, bodies, button and row titles. */
  static readable(messages: readonly WaOutbound[]): string {
    return messages
      .map((m) => {
        if (m.type === 'text') return m.text.body;
        if (m.type === 'template') return `[template ${m.template.name}]`;
        const titles = WhatsAppSimulator.options([m]).map((o) => `[${o.title}]`);
        return [m.interactive.body.text, ...titles].join('\n');
      })
      .join('\n\n');
  }

  /** The buttons and list rows offered, in order. */
  static options(messages: readonly WaOutbound[]): Offered[] {
    return messages.flatMap((m): Offered[] => {
      if (m.type !== 'interactive') return [];
      if (m.interactive.type === 'button') {
        return m.interactive.action.buttons.map((b) => ({ ...b.reply, kind: 'button' as const }));
      }
      return m.interactive.action.sections.flatMap((s) =>
        s.rows.map((r) => ({ id: r.id, title: r.title, kind: 'row' as const })),
      );
    });
  }
}

interface Offered {
  readonly id: string;
  readonly title: string;
  readonly kind: 'button' | 'row';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
