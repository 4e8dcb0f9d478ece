import type { z } from 'zod/v4';
import {
  KNOWN_STATUSES,
  isReadableMessageType,
  type ReadableMessageType,
  messageContentSchemas,
  webhookChangeSchema,
  webhookContactSchema,
  webhookEntrySchema,
  webhookEnvelopeSchema,
  webhookMessageSchema,
  webhookStatusSchema,
  webhookValueSchema,
  type WebhookContact,
  type WebhookMessage,
} from './webhook-schema';
import { whatsAppUserId, type WaInbound, type WaInboundMessage, type WaMedia, type WaStatus } from './types';

export interface ParsedWebhook {
  /** Messages and statuses in payload order. */
  readonly events: WaInbound[];
  /**
   * What was skipped or read only in part, for a log line. Built from positions, schema paths and Meta's
   * own vocabulary only: never a phone number, a user id, a message id or a message's text.
   */
  readonly problems: string[];
}

/**
 * Turns a webhook payload into our events. Each entry, change, message and status is read on its own, so a
 * malformed one is reported in `problems` and the rest still arrive. A message of a type the bot cannot read
 * (or whose content is malformed) is kept as `source: 'unsupported'`, so the customer still gets an answer.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const out: ParsedWebhook = { events: [], problems: [] };
  const envelope = webhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    out.problems.push(`payload ignored: not a WhatsApp Business Account webhook (${issues(envelope.error)})`);
    return out;
  }
  envelope.data.entry.forEach((rawEntry, e) => {
    const entry = webhookEntrySchema.safeParse(rawEntry);
    if (!entry.success) {
      out.problems.push(`entry[${e}] skipped (${issues(entry.error)})`);
      return;
    }
    entry.data.changes.forEach((rawChange, c) => readChange(rawChange, `entry[${e}].changes[${c}]`, out));
  });
  return out;
}

function readChange(raw: unknown, at: string, out: ParsedWebhook): void {
  const change = webhookChangeSchema.safeParse(raw);
  if (!change.success) {
    out.problems.push(`${at} skipped (${issues(change.error)})`);
    return;
  }
  if (change.data.field !== 'messages') {
    out.problems.push(`${at} ignored: field ${vocabulary(change.data.field)} is not handled`);
    return;
  }
  const value = webhookValueSchema.safeParse(change.data.value);
  if (!value.success) {
    out.problems.push(`${at} skipped (${issues(value.error)})`);
    return;
  }
  const { metadata, contacts = [], messages = [], statuses = [], errors = [] } = value.data;
  if (errors.length > 0) out.problems.push(`${at}: Meta reported ${errors.length} webhook error(s)`);
  const knownContacts = readContacts(contacts, at, out);
  messages.forEach((m, i) => {
    const event = readMessage(m, `${at}.messages[${i}]`, metadata.phone_number_id, knownContacts, out);
    if (event) out.events.push(event);
  });
  statuses.forEach((s, i) => {
    const event = readStatus(s, `${at}.statuses[${i}]`, metadata.phone_number_id, out);
    if (event) out.events.push(event);
  });
}

function readContacts(raw: readonly unknown[], at: string, out: ParsedWebhook): WebhookContact[] {
  const contacts: WebhookContact[] = [];
  raw.forEach((c, i) => {
    const contact = webhookContactSchema.safeParse(c);
    if (contact.success) contacts.push(contact.data);
    else out.problems.push(`${at}.contacts[${i}] skipped (${issues(contact.error)})`);
  });
  return contacts;
}

function readMessage(
  raw: unknown,
  at: string,
  phoneNumberId: string,
  contacts: readonly WebhookContact[],
  out: ParsedWebhook,
): WaInboundMessage | undefined {
  const parsed = webhookMessageSchema.safeParse(raw);
  if (!parsed.success) {
    out.problems.push(`${at} skipped (${issues(parsed.error)})`);
    return undefined;
  }
  const message = parsed.data;
  const contact = contactOf(message, contacts);
  // The business-scoped id outlives a username change and is present even when the phone number is not.
  const userKey = message.from_user_id ?? contact?.user_id ?? message.from ?? contact?.wa_id;
  if (!userKey) {
    out.problems.push(`${at} skipped: no sender (neither a user id nor a phone number)`);
    return undefined;
  }
  const waId = message.from ?? contact?.wa_id;
  const profileName = contact?.profile?.name;
  const content = readContent(message.type, (raw as Record<string, unknown>)[message.type], at, out);
  return {
    kind: 'message',
    messageId: message.id,
    phoneNumberId,
    from: waId ? { userKey, waId } : { userKey },
    ...(profileName ? { profileName } : {}),
    timestamp: message.timestamp,
    ...content,
  };
}

/** The contact entry describing the message's sender; with a single contact and no sender ids, that one. */
function contactOf(message: WebhookMessage, contacts: readonly WebhookContact[]): WebhookContact | undefined {
  const byUserId = message.from_user_id && contacts.find((c) => c.user_id === message.from_user_id);
  if (byUserId) return byUserId;
  const byWaId = message.from && contacts.find((c) => c.wa_id === message.from);
  if (byWaId) return byWaId;
  if (!message.from && !message.from_user_id && contacts.length === 1) return contacts[0];
  return undefined;
}

