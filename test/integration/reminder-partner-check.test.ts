import { CaseRepository } from '../../src/cases/case-repository';
import { CaseService } from '../../src/cases/case-service';
import type { Case } from '../../src/domain/case';
import { defaultReminderPolicyConfig } from '../../src/domain/reminders';
import { IysClient } from '../../src/iys';
import { createLogger } from '../../src/observability/logger';
import { InMemoryDeliveryStore } from '../../src/reminders/delivery-store';
import { iysPartnerCheck } from '../../src/reminders/partner-check';
import { ReminderWorker } from '../../src/reminders/reminder-worker';
import { InMemoryStorage } from '../../src/state/in-memory-storage';
import { caseAt, moved, reachableAt } from '../support/case-fixtures';
import { FakeIysServer } from '../support/fake-iys-server';
import { localMessenger } from '../support/bot-framework-messenger';
import { LocalConnector } from '../support/local-connector';

const INTEGRATOR = '700100';
const TUESDAY_10 = new Date('2026-11-25T07:00:00.000Z');
const BOTH = { read: true, write: true };

/** Two brands declared (A: SMS, B: SMS + e-mail) and waiting for the integrator's confirmation. */
function declared(id: string, serviceUrl: string): Case {
  const brands = [
    { name: 'Örnek', smsSenders: [], callNumbers: [], emailSenders: [] },
    { name: 'Örnek Market', smsSenders: [], callNumbers: [], emailSenders: [] },
  ];
  const none = { read: false, write: false };
  const c = caseAt(
    id,
    {
      tradeTitle: 'Örnek Gıda A.Ş.',
      brands,
      iysCode: '675403',
      brandCodes: { Örnek: '675403', 'Örnek Market': '660651' },
      partnerRights: {
        Örnek: { MESAJ: BOTH, ARAMA: none, EPOSTA: none, reconciliation: false },
        'Örnek Market': { MESAJ: BOTH, ARAMA: none, EPOSTA: BOTH, reconciliation: false },
      },
    },
    ['preApplication', 'applicationStatus', 'codes', 'package'],
  );
  return reachableAt(moved(c, 'partnerAssignment', 'in_progress', 'waiting'), serviceUrl);
}

describe('partner-assignment reminders checked against the İYS API', () => {
  const connector = new LocalConnector();
  const { messenger, sender } = localMessenger();
  let iys: FakeIysServer;
  beforeAll(async () => {
    await connector.start();
    iys = await FakeIysServer.start();
  });
  afterAll(async () => {
    sender.close();
    await connector.stop();
    await iys.close();
  });

  function setUp() {
    const repository = new CaseRepository(new InMemoryStorage());
    const service = new CaseService(repository, () => TUESDAY_10);
    const client = new IysClient({
      baseUrl: iys.url,
      username: 'api-user',
      password: 'api-pass-123',
      integratorCode: INTEGRATOR,
    });
    const worker = new ReminderWorker({
      cases: repository,
      schedule: async () => undefined,
      messenger,
      deliveries: new InMemoryDeliveryStore(),
      escalation: { escalate: async () => undefined },
      policy: defaultReminderPolicyConfig(),
      logger: createLogger('silent'),
      now: () => TUESDAY_10,
      random: () => 0,
      partnerCheck: iysPartnerCheck(client),
      confirmPartner: async (caseId, brands) => {
        await service.confirmPartnerAssignment(caseId, 'iys_api', { kind: 'system', id: 'iys-api' }, brands);
      },
    });
    return { repository, worker };
  }

  it('confirms what İYS shows, and reminds about the brand and the channel still missing', async () => {
    const { repository, worker } = setUp();
    await repository.put(declared('c_half', connector.url));
    iys.setAuthorization(INTEGRATOR, '675403', [{ brandCode: 675403, name: 'Örnek', MESAJ: BOTH }]);
    const outcome = await worker.handle({
      caseId: 'c_half',
      kind: 'awaiting_partner_confirmation',
      attempt: 0,
      deliveryKey: 'c_half:0',
    });
    expect(outcome).toBe('sent');
    const stored = await repository.get('c_half');
    expect(stored?.data.partnerConfirmed).toEqual({ Örnek: { at: TUESDAY_10.toISOString(), by: 'iys_api' } });
    expect(stored?.steps.partnerAssignment.status).toBe('waiting');
    expect(JSON.stringify(connector.messages('conv-c_half'))).toContain(
      'İYS’de henüz görünmeyen marka veya kanallar: Örnek Market.',
    );
  });

  it('finishes the step without a reminder once İYS shows every brand', async () => {
    const { repository, worker } = setUp();
    await repository.put(declared('c_full', connector.url));
    iys.setAuthorization(INTEGRATOR, '675403', [
      { brandCode: 675403, name: 'Örnek', MESAJ: BOTH },
      { brandCode: 660651, name: 'Örnek Market', MESAJ: BOTH },
    ]);
    expect(
      await worker.handle({
        caseId: 'c_full',
        kind: 'awaiting_partner_confirmation',
        attempt: 0,
        deliveryKey: 'c_full:0',
      }),
    ).toBe('settled');
    const stored = await repository.get('c_full');
    expect(stored?.steps.partnerAssignment.status).toBe('done');
    expect(Object.keys(stored?.data.partnerConfirmed ?? {}).sort()).toEqual(['Örnek', 'Örnek Market']);
    expect(connector.messages('conv-c_full')).toHaveLength(0);
  });
});
