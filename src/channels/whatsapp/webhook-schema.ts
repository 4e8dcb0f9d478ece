import { z } from 'zod/v4';

/**
 * The WhatsApp Cloud API webhook payload, as Meta documents it for the `messages` field (incoming messages
 * and delivery statuses). Every object is loose: Meta adds fields over time and a field we do not read must
 * never cost us a message.
 *
 * The payload is validated in layers (envelope → entry → change → value → each message, contact, status)
 * rather than in one schema, so that one malformed item is skipped on its own and its neighbours survive.
 *
 * Business-scoped user ids (BSUID): Meta's "Business-scoped user IDs" guide (2026) adds `user_id` (and
 * `parent_user_id`, `profile.username`) to contacts, `from_user_id` / `from_parent_user_id` to messages and
 * `recipient_user_id` / `recipient_parent_user_id` to statuses. Once a customer adopts a username, the phone
 * number fields (`wa_id`, `from`, `recipient_id`) may be left out, so all of them are optional here and a
 * sender is known by whichever of the two identifiers is present.
 */

const id = z.string().min(1).max(512);

/** Meta sends unix seconds as a string; a number is accepted too rather than losing the message. */
export const unixSecondsSchema = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative().max(1e12)])
  .transform((v) => new Date(Number(v) * 1000));

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

export const webhookEntrySchema = z.looseObject({
  /** The WhatsApp Business Account id. */
  id: z.string().optional(),
  changes: z.array(z.unknown()),
});

export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const webhookValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: id,
  }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  /** Errors about the webhook itself (not about one message). */
  errors: z.array(z.unknown()).optional(),
});

export const webhookContactSchema = z.looseObject({
  wa_id: id.optional(),
  user_id: id.optional(),
  parent_user_id: id.optional(),
  profile: z
    .looseObject({
      name: z.string().max(1024).optional(),
      username: z.string().max(1024).optional(),
    })
    .optional(),
});

/** What every message has, whatever its type; the type's own part is read with `messageContentSchemas`. */
export const webhookMessageSchema = z.looseObject({
  id,
  timestamp: unixSecondsSchema,
  type: z.string().min(1).max(64),
  from: id.optional(),
  from_user_id: id.optional(),
  from_parent_user_id: id.optional(),
  /** Present on replies and on taps of buttons in a message we sent. */
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
});

const replyChoice = z.looseObject({ id: z.string().min(1).max(512), title: z.string().max(1024) });

const mediaFields = {
  id,
  mime_type: z.string().min(1).max(255),
  sha256: z.string().max(512).optional(),
  caption: z.string().max(4096).optional(),
};

/** The part named after the message's type (`message[type]`), for the types the bot reads. */
export const messageContentSchemas = {
  text: z.looseObject({ body: z.string().max(65_536) }),
  interactive: z.looseObject({
    type: z.string().min(1).max(64),
    button_reply: replyChoice.optional(),
    list_reply: replyChoice.extend({ description: z.string().max(1024).optional() }).optional(),
  }),
  /** A tap on a template's quick-reply button. */
  button: z.looseObject({ text: z.string().max(1024).optional(), payload: z.string().max(4096).optional() }),
  document: z.looseObject({ ...mediaFields, filename: z.string().max(1024).optional() }),
  image: z.looseObject(mediaFields),
} as const;

export type ReadableMessageType = keyof typeof messageContentSchemas;

export function isReadableMessageType(type: string): type is ReadableMessageType {
  return Object.prototype.hasOwnProperty.call(messageContentSchemas, type);
}

export const webhookStatusSchema = z.looseObject({
  id,
  status: z.string().min(1).max(64),
  timestamp: unixSecondsSchema,
  recipient_id: id.optional(),
  recipient_user_id: id.optional(),
  recipient_parent_user_id: id.optional(),
  /** On failed sends: Meta's error codes (e.g. 131047, outside the customer-service window). */
  errors: z
    .array(
      z.looseObject({
        code: z
          .union([
            z.number().int(),
            z
              .string()
              .regex(/^\d{1,12}$/)
              .transform(Number),
          ])
          .optional(),
        title: z.string().optional(),
      }),
    )
    .optional(),
});

export const KNOWN_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

export type WebhookContact = z.infer<typeof webhookContactSchema>;
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;
