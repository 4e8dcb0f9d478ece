import type { RedisClient } from '../../state/redis-client';
import type { ValueCipher } from '../../state/value-cipher';
import type { TurnJournal, TurnProgress } from './inbox-queue';
import type { WaOutbound, WaRecipient } from './types';

/**
 * The message's seen key carries its progress: '1' accepted, 's' started, 'c:<replies>' committed (the
 * turn's replies and how many went out, encrypted when a cipher is set), 'd' done.
 */
export class RedisTurnJournal implements TurnJournal {
  private to?: WaRecipient;
  private replies: WaOutbound[] = [];
  private count = 0;

  /** `key` is the message's seen key (see RedisInboxQueue); the replies are encrypted bound to it. */
  constructor(
    private readonly client: RedisClient,
    private readonly key: string,
    private readonly cipher?: ValueCipher,
  ) {}

  async load(): Promise<TurnProgress> {
    const value = await this.client.get(this.key);
    if (value === 'd') return { state: 'done' };
    if (value === 's') return { state: 'started' };
    if (value?.startsWith('c:')) {
      const saved = JSON.parse(this.open(value.slice(2))) as {
        to: WaRecipient;
        replies: WaOutbound[];
        sent: number;
      };
      this.to = saved.to;
      this.replies = saved.replies;
      this.count = saved.sent;
      return { state: 'committed', ...saved };
    }
    return { state: 'new' };
  }

  async start(): Promise<void> {
    await this.client.sendCommand(['SET', this.key, 's', 'KEEPTTL']);
  }

  async commit(to: WaRecipient, messages: readonly WaOutbound[]): Promise<void> {
    this.to = to;
    this.replies.push(...messages);
    await this.save();
  }

  async sent(): Promise<void> {
    this.count += 1;
    await this.save();
  }

  private async save(): Promise<void> {
    const body = JSON.stringify({ to: this.to, replies: this.replies, sent: this.count });
    await this.client.sendCommand(['SET', this.key, `c:${this.seal(body)}`, 'KEEPTTL']);
  }

  private seal(plain: string): string {
    return this.cipher ? this.cipher.encrypt(plain, this.key) : plain;
  }

  private open(stored: string): string {
    return this.cipher ? this.cipher.decrypt(stored, this.key) : stored;
  }
}
