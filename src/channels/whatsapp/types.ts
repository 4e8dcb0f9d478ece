import { createHash } from 'node:crypto';

/**
 * The WhatsApp channel's shared vocabulary: what a webhook tells us (inbound), what we send (outbound,
 * in the Cloud API's own message shapes) and the ports between the webhook, the adapter, the Graph API
 * client and the proactive messenger.
 */

export const WHATSAPP_CHANNEL_ID = 'whatsapp';

/** Who a message goes to: the business-scoped user id when Meta gave one, and the phone number (wa_id). */
export interface WaRecipient {
  /** The customer's stable key: business-scoped user id when present, else wa_id. */
  readonly userKey: string;
  /** The phone number to send to, when known. */
  readonly waId?: string;
}

/**
 * The pseudonymous id the bot uses for a WhatsApp customer everywhere outside the Graph API call itself
 * (activity `from.id` and `conversation.id`, state and lock keys, logs, the window store): the phone
 * number never appears in a key or a log line.
 */
export function whatsAppUserId(userKey: string): string {
  return `wa_${createHash('sha256').update(`whatsapp-user:${userKey}`).digest('base64url').slice(0, 22)}`;
}

export interface WaMedia {
  readonly kind: 'document' | 'image';
  /** Graph API media id (download through GET /{version}/{media-id}). */
  readonly mediaId: string;
  readonly mimeType: string;
  readonly sha256?: string;
  readonly filename?: string;
  readonly caption?: string;
}

/** A customer's message, in our terms. */
export interface WaInboundMessage {
  readonly kind: 'message';
  /** Meta's message id (wamid…); the webhook dedupes on it. */
  readonly messageId: string;
  /** Our business number that received it (metadata.phone_number_id). */
  readonly phoneNumberId: string;
  readonly from: WaRecipient;
  /** The customer's WhatsApp profile name, when sent (not stored on the case). */
  readonly profileName?: string;
  readonly timestamp: Date;
  /**
   * What the bot reads as the message text: the typed text; the id of the reply button or list row tapped
   * (we set those ids to the value the bot expects); a template quick reply's payload (else its text);
   * a media caption.
   */
  readonly text?: string;
  readonly source: 'text' | 'button_reply' | 'list_reply' | 'quick_reply' | 'media' | 'unsupported';
  readonly media?: WaMedia;
  /** Meta's type for messages the bot cannot read (sticker, location, …). */
  readonly unsupportedType?: string;
}

/** A delivery report for a message we sent. */
export interface WaStatus {
  readonly kind: 'status';
  readonly messageId: string;
  readonly status: 'sent' | 'delivered' | 'read' | 'failed';
  readonly timestamp: Date;
  readonly phoneNumberId: string;
  /** Pseudonymous id of the customer it went to (whatsAppUserId), when the report names them. */
  readonly userId?: string;
  /** Meta error codes of a failed send (e.g. 131047: outside the 24-hour window). */
  readonly errorCodes: readonly number[];
}

export type WaInbound = WaInboundMessage | WaStatus;

export interface WaReplyButton {
  readonly type: 'reply';
  readonly reply: { readonly id: string; readonly title: string };
}

export interface WaListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** The message part of a Cloud API send (`messaging_product`, recipient and `to` are added by the client). */
export type WaOutbound =
  | { readonly type: 'text'; readonly text: { readonly body: string; readonly preview_url?: boolean } }
  | {
      readonly type: 'interactive';
      readonly interactive: {
        readonly type: 'button';
        readonly body: { readonly text: string };
        readonly action: { readonly buttons: readonly WaReplyButton[] };
      };
    }
  | {
      readonly type: 'interactive';
      readonly interactive: {
        readonly type: 'list';
        readonly body: { readonly text: string };
        readonly action: {
          readonly button: string;
          readonly sections: readonly { readonly title?: string; readonly rows: readonly WaListRow[] }[];
        };
      };
    }
  | {
      readonly type: 'template';
      readonly template: {
        readonly name: string;
        readonly language: { readonly code: string };
        readonly components?: readonly WaTemplateComponent[];
      };
    };

export type WaTemplateComponent =
  | {
      readonly type: 'body';
      readonly parameters: readonly { readonly type: 'text'; readonly text: string }[];
    }
  | {
      readonly type: 'button';
      readonly sub_type: 'quick_reply';
      readonly index: string;
      readonly parameters: readonly { readonly type: 'payload'; readonly payload: string }[];
    };

/** Sends one message through the Graph API; resolves to Meta's message id. */
export interface WhatsAppSender {
  send(to: WaRecipient, message: WaOutbound): Promise<{ readonly messageId: string }>;
}

/** Last inbound message time per customer: the 24-hour customer-service window. */
export interface ConversationWindowStore {
  recordInbound(userId: string, at: Date): Promise<void>;
  lastInbound(userId: string): Promise<Date | undefined>;
  /** Drops the customer's record (erasure on request). */
  forget(userId: string): Promise<void>;
}

/** The customer-service window: free-form messages only within 24 hours of the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600 * 1000;
