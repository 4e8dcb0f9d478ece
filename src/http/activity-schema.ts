import { z } from 'zod/v4';

const id = z.object({ id: z.string().min(1).max(1024) }).passthrough();

/**
 * The least an inbound Bot Framework activity must carry for the bot to route it and answer; everything
 * else passes through untouched for botbuilder to interpret.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: id,
    from: id,
    recipient: id,
  })
  .passthrough();

export function describeActivityProblems(body: unknown): string | undefined {
  const result = inboundActivitySchema.safeParse(body);
  if (result.success) return undefined;
  return result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}
