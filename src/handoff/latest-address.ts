import type { Case, ChannelAddress } from '../domain/case';

/** The conversation the customer used last (where relayed messages, notices and handoff events go). */
export function latestAddress(record: Case): ChannelAddress | undefined {
  const seen = (a: ChannelAddress) => Date.parse(a.lastSeenAt ?? a.addedAt);
  return [...record.channels].sort((a, b) => seen(b) - seen(a))[0];
}
