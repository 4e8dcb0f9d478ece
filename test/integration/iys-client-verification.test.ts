import { CaseDataSchema } from '../../src/domain/case';
import { IysClient, compareCodes, partnerAssignmentStatus } from '../../src/iys';
import { FakeIysServer, createTestClock } from '../support/fake-iys-server';

const INTEGRATOR = '900001';
const all = { read: true, write: true };
const fullRights = { MESAJ: all, ARAMA: all, EPOSTA: all, reconciliation: true };

let fake: FakeIysServer;

beforeAll(async () => {
  fake = await FakeIysServer.start();
});

afterAll(async () => {
  await fake.close();
});

describe('verifying a case against the fake İYS', () => {
  const data = CaseDataSchema.parse({
    iysCode: '700100',
    brands: [{ name: 'Marka A' }, { name: 'Marka B' }],
    brandCodes: { 'Marka A': '700100', 'Marka B': '700101' },
    partnerRights: { 'Marka A': fullRights, 'Marka B': fullRights },
  });

  it('checks codes, then confirms brand A fully and brand B without EPOSTA', async () => {
    fake.setBrands('700100', [
      { brandCode: 700100, name: 'MARKA A', master: true },
      { brandCode: 700101, name: 'Marka B', master: false },
    ]);
    fake.setAuthorization(INTEGRATOR, '700100', [
      {
        brandCode: 700100,
        name: 'MARKA A',
        master: true,
        agreementControl: true,
        MESAJ: all,
        ARAMA: all,
        EPOSTA: all,
      },
      { brandCode: 700101, name: 'Marka B', agreementControl: true, MESAJ: all, ARAMA: all },
    ]);
    const iys = new IysClient({
      baseUrl: fake.url,
      username: fake.credentials.username,
      password: fake.credentials.password,
      integratorCode: INTEGRATOR,
      clock: createTestClock(),
    });

    const codes = compareCodes(data, await iys.getBrands('700100'));
    expect(codes).toMatchObject({ allMatched: true, unmentioned: [] });

    const status = partnerAssignmentStatus(data, await iys.getIntegratorAuthorization('700100'));
    expect(status.brands).toMatchObject([
      { brand: 'Marka A', status: 'confirmed', complete: true, gaps: [] },
      {
        brand: 'Marka B',
        status: 'confirmed',
        complete: false,
        gaps: [{ channel: 'EPOSTA', read: true, write: true }],
      },
    ]);
    expect(status).toMatchObject({ allConfirmed: true, allComplete: false });
    expect(fake.tokenRequests()).toHaveLength(1);
  });
});
