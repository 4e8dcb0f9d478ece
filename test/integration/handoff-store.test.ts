import { createClient } from 'redis';
import { InMemoryHandoffStore, type HandoffRecord, type HandoffStore } from '../../src/handoff/handoff-store';
import { RedisHandoffStore } from '../../src/handoff/redis-handoff-store';
import {
  InMemoryTranscriptStore,
  RedisTranscriptStore,
  TRANSCRIPT_CAP,
} from '../../src/handoff/transcript-store';
import type { RedisClient } from '../../src/state/redis-client';
import { ValueCipher } from '../../src/state/value-cipher';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const AT = '2026-11-25T07:00:00.000Z';
const request = (caseId: string): HandoffRecord => ({
  caseId,
  state: 'requested',
  reason: 'customer_request',
  requestedAt: AT,
  lastActivityAt: AT,
});

const prefix = uniquePrefix('handoff');
const clients: RedisClient[] = [];
async function redisClient(): Promise<RedisClient> {
  const client = createClient({ url: REDIS_URL }) as unknown as RedisClient;
  await client.connect();
  clients.push(client);
  return client;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await deleteByPrefix(prefix);
});

const variants: [string, () => Promise<HandoffStore>][] = [
  ['in memory', async () => new InMemoryHandoffStore()],
  ['on Redis', async () => new RedisHandoffStore(await redisClient(), prefix)],
];

describe.each(variants)('handoff store %s', (_name, make) => {
  it('opens one request per case until it is closed, and reads it back', async () => {
    const store = await make();
    const id = `c_open_${Math.random()}`;
    expect(await store.open(request(id))).toBe(true);
    expect(await store.open(request(id))).toBe(false);
    expect(await store.get(id)).toMatchObject({ caseId: id, state: 'requested', reason: 'customer_request' });
    expect(await store.active()).toContain(id);
    expect(await store.transition(id, ['owned'], 'closed')).toBe(false);
    expect(await store.transition(id, ['requested'], 'closed', { closedReason: 'unclaimed' })).toBe(true);
    expect(await store.active()).not.toContain(id);
    expect(await store.open(request(id))).toBe(true);
  });

  it('lets the first claim win and tells later ones who owns the case', async () => {
    const store = await make();
    const id = `c_claim_${Math.random()}`;
    await store.open(request(id));
    expect(await store.claim(id, { id: 'a1', name: 'Ayşe' }, AT)).toEqual({
      outcome: 'claimed',
      owner: { id: 'a1', name: 'Ayşe' },
    });
    expect(await store.claim(id, { id: 'a2', name: 'Mehmet' }, AT)).toEqual({
      outcome: 'taken',
      owner: { id: 'a1', name: 'Ayşe' },
    });
    expect(await store.claim('c_none', { id: 'a2', name: 'Mehmet' }, AT)).toEqual({ outcome: 'closed' });
    expect((await store.get(id))?.owner).toEqual({ id: 'a1', name: 'Ayşe' });
  });

  it('keeps the thread index, flags and the support channel', async () => {
    const store = await make();
    const id = `c_thread_${Math.random()}`;
    await store.open(request(id));
    const thread = { reference: { conversation: { id: `ch;messageid=${id}` } }, cardActivityId: 'p1' };
    await store.setThread(id, thread, `ch;messageid=${id}`);
    expect(await store.caseForThread(`ch;messageid=${id}`)).toBe(id);
    await store.patch(id, { resumeFresh: true, lastActivityAt: '2026-11-25T08:00:00.000Z' });
    expect(await store.get(id)).toMatchObject({
      thread,
      resumeFresh: true,
      lastActivityAt: '2026-11-25T08:00:00.000Z',
    });
    await store.setSupportChannel({ conversation: { id: 'ch' } });
    expect(await store.supportChannel()).toEqual({ conversation: { id: 'ch' } });
  });
});

describe('claims racing on Redis', () => {
  it('gives the case to exactly one of many agents claiming at once from separate connections', async () => {
    const stores = await Promise.all(
      Array.from({ length: 8 }, async () => new RedisHandoffStore(await redisClient(), prefix)),
    );
    for (let round = 0; round < 5; round++) {
      const id = `c_race_${round}`;
      await stores[0]!.open(request(id));
      const results = await Promise.all(
        stores.map((s, i) => s.claim(id, { id: `agent-${i}`, name: `Agent ${i}` }, AT)),
      );
      const winners = results.filter((r) => r.outcome === 'claimed');
      expect(winners).toHaveLength(1);
      const owner = (await stores[0]!.get(id))?.owner;
      expect(results.every((r) => r.outcome !== 'closed' && r.owner.id === owner?.id)).toBe(true);
    }
  });
});

describe.each([
  ['in memory', async () => new InMemoryTranscriptStore()],
  ['on Redis', async () => new RedisTranscriptStore(await redisClient(), prefix)],
])('transcript store %s', (_name, make) => {
  it('masks personal data before storing and keeps only the newest lines', async () => {
    const store = await make();
    await store.append('c_t', [
      {
        at: AT,
        from: 'customer',
        channel: 'whatsapp',
        text: 'TCKN 10000000146, tel 0532 123 45 67, a.yilmaz@ornek.com',
      },
    ]);
    const [line] = await store.last('c_t', 20);
    expect(line?.text).not.toContain('10000000146');
    expect(line?.text).not.toContain('123 45');
    expect(line?.text).not.toContain('yilmaz');
    expect(line?.text).toContain('a***@ornek.com');
    await store.append(
      'c_t',
      Array.from({ length: TRANSCRIPT_CAP + 5 }, (_, i) => ({
        at: AT,
        from: 'bot' as const,
        text: `line ${i}`,
      })),
    );
    const last = await store.last('c_t', 500);
    expect(last).toHaveLength(TRANSCRIPT_CAP);
    expect(last.at(-1)?.text).toBe(`line ${TRANSCRIPT_CAP + 4}`);
  });
});

describe('transcripts with encryption keys configured', () => {
  it('keeps lines encrypted in Redis, readable through the store, and skips lines it cannot decrypt', async () => {
    const client = await redisClient();
    const key = (id: string) => ({ id, key: Buffer.alloc(32, id) });
    const store = new RedisTranscriptStore(client, prefix, new ValueCipher([key('k1')]));
    await store.append('c_enc', [
      { at: AT, from: 'customer', text: 'Adresimiz Esentepe Mah. No: 1, yetkili Ayşe Yılmaz' },
    ]);
    const raw = await client.lRange(`${prefix}transcript:c_enc`, 0, -1);
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatch(/^enc:v1:k1:/);
    expect(raw.join()).not.toContain('Ayşe');
    expect((await store.last('c_enc', 20)).map((l) => l.text)).toEqual([
      'Adresimiz Esentepe Mah. No: 1, yetkili Ayşe Yılmaz',
    ]);
    // Under a key set that no longer holds k1 the line is left out, not an error.
    const rotatedAway = new RedisTranscriptStore(client, prefix, new ValueCipher([key('k2')]));
    expect(await rotatedAway.last('c_enc', 20)).toEqual([]);
  });
});
