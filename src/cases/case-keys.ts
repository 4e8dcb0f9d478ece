import { createHash } from 'node:crypto';

/**
 * A case belongs to one customer identity on one channel. The id is a hash, so it can appear in job ids,
 * URLs and logs without carrying a phone number or a Teams user id.
 */
export function caseIdFor(channelId: string, userId: string): string {
  return `c_${createHash('sha256').update(`${channelId}\n${userId}`).digest('base64url').slice(0, 24)}`;
}

/** Key of a case record in the bot's Storage (beside conversation and user state, same eTag rules). */
export function caseStorageKey(caseId: string): string {
  return `cases/${caseId}`;
}
