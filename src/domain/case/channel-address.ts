import { z } from 'zod/v4';

/**
 * Where the customer can be reached (Teams, WhatsApp, Web Chat …). The domain does not interpret Bot
 * Framework conversation references; it keeps the identifying parts for lookups and the raw reference for the
 * bot layer to hand back to its adapter.
 */
export const ChannelAddressSchema = z.object({
  channelId: z.string().min(1),
  conversationId: z.string().min(1),
  serviceUrl: z.string().min(1),
  userId: z.string().min(1),
  botId: z.string().min(1),
  reference: z.record(z.string(), z.unknown()),
  addedAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }).optional(),
});
export type ChannelAddress = z.infer<typeof ChannelAddressSchema>;

export function sameConversation(
  a: ChannelAddress,
  b: Pick<ChannelAddress, 'channelId' | 'conversationId'>,
): boolean {
  return a.channelId === b.channelId && a.conversationId === b.conversationId;
}
