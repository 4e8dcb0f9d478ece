import type { ChannelAddress } from '../domain/case';

type Address = Pick<ChannelAddress, 'channelId' | 'botId' | 'conversationId' | 'userId'>;

/**
 * The conversation and user state keys of one channel address, derived exactly as teams-ai's TurnState
 * does (`AppTurnState` adds only the case scope), so an erasure finds every state a customer's turns wrote.
 */
export function stateKeysOf(address: Address): [conversation: string, user: string] {
  const { channelId, botId, conversationId, userId } = address;
  return [`${channelId}/${botId}/conversations/${conversationId}`, `${channelId}/${botId}/users/${userId}`];
}

/** The turn lock key of a conversation, as the turn handler computes it from an activity. */
export function conversationLockKeyOf(address: Pick<ChannelAddress, 'channelId' | 'conversationId'>): string {
  return `${address.channelId}/${address.conversationId}`;
}
