import type { ChannelAddress } from '../domain/case';

/** A message the bot starts on its own (reminders, agent relays): text plus one-tap answers. */
export interface OutboundMessage {
  readonly text: string;
  readonly actions: readonly { readonly title: string; readonly value: string }[];
}

/**
 * `unreachable`: the channel says the bot can no longer write there (removed from the chat, disabled by
 * an admin); retrying is pointless and a person should follow up.
 */
export type SendOutcome = 'sent' | 'unreachable';

export interface ProactiveMessenger {
  send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome>;
}

/** Picks the messenger by the address's channel id (the composition root builds the map). */
export class ChannelMessengers implements ProactiveMessenger {
  constructor(
    private readonly byChannel: Readonly<Record<string, ProactiveMessenger>>,
    private readonly fallback?: ProactiveMessenger,
  ) {}

  send(address: ChannelAddress, message: OutboundMessage): Promise<SendOutcome> {
    const messenger = this.byChannel[address.channelId] ?? this.fallback;
    if (!messenger) return Promise.resolve('unreachable');
    return messenger.send(address, message);
  }
}
