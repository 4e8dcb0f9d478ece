import type { Storage } from 'botbuilder';
import { createClient } from 'redis';
import { CaseRepository } from '../../src/cases/case-repository';
import { UnreadableCaseError } from '../../src/cases/case-record';
import { CaseService } from '../../src/cases/case-service';
import { caseStorageKey } from '../../src/cases/case-keys';
import { markStep } from '../../src/domain/case';
import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { RedisStorage } from '../../src/state/redis-storage';
import { caseAt, SYSTEM } from '../support/case-fixtures';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

const prefix = uniquePrefix('cases');
const client = createClient({ url: REDIS_URL });
beforeAll(() => client.connect());
afterAll(async () => {
  await deleteByPrefix(prefix);
  await client.close();
});

const AGENT = { kind: 'agent', id: 'agent-1' } as const;
const BRANDS = [
  {
    name: 'Örnek',
    smsSenders: ['ORNEK'],
    callNumbers: [],
    emailSenders: [],
    reachBySms: 1200,
  },
  {
    name: 'Örnek Market',
    smsSenders: [],
    callNumbers: [],
    emailSenders: [],
    reachByEmail: 800,
  },
];

/** A case whose customer declared the partner assignment for two brands and now waits for confirmation. */
function waitingForConfirmation(id: string) {
  const base = caseAt(id, { tradeTitle: 'Örnek Gıda A.Ş.', brands: BRANDS }, [
    'preApplication',
    'applicationStatus',
    'codes',
    'package',
  ]);
  const started = markStep(base, 'partnerAssignment', 'in_progress', SYSTEM, base.updatedAt);
  if (!started.ok) throw new Error('fixture');
  const waiting = markStep(started.case, 'partnerAssignment', 'waiting', SYSTEM, base.updatedAt);
  if (!waiting.ok) throw new Error('fixture');
  return waiting.case;
}

describe.each([
  ['redis', (): Storage => new RedisStorage(client, { keyPrefix: `${prefix}${Math.random()}:` })],
  ['memory', (): Storage => new InMemoryStorage()],
])('cases outside a turn (%s)', (_name, makeStorage) => {
  let storage: Storage;
  let service: CaseService;
  beforeEach(() => {
    storage = makeStorage();
    service = new CaseService(new CaseRepository(storage), () => new Date('2026-11-21T10:00:00.000Z'));
  });

  it('returns nothing for an unknown case and round-trips a stored one', async () => {
    expect(await service.get('c_unknown')).toBeUndefined();
    const record = waitingForConfirmation('c_roundtrip');
    await service.replace(record);
    expect(await service.get('c_roundtrip')).toEqual(record);
  });

  it('confirms brand by brand and finishes the step only when every brand is confirmed', async () => {
    await service.replace(waitingForConfirmation('c_confirm'));
    const first = await service.confirmPartnerAssignment('c_confirm', 'agent', AGENT, ['Örnek']);
    expect(first?.steps.partnerAssignment.status).toBe('waiting');
    expect(first?.data.partnerConfirmed).toEqual({ Örnek: { at: '2026-11-21T10:00:00.000Z', by: 'agent' } });
    const second = await service.confirmPartnerAssignment('c_confirm', 'iys_api', SYSTEM, ['Örnek Market']);
    expect(second?.steps.partnerAssignment.status).toBe('done');
    expect(second?.audit.at(-1)).toMatchObject({
      type: 'step.changed',
      step: 'partnerAssignment',
      to: 'done',
    });
    expect((await service.get('c_confirm'))?.steps.partnerAssignment.status).toBe('done');
  });

  it('confirms all brands at once when none are named, and refuses an unknown brand', async () => {
    await service.replace(waitingForConfirmation('c_all'));
    await expect(service.confirmPartnerAssignment('c_all', 'agent', AGENT, ['Başka'])).rejects.toThrow(
      /unknown brand/,
    );
    const done = await service.confirmPartnerAssignment('c_all', 'agent', AGENT);
    expect(done?.steps.partnerAssignment.status).toBe('done');
  });

  it('applies concurrent changes one after the other instead of losing one', async () => {
    const repository = new CaseRepository(storage);
    await repository.put(waitingForConfirmation('c_race'));
    await Promise.all([
      service.confirmPartnerAssignment('c_race', 'agent', AGENT, ['Örnek']),
      service.confirmPartnerAssignment('c_race', 'agent', AGENT, ['Örnek Market']),
    ]);
    const final = await repository.get('c_race');
    expect(Object.keys(final?.data.partnerConfirmed ?? {}).sort()).toEqual(['Örnek', 'Örnek Market']);
    expect(final?.steps.partnerAssignment.status).toBe('done');
  });

  it('never overwrites a stored case it cannot read', async () => {
    await storage.write({
      [caseStorageKey('c_broken')]: { schemaVersion: 1, id: 'c_broken', steps: 'garbage' },
    });
    await expect(service.get('c_broken')).rejects.toBeInstanceOf(UnreadableCaseError);
    await expect(service.confirmPartnerAssignment('c_broken', 'agent', AGENT)).rejects.toBeInstanceOf(
      UnreadableCaseError,
    );
    const raw = (await storage.read([caseStorageKey('c_broken')]))[caseStorageKey('c_broken')];
    expect(raw?.steps).toBe('garbage');
  });
});
