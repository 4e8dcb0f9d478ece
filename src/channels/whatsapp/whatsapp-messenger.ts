import { z } from 'zod/v4';
import type { WhatsAppConfig } from '../../config';
import type { ChannelAddress } from '../../domain/case';
import type { OutboundMessage, ProactiveMessenger, SendOutcome } from '../proactive-messenger';
import { GraphApiError } from './graph-errors';
import { choicesPrompt, outboundChoice, textPrompt } from '../../../cards/outbound-prompt';
import { fitText, renderPrompt, toWhatsAppMarkdown, type RenderOptions } from './outbound';
import {
  CUSTOMER_SERVICE_WINDOW_MS,
  type ConversationWindowStore,
  type WaOutbound,
  type WaRecipient,
  type WaTemplateComponent,
  type WhatsAppSender,
} from './types';

/**
 * Messages the bot starts on WhatsApp (reminders, an agent's reply). Inside the 24-hour customer-service
 * window they go as free text with reply buttons; outside it, or when we do not know, as the approved
 * utility template carrying the text, with the one-tap answers as its quick-reply payloads.
 */

/** A window about to close is treated as closed: the send itself, and clocks, take time. */
export const WINDOW_SAFETY_MARGIN_MS = 5 * 60_000;
/** Template body parameters stay well under the template body's 1024 characters. */
export const TEMPLATE_TEXT_MAX = 1000;
/** Quick-reply buttons the approved templates carry. */
const TEMPLATE_BUTTONS = 3;

export interface WhatsAppMessengerDeps {
  readonly sender: WhatsAppSender;
  readonly window: ConversationWindowStore;
  readonly templates: WhatsAppConfig['templates'];
  readonly now?: () => Date;
  /** Which template carries messages outside the window (default: the reminder template). */
  readonly purpose?: 'reminder' | 'agentMessage';
  readonly render?: RenderOptions;
}

const StoredRecipientSchema = z.object({
  userKey: z.string().min(1),
  waId: z.string().min(1).optional(),
});

/** The WhatsApp adapter keeps the recipient in the conversation reference: `user.properties.whatsapp`. */
export function recipientOfAddress(address: ChannelAddress): WaRecipient | undefined {
  return recipientOfAccount(address.reference.user);
}

/** The recipient a customer's channel account (activity `from`, reference `user`) carries. */
export function recipientOfAccount(account: unknown): WaRecipient | undefined {
  const user = account as { properties?: { whatsapp?: unknown } } | undefined;
  const parsed = StoredRecipientSchema.safeParse(user?.properties?.whatsapp);
  if (!parsed.success) return undefined;
  return parsed.data.waId
    ? { userKey: parsed.data.userKey, waId: parsed.data.waId }
    : { userKey: parsed.data.userKey };
}

export class WhatsAppMessenger implements ProactiveMessenger {
  private readonly now: () => Date;

  constructor(private readonly d: WhatsAppMessengerDeps) {
    this.now = d.now ?? (() => new Date());
  }

  async send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome> {
    const to = recipientOfAddress(address);
    if (!to) return 'unreachable';
    try {
      if (await this.windowOpen(address.userId)) {
        try {
          for (const part of freeForm(message, this.d.render)) await this.d.sender.send(to, part);
          return 'sent';
        } catch (error) {
          // Our clock said open, Meta's says closed (a missed inbound, a late webhook): use the template.
          if (!(error instanceof GraphApiError && error.reason === 'window_closed')) throw error;
        }
      }
      await this.d.sender.send(to, this.template(message));
      return 'sent';
    } catch (error) {
      if (error instanceof GraphApiError && error.reason === 'unreachable') return 'unreachable';
      // Rate limits, server errors and the rest: the job tries again later.
      throw error;
    }
  }

  private async windowOpen(userId: string): Promise<boolean> {
    const last = await this.d.window.lastInbound(userId);
    if (!last) return false;
    return this.now().getTime() - last.getTime() < CUSTOMER_SERVICE_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS;
  }

  private template(message: OutboundMessage): WaOutbound {
    const { templates } = this.d;
    const name = this.d.purpose === 'agentMessage' ? templates.agentMessage : templates.reminder;
    return templateMessage(name, templates.language, message);
  }
}

/** The message as a reply of a turn would look: text, with buttons or a list when it offers answers. */
function freeForm(message: OutboundMessage, options?: RenderOptions): WaOutbound[] {
  const choices = message.actions.map((a) => outboundChoice(a.value, a.title));
  return renderPrompt(
    choices.length > 0 ? choicesPrompt(message.text, choices) : textPrompt(message.text),
    options,
  );
}

/** The utility template: {{1}} = the text, quick-reply button i answers with action i's value. */
export function templateMessage(name: string, language: string, message: OutboundMessage): WaOutbound {
  const buttons: WaTemplateComponent[] = message.actions.slice(0, TEMPLATE_BUTTONS).map((action, i) => ({
    type: 'button',
    sub_type: 'quick_reply',
    index: String(i),
    parameters: [{ type: 'payload', payload: action.value }],
  }));
  return {
    type: 'template',
    template: {
      name,
      language: { code: language },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: templateText(message.text) }] },
        ...buttons,
      ],
    },
  };
}

/**
 * Meta refuses a template parameter with a new line, a tab or more than four spaces in a row: lines
 * become one, separated by " · ", bullets dropped, and the whole cut to a length the template can hold.
 */
export function templateText(text: string, max = TEMPLATE_TEXT_MAX): string {
  const flat = toWhatsAppMarkdown(text)
    .split(/[\n\r\v\f\u0085\u2028\u2029]+/)
    .map((line) =>
      line
        .replace(/[\s\p{Cc}]+/gu, ' ')
        .trim()
        .replace(/^[-•*]\s+/, ''),
    )
    .filter((line) => line !== '')
    .join(' · ');
  return fitText(flat || '…', max);
}
