import { withStoreFailures } from '../errors';
import type { RedisClient } from '../state/redis-client';
import { RedisScript } from '../state/redis-script';
import {
  HandoffRecordSchema,
  type Agent,
  type ClaimResult,
  type HandoffRecord,
  type HandoffState,
  type HandoffStore,
  type SupportThread,
  type TransitionFields,
} from './handoff-store';

/** A closed handoff stays readable (resume flag, admin API) this long, then Redis forgets it. */
const CLOSED_TTL_S = 30 * 24 * 3600;

/** Starts a request unless one is requested or owned. KEYS: case hash, active set. ARGV: caseId, fields… */
const OPEN = new RedisScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'requested' or state == 'owned' then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[2], ARGV[1])
return 1`);

/** The first caller on a requested case becomes the owner. ARGV: agent id, agent name, at. */
const CLAIM = new RedisScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'requested' then
  redis.call('HSET', KEYS[1], 'state', 'owned', 'ownerId', ARGV[1], 'ownerName', ARGV[2], 'lastActivityAt', ARGV[3])
  return {'claimed', ARGV[1], ARGV[2]}
end
if state == 'owned' then
  return {'taken', redis.call('HGET', KEYS[1], 'ownerId'), redis.call('HGET', KEYS[1], 'ownerName') or ''}
end
return {'closed'}`);

/**
 * Compare-and-set on the state. ARGV: caseId, comma-separated allowed states, new state, closed-TTL
 * seconds, then field/value pairs. Closing leaves the active set and starts the record's expiry.
 */
const TRANSITION = new RedisScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if not state or not string.find(',' .. ARGV[2] .. ',', ',' .. state .. ',', 1, true) then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[3], unpack(ARGV, 5))
if ARGV[3] == 'closed' then
  redis.call('SREM', KEYS[2], ARGV[1])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
end
return 1`);

/**
 * Handoff records as Redis hashes (`handoff:case:<caseId>`), the set of open cases (`handoff:active`),
 * the thread index (`handoff:thread:<conversation id>` → case id) and the support channel's reference.
 * Claims and transitions are Lua scripts, so they are atomic across every bot process.
 */
export class RedisHandoffStore implements HandoffStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
  ) {
    // Redis failures surface as "temporarily unavailable", naming this store.
    return withStoreFailures(this, 'handoff');
  }

  async get(caseId: string): Promise<HandoffRecord | undefined> {
    const hash = await this.client.hGetAll(this.caseKey(caseId));
    return fromHash(hash);
  }

  async open(record: HandoffRecord): Promise<boolean> {
    const result = await OPEN.run<number>(
      this.client,
      [this.caseKey(record.caseId), this.activeKey()],
      [record.caseId, ...toPairs(record)],
    );
    return result === 1;
  }

  async setThread(caseId: string, thread: SupportThread, threadConversationId: string): Promise<void> {
    await this.client
      .multi()
      .hSet(this.caseKey(caseId), 'thread', JSON.stringify(thread))
      .set(this.threadKey(threadConversationId), caseId, {
        expiration: { type: 'EX', value: CLOSED_TTL_S * 3 },
      })
      .exec();
  }

  async caseForThread(threadConversationId: string): Promise<string | undefined> {
    return (await this.client.get(this.threadKey(threadConversationId))) ?? undefined;
  }

  async claim(caseId: string, agent: Agent, at: string): Promise<ClaimResult> {
    const [outcome, id, name] = await CLAIM.run<string[]>(
      this.client,
      [this.caseKey(caseId)],
      [agent.id, agent.name, at],
    );
    if (outcome === 'closed' || !id) return { outcome: 'closed' };
    return { outcome: outcome === 'claimed' ? 'claimed' : 'taken', owner: { id, name: name ?? '' } };
  }

  async transition(
    caseId: string,
    from: readonly HandoffState[],
    to: HandoffState,
    fields: TransitionFields = {},
  ): Promise<boolean> {
    const result = await TRANSITION.run<number>(
      this.client,
      [this.caseKey(caseId), this.activeKey()],
      [caseId, from.join(','), to, String(CLOSED_TTL_S), ...toPairs(fields)],
    );
    return result === 1;
  }

  async patch(caseId: string, fields: TransitionFields): Promise<void> {
    const pairs = toPairs(fields);
    if (pairs.length === 0) return;
    // Only an existing record: a late activity stamp must not resurrect an expired one as a stub.
    if (await this.client.exists(this.caseKey(caseId))) await this.client.hSet(this.caseKey(caseId), pairs);
  }

  async active(): Promise<string[]> {
    return this.client.sMembers(this.activeKey());
  }

  async setSupportChannel(reference: Record<string, unknown>): Promise<void> {
    await this.client.set(`${this.keyPrefix}handoff:support-channel`, JSON.stringify(reference));
  }

  async supportChannel(): Promise<Record<string, unknown> | undefined> {
    const raw = await this.client.get(`${this.keyPrefix}handoff:support-channel`);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
  }

  async delete(caseId: string): Promise<void> {
    // The thread index (support thread → case id) holds only the pseudonymous id and expires on its own.
    await this.client.multi().del(this.caseKey(caseId)).sRem(this.activeKey(), caseId).exec();
  }

  private caseKey(caseId: string): string {
    return `${this.keyPrefix}handoff:case:${caseId}`;
  }

  private activeKey(): string {
    return `${this.keyPrefix}handoff:active`;
  }

  private threadKey(conversationId: string): string {
    return `${this.keyPrefix}handoff:thread:${conversationId}`;
  }
}

/** Flattens a record (or some of its fields) to hash field/value pairs; objects as JSON. */
function toPairs(fields: Partial<HandoffRecord>): string[] {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'owner') {
      const owner = value as Agent;
      pairs.push('ownerId', owner.id, 'ownerName', owner.name);
    } else if (typeof value === 'object') pairs.push(key, JSON.stringify(value));
    else pairs.push(key, String(value));
  }
  return pairs;
}

/** Reads a hash back through the record schema (data read from Redis is validated like any input). */
function fromHash(hash: Record<string, string>): HandoffRecord | undefined {
  if (!hash.state) return undefined;
  const { ownerId, ownerName, thread, unclaimedNotified, resumeFresh, ...rest } = hash;
  const parsed = HandoffRecordSchema.safeParse({
    ...rest,
    ...(ownerId ? { owner: { id: ownerId, name: ownerName ?? '' } } : {}),
    ...(thread ? { thread: parseJson(thread) } : {}),
    ...(unclaimedNotified ? { unclaimedNotified: unclaimedNotified === 'true' } : {}),
    ...(resumeFresh ? { resumeFresh: resumeFresh === 'true' } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** A damaged value reads as "no thread" (the schema then rejects or ignores it) instead of throwing. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
