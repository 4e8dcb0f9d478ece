import { spawn } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'redis';
import { createApp, type App, type RunningApp } from '../../src/app';
import { CaseRepository } from '../../src/cases/case-repository';
import { caseStorageKey } from '../../src/cases/case-keys';
import { loadConfig } from '../../src/config';
import { STEP_IDS, upsertChannelAddress, type Case } from '../../src/domain/case';
import { createLogger } from '../../src/observability/logger';
import { createPrivacy, RedisSweepLease } from '../../src/privacy';
import { RedisErasureLog } from '../../src/privacy/erasure-log';
import { stateKeysOf } from '../../src/privacy/state-keys';
import { reencryptAll } from '../../src/privacy/reencrypt';
import { RedisStorage } from '../../src/state/redis-storage';
import { DecryptionError, ValueCipher } from '../../src/state/value-cipher';
import { SUBMITTED_CASE_DATA } from '../dialogs/early-steps-harness';
import { AT, caseAt, SYSTEM } from '../support/case-fixtures';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { dumpPrefix, encryptionKeysEnv, findNeedles, testKey } from '../support/redis-dump';

const client = createClient({ url: REDIS_URL });
const prefixes: string[] = [];
const k1 = testKey('k1');
const k2 = testKey('k2');

beforeAll(async () => {
  await client.connect();
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteByPrefix(prefix);
  await client.close();
});

function newPrefix(label: string): string {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return prefix;
}

/** The Redis kit's privacy stores, over this file's client (the storage built by the test). */
function redisStores(storage: RedisStorage, prefix: string) {
  const redis = client as never;
  return {
    storage,
    erasures: new RedisErasureLog(redis, prefix),
    retentionLease: new RedisSweepLease(redis, prefix),
  };
}

/** A case with the sample customer's data, reachable on an Emulator and a WhatsApp conversation. */
function customerCase(id: string): Case {
  let current = caseAt(id, SUBMITTED_CASE_DATA, []);
  for (const channelId of ['emulator', 'whatsapp']) {
    const conversationId = `${channelId}-conv-${id}`;
    const userId = `${channelId}-user-${id}`;
    const reference = {
      channelId,
      conversation: { id: conversationId },
      user: { id: userId },
      bot: { id: 'bot' },
    };
    const address = {
      channelId,
      conversationId,
      serviceUrl: 'http://x',
      userId,
      botId: 'bot',
      reference,
      addedAt: AT,
    };
    current = upsertChannelAddress(current, address, SYSTEM, AT);
  }
  return current;
}

describe('erase(caseId, actor) from outside a turn (admin API)', () => {
  const prefix = newPrefix('kvkk-erase');
  let app: App;
  let running: RunningApp;
  const cipher = new ValueCipher([k1]);

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ENCRYPTION_KEYS: encryptionKeysEnv([k1]),
    });
    app = createApp(config, { logger: createLogger('silent') });
    running = await app.start();
    // Redis connects in the background: wait until the app reports ready.
    while (!(await fetch(`http://127.0.0.1:${running.port}/readyz`)).ok)
      await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await running.stop();
  });

  it('removes the case, its state, transcript, handoff, reminders and WhatsApp window; keeps an anonymous record', async () => {
    const storage = new RedisStorage(client, { keyPrefix: prefix, cipher });
    const target = customerCase('c_erase_me');
    const other = customerCase('c_keep_me');
    await app.cases.replace(target);
    await app.cases.replace(other);
    for (const address of [...target.channels, ...other.channels]) {
      const [conversation, user] = stateKeysOf(address);
      await storage.write({
        [conversation]: { dialogState: { answers: { signatoryTckn: '17291716060', mobile: '5321234567' } } },
        [user]: { seen: true },
      });
      await client.set(`${prefix}wa:window:${address.userId}`, String(Date.now()));
    }
    const { transcripts, store } = app.handoff.service;
    await transcripts.append(target.id, [{ at: AT, from: 'customer', text: 'TCKN 17291716060' }]);
    await store.open({
      caseId: target.id,
      state: 'requested',
      reason: 'customer_request',
      requestedAt: AT,
      lastActivityAt: AT,
    });
    await app.reminders.schedule(target.id, 'awaiting_iys_code', new Date(Date.now() + 86_400_000));
    await app.reminders.schedule(other.id, 'awaiting_iys_code', new Date(Date.now() + 86_400_000));

    const result = await app.privacy.erase(target.id, { kind: 'admin', id: 'ops-1' });
    expect(result).toEqual({ caseId: target.id, found: true, stateKeys: 5 });

    const dump = await dumpPrefix(client, prefix, cipher);
    const leftovers = dump.filter(
      (d) =>
        d.key.includes(target.id) ||
        target.channels.some((c) => d.key.includes(c.userId) || d.key.includes(c.conversationId)),
    );
    // BullMQ's capped event stream names job ids (the pseudonymous case id), never data.
    expect(leftovers.filter((d) => d.type !== 'stream').map((d) => d.key)).toEqual([]);
    const needles = findNeedles(dump).filter((line) => !line.includes('c_keep_me'));
    expect(needles).toEqual([]);
    expect(await app.reminders.pending(target.id)).toEqual([]);
    expect(await transcripts.last(target.id, 10)).toEqual([]);
    expect(await store.get(target.id)).toBeUndefined();

    // The other customer is untouched.
    expect((await app.cases.get(other.id))?.data.signatoryTckn).toBe('17291716060');
    expect(await app.reminders.pending(other.id)).toHaveLength(1);

    const [record] = await app.privacy.log.recent(1);
    expect(record).toEqual({
      caseIdHash: expect.any(String),
      at: expect.any(String),
      actorKind: 'admin',
      action: 'erased',
      found: true,
    });
    expect(JSON.stringify(record)).not.toContain(target.id);
    // Erasing again is harmless (and recorded).
    expect(await app.privacy.erase(target.id, { kind: 'admin', id: 'ops-1' })).toEqual(
      expect.objectContaining({ found: false }),
    );
  });
});

