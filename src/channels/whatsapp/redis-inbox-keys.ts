import type { ValueCipher } from '../../state/value-cipher';
import { messageIdHash } from './inbox';
import type { WaInbound } from './types';

/**
 * Where the Redis inbox keeps things and how its entries are stored: the stream, each message's progress
 * marker (its dedupe claim, keyed by the hashed message id) and each customer's order list. Entries are
 * JSON, encrypted and bound to the stream key when a cipher is set.
 */
export class InboxKeys {
  readonly stream: string;

  constructor(
    private readonly keyPrefix: string,
    private readonly cipher?: ValueCipher,
  ) {
    this.stream = `${keyPrefix}wa:inbox`;
  }

  seen(messageId: string): string {
    return `${this.keyPrefix}wa:seen:${messageIdHash(messageId)}`;
  }

  order(lane: string): string {
    return `${this.keyPrefix}wa:order:${lane}`;
  }

  encode(event: WaInbound): string {
    const plain = JSON.stringify(event);
    return this.cipher ? this.cipher.encrypt(plain, this.stream) : plain;
  }

  decode(stored: string): WaInbound {
    return reviveEvent(JSON.parse(this.cipher ? this.cipher.decrypt(stored, this.stream) : stored));
  }
}

/** JSON turned the events' dates into strings; this turns them back. */
function reviveEvent(raw: unknown): WaInbound {
  const event = raw as WaInbound & { timestamp: string | Date };
  if (event?.kind !== 'message' && event?.kind !== 'status') throw new Error('not a WhatsApp event');
  return { ...event, timestamp: new Date(event.timestamp) } as WaInbound;
}