type Content = Pick<WaInboundMessage, 'text' | 'source' | 'media' | 'unsupportedType'>;
type Part<K extends ReadableMessageType> = z.infer<(typeof messageContentSchemas)[K]>;

const unsupported = (unsupportedType: string): Content => ({ source: 'unsupported', unsupportedType });

/** How each readable type becomes what the bot reads. */
const contentReaders: { readonly [K in ReadableMessageType]: (part: Part<K>) => Content } = {
  text: (part) => ({ source: 'text', text: part.body }),
  // We set each button's and row's id to the value the bot expects, so the id is what it reads.
  interactive: (part) => {
    if (part.type === 'button_reply' && part.button_reply) {
      return { source: 'button_reply', text: part.button_reply.id };
    }
    if (part.type === 'list_reply' && part.list_reply) {
      return { source: 'list_reply', text: part.list_reply.id };
    }
    return unsupported(`interactive.${part.type}`);
  },
  button: (part) => {
    const text = part.payload || part.text;
    return text ? { source: 'quick_reply', text } : { source: 'quick_reply' };
  },
  document: (part) => mediaContent('document', part, part.filename),
  image: (part) => mediaContent('image', part),
};

function readContent(type: string, part: unknown, at: string, out: ParsedWebhook): Content {
  if (!isReadableMessageType(type)) return unsupported(type);
  const parsed = messageContentSchemas[type].safeParse(part);
  if (!parsed.success) {
    out.problems.push(`${at}: ${type} content malformed (${issues(parsed.error)}); passed on as unsupported`);
    return unsupported(type);
  }
  return (contentReaders[type] as (part: unknown) => Content)(parsed.data);
}

function mediaContent(kind: WaMedia['kind'], part: Part<'image'>, filename?: string): Content {
  const media: WaMedia = {
    kind,
    mediaId: part.id,
    mimeType: part.mime_type,
    ...(part.sha256 ? { sha256: part.sha256 } : {}),
    ...(filename ? { filename } : {}),
    ...(part.caption ? { caption: part.caption } : {}),
  };
  return part.caption ? { source: 'media', media, text: part.caption } : { source: 'media', media };
}

function readStatus(
  raw: unknown,
  at: string,
  phoneNumberId: string,
  out: ParsedWebhook,
): WaStatus | undefined {
  const parsed = webhookStatusSchema.safeParse(raw);
  if (!parsed.success) {
    out.problems.push(`${at} skipped (${issues(parsed.error)})`);
    return undefined;
  }
  const status = parsed.data;
  if (!isKnownStatus(status.status)) {
    out.problems.push(`${at} ignored: status ${vocabulary(status.status)} is not handled`);
    return undefined;
  }
  const recipientKey = status.recipient_user_id ?? status.recipient_id;
  return {
    kind: 'status',
    messageId: status.id,
    status: status.status,
    timestamp: status.timestamp,
    phoneNumberId,
    ...(recipientKey ? { userId: whatsAppUserId(recipientKey) } : {}),
    errorCodes: (status.errors ?? []).flatMap((e) => (e.code === undefined ? [] : [e.code])),
  };
}

function isKnownStatus(status: string): status is WaStatus['status'] {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/** Schema paths and issue codes only: zod's messages are safe today, but input values must never leak. */
function issues(error: z.ZodError): string {
  const listed = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`);
  const more = error.issues.length > 3 ? `; +${error.issues.length - 3} more` : '';
  return `${listed.join('; ')}${more}`;
}

/** A name from Meta's vocabulary (a field, a status) quoted in a problem; anything else is not echoed. */
function vocabulary(word: string): string {
  return /^[a-z][a-z0-9_]{0,39}$/.test(word) ? `"${word}"` : '(unrecognised)';
}