describe('key rotation: kvkk:reencrypt', () => {
  it('rewrites every value under the newest key, keeps eTags and TTLs, and everything stays readable', async () => {
    const prefix = newPrefix('kvkk-rotate');
    const old = new RedisStorage(client, {
      keyPrefix: prefix,
      cipher: new ValueCipher([k1]),
      ttlSeconds: 3600,
    });
    const items = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [`cases/c_${i}`, { n: i, tckn: '17291716060' }]),
    );
    await old.write(items);
    await client.set(`${prefix}state:plain`, 'abcdefghijklmnop\n{"legacy":true}');
    const before = await old.read(Object.keys(items));

    const rotated = new ValueCipher([k2, k1]);
    const first = await reencryptAll(client, prefix, rotated);
    expect(first).toEqual({
      keyId: 'k2',
      scanned: 26,
      reencrypted: 26,
      alreadyCurrent: 0,
      failed: 0,
      conflicts: 0,
    });
    for (const d of await dumpPrefix(client, `${prefix}state:`)) expect(d.text).toMatch(/^.{16}\nenc:v1:k2:/);
    expect(await client.ttl(`${prefix}state:cases/c_0`)).toBeGreaterThan(3000);

    // Only k2 is needed from now on; eTags did not change, so a turn holding one still saves.
    const onlyNew = new RedisStorage(client, { keyPrefix: prefix, cipher: new ValueCipher([k2]) });
    const after = await onlyNew.read([...Object.keys(items), 'plain']);
    for (const key of Object.keys(items)) expect(after[key]).toEqual(before[key]);
    expect(after.plain).toEqual({ legacy: true, eTag: 'abcdefghijklmnop' });
    await expect(onlyNew.write({ 'cases/c_0': { ...before['cases/c_0'], n: 100 } })).resolves.toBeUndefined();

    expect(await reencryptAll(client, prefix, rotated)).toEqual(
      expect.objectContaining({ reencrypted: 0, alreadyCurrent: 26, failed: 0 }),
    );
  });

  it('fails loudly for values under a key that is no longer configured', async () => {
    const prefix = newPrefix('kvkk-rotate-missing');
    await new RedisStorage(client, { keyPrefix: prefix, cipher: new ValueCipher([k1]) }).write({
      a: { v: 1 },
      b: { v: 2 },
    });
    const onlyNew = new RedisStorage(client, { keyPrefix: prefix, cipher: new ValueCipher([k2]) });
    await expect(onlyNew.read(['a'])).rejects.toThrow(DecryptionError);
    expect(await reencryptAll(client, prefix, new ValueCipher([k2]))).toEqual(
      expect.objectContaining({ reencrypted: 0, failed: 2 }),
    );
  });

  it('runs as a command that prints one JSON line (npm run kvkk:reencrypt)', async () => {
    const prefix = newPrefix('kvkk-rotate-cli');
    await new RedisStorage(client, { keyPrefix: prefix, cipher: new ValueCipher([k1]) }).write({
      a: { v: 1 },
    });
    const run = (keys: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/privacy/reencrypt-main.ts'], {
          cwd: path.resolve(__dirname, '..', '..'),
          env: {
            PATH: process.env.PATH ?? '',
            NODE_ENV: 'test',
            REDIS_URL,
            REDIS_KEY_PREFIX: prefix,
            ENCRYPTION_KEYS: keys,
            LOG_LEVEL: 'silent',
          },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const missing = await run(encryptionKeysEnv([k2]));
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toEqual(expect.objectContaining({ failed: 1 }));
    const ok = await run(encryptionKeysEnv([k2, k1]));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({
      keyId: 'k2',
      scanned: 1,
      reencrypted: 1,
      alreadyCurrent: 0,
      failed: 0,
      conflicts: 0,
    });
  }, 30_000);
});

