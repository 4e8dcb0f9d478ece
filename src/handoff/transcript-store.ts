import { withStoreFailures } from '../errors';
import type { ValueCipher } from '../state/value-cipher';
import { z } from 'zod/v4';
import { maskText } from '../domain/case';
import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';

export const TranscriptLineSchema = z.object({
  at: z.string(),
  /** customer, bot, agent, note (internal, never sent to the customer) or system (takeover events). */
  from: z.enum(['customer', 'bot', 'agent', 'note', 'system']),
  /** The customer's channel (msteams, whatsapp, …) for customer lines. */
  channel: z.string().optional(),
  /** Agent name for agent lines and notes. */
  by: z.string().optional(),
  text: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

/** Lines kept per case: enough for an agent to catch up, small enough to sit in Redis for months. */
export const TRANSCRIPT_CAP = 200;
const TRANSCRIPT_TTL_S = 180 * 24 * 3600;
const MAX_LINE_CHARS = 1_000;

/** Push, cap and refresh the expiry in one command. KEYS: the list. ARGV: cap, ttl seconds, lines… */
const APPEND = new RedisScript(`
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return 0`);

/**
 * The chat of one case as agents and the admin API see it: a capped list, personal data masked before it
 * is stored, so the transcript never becomes a second copy of the customer's identity data.
 */
export interface TranscriptStore {
  append(caseId: string, lines: readonly TranscriptLine[]): Promise<void>;
  /** The newest `count` lines, oldest first. */
  last(caseId: string, count: number): Promise<TranscriptLine[]>;
  /** Forgets the case's transcript (erasure on request, KVKK). */
  delete(caseId: string): Promise<void>;
}

export function maskLine(line: TranscriptLine): TranscriptLine {
  return { ...line, text: maskText(line.text).slice(0, MAX_LINE_CHARS) };
}

/**
 * Lines are masked, and with encryption keys configured also encrypted (the key bound in), like every
 * other value the bot keeps: masking covers identifiers, not the names and addresses people type.
 */
export class RedisTranscriptStore implements TranscriptStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly cipher?: ValueCipher,
  ) {
    // Redis failures surface as "temporarily unavailable", naming this store.
    return withStoreFailures(this, 'transcript');
  }

  async append(caseId: string, lines: readonly TranscriptLine[]): Promise<void> {
    if (lines.length === 0) return;
    const key = this.key(caseId);
    const sealed = lines.map((l) => this.seal(key, JSON.stringify(maskLine(l))));
    await APPEND.run(this.client, [key], [String(TRANSCRIPT_CAP), String(TRANSCRIPT_TTL_S), ...sealed]);
  }

  async last(caseId: string, count: number): Promise<TranscriptLine[]> {
    const key = this.key(caseId);
    const raw = await this.client.lRange(key, -count, -1);
    return raw.flatMap((entry) => {
      // A line that cannot be read (a removed key, damage) is left out rather than failing the card.
      try {
        const text = this.cipher ? this.cipher.decrypt(entry, key) : entry;
        const parsed = TranscriptLineSchema.safeParse(JSON.parse(text));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  private seal(key: string, json: string): string {
    return this.cipher ? this.cipher.encrypt(json, key) : json;
  }

  async delete(caseId: string): Promise<void> {
    await this.client.del(this.key(caseId));
  }

  private key(caseId: string): string {
    return `${this.keyPrefix}transcript:${caseId}`;
  }
}

export class InMemoryTranscriptStore implements TranscriptStore {
  private readonly lines = new Map<string, TranscriptLine[]>();

  async append(caseId: string, lines: readonly TranscriptLine[]): Promise<void> {
    const list = [...(this.lines.get(caseId) ?? []), ...lines.map(maskLine)];
    this.lines.set(caseId, list.slice(-TRANSCRIPT_CAP));
  }

  async last(caseId: string, count: number): Promise<TranscriptLine[]> {
    return (this.lines.get(caseId) ?? []).slice(-count);
  }

  async delete(caseId: string): Promise<void> {
    this.lines.delete(caseId);
  }
}
