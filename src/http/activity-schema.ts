import { z } from 'zod/v4';

/** Optional and, as some channels send, possibly null. */
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

const account = z
  .object({
    id: z.string().min(1).max(1024),
    name: opt(z.string().max(1024)),
    role: opt(z.string().max(64)),
    aadObjectId: opt(z.string().max(1024)),
  })
  .passthrough();

const conversation = account.extend({
  isGroup: opt(z.boolean()),
  conversationType: opt(z.string().max(64)),
  tenantId: opt(z.string().max(1024)),
});

const attachment = z
  .object({
    contentType: z.string().min(1).max(256),
    contentUrl: opt(z.string().max(8192)),
    name: opt(z.string().max(1024)),
  })
  .passthrough();

const timestamp = opt(
  z
    .string()
    .max(64)
    .refine((v) => !Number.isNaN(Date.parse(v)), 'Invalid timestamp'),
);

/**
 * What an inbound Bot Framework activity must look like for the bot to route it and answer: the routing
 * fields it needs, and the right types for every field the bot reads. A field of the wrong type (a number
 * as `text`, a string as `from`) is the sender's mistake, answered 400, not a failed turn. Everything else
 * passes through untouched for botbuilder to interpret.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: opt(z.string().max(1024)),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation,
    from: account,
    recipient: account,
    text: opt(z.string()),
    textFormat: opt(z.string().max(64)),
    locale: opt(z.string().max(64)),
    timestamp,
    localTimestamp: timestamp,
    replyToId: opt(z.string().max(1024)),
    name: opt(z.string().max(1024)),
    attachments: opt(z.array(attachment)),
    entities: opt(z.array(z.object({ type: z.string().max(256) }).passthrough())),
    membersAdded: opt(z.array(account)),
    membersRemoved: opt(z.array(account)),
    channelData: opt(z.record(z.string(), z.unknown())),
  })
  .passthrough();

export function describeActivityProblems(body: unknown): string | undefined {
  const result = inboundActivitySchema.safeParse(body);
  if (result.success) return undefined;
  return result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}