describe('retention: the sweep anonymises only what is due', () => {
  const DAY = 86_400_000;
  const now = new Date('2027-06-01T12:00:00.000Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

  function aged(current: Case, days: number, finished: boolean): Case {
    const at = ago(days);
    const steps = finished
      ? Object.fromEntries(STEP_IDS.map((id) => [id, { status: 'done' as const, updatedAt: at }]))
      : current.steps;
    return {
      ...current,
      steps: steps as Case['steps'],
      updatedAt: at,
      channels: current.channels.map((c) => ({ ...c, addedAt: at, lastSeenAt: at })),
    };
  }

  it('finished and abandoned cases past the retention, nothing else; twice is a no-op', async () => {
    const prefix = newPrefix('kvkk-retention');
    const storage = new RedisStorage(client, { keyPrefix: prefix, cipher: new ValueCipher([k1]) });
    const repository = new CaseRepository(storage);
    const cancelled: string[] = [];
    const privacy = createPrivacy({
      backend: redisStores(storage, prefix),
      repository,
      reminders: { cancel: async (caseId) => void cancelled.push(caseId) },
      policy: { anonymiseAfterDays: 30, abandonedAfterDays: 60 },
      now: () => now,
    });
    const fixtures = {
      finishedOld: aged(customerCase('c_finished_old'), 40, true),
      finishedRecent: aged(customerCase('c_finished_recent'), 10, true),
      abandoned: aged(customerCase('c_abandoned'), 70, false),
      pausedNotAbandoned: aged(customerCase('c_paused'), 40, false),
    };
    const seenLately = aged(customerCase('c_seen_lately'), 40, true);
    const visited = {
      ...seenLately,
      channels: seenLately.channels.map((c) => ({ ...c, lastSeenAt: ago(2) })),
    };
    const all = { ...fixtures, visited };
    for (const record of Object.values(all)) await repository.put(record);
    for (const address of fixtures.finishedOld.channels)
      await storage.write({ [stateKeysOf(address)[0]]: { form: '17291716060' } });

    const counts = await privacy.retention.runOnce();
    expect(counts).toEqual({ scanned: 5, anonymised: 2, failed: 0, ran: true });

    for (const id of ['c_finished_old', 'c_abandoned']) {
      const anonymised = await repository.get(id);
      expect(anonymised?.anonymisedAt).toBe(now.toISOString());
      expect(anonymised?.channels).toEqual([]);
      expect(anonymised?.data.signatoryTckn).toBeUndefined();
      expect(anonymised?.data.signatoryEmail).toBeUndefined();
      expect(anonymised?.data.signatoryMobile).toBeUndefined();
      expect(anonymised?.data.signatoryName).toBeUndefined();
      expect(anonymised?.data.tradeTitle).toBe('Örnek Ticaret Anonim Şirketi');
      expect(anonymised?.audit.at(-1)).toEqual(
        expect.objectContaining({ type: 'case.anonymised', actor: { kind: 'system', id: 'retention' } }),
      );
      expect(JSON.stringify(anonymised)).not.toMatch(/17291716060|5321234567|ayse\.yilmaz/);
    }
    expect(await storage.read(fixtures.finishedOld.channels.map((a) => stateKeysOf(a)[0]))).toEqual({});
    for (const record of [fixtures.finishedRecent, fixtures.pausedNotAbandoned, visited]) {
      expect(await repository.get(record.id)).toEqual(record);
    }
    expect([...new Set(cancelled)].sort()).toEqual(['c_abandoned', 'c_finished_old']);
    expect((await privacy.log.recent(5)).map((r) => r.action)).toEqual(['anonymised', 'anonymised']);

    expect(await privacy.retention.runOnce()).toEqual({ scanned: 5, anonymised: 0, failed: 0, ran: true });
    expect(await client.exists(`${prefix}state:${caseStorageKey('c_finished_old')}`)).toBe(1);
  });

  it('skips a sweep while another process holds the lease', async () => {
    const prefix = newPrefix('kvkk-retention-lease');
    const storage = new RedisStorage(client, { keyPrefix: prefix });
    const privacy = createPrivacy({
      backend: redisStores(storage, prefix),
      repository: new CaseRepository(storage),
      reminders: { cancel: async () => undefined },
      policy: { anonymiseAfterDays: 30, abandonedAfterDays: 60 },
    });
    await client.set(`${prefix}retention:lease`, 'someone-else', {
      expiration: { type: 'PX', value: 60_000 },
    });
    expect(await privacy.retention.runOnce()).toEqual(expect.objectContaining({ ran: false }));
  });
});
