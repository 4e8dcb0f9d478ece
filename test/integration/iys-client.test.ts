import { inspect } from 'node:util';
import { IysApiError, IysClient, type IysClientOptions } from '../../src/iys';
import { FakeIysServer, createTestClock } from '../support/fake-iys-server';

const PASSWORD = 'S3cret-pass!word';
const INTEGRATOR = '900001';
const IYS_CODE = '654321';

let fake: FakeIysServer;
let clock: ReturnType<typeof createTestClock>;

beforeEach(async () => {
  fake = await FakeIysServer.start({ username: 'bot-user', password: PASSWORD });
  fake.setBrands(IYS_CODE, [
    { brandCode: 654321, name: 'Kahve Dünyası', master: true },
    { brandCode: 654322, name: 'Çay Bahçesi', master: false },
  ]);
  clock = createTestClock();
});

afterEach(async () => {
  await fake.close();
});

function client(overrides: Partial<IysClientOptions> = {}): IysClient {
  return new IysClient({
    baseUrl: fake.url,
    username: 'bot-user',
    password: PASSWORD,
    integratorCode: INTEGRATOR,
    clock,
    random: () => 0.5,
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<IysApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IysApiError);
  return error as IysApiError;
}

describe('IysClient tokens', () => {
  it('asks for a token lazily, once, and reuses it for many calls', async () => {
    const iys = client();
    expect(fake.requests).toHaveLength(0);
    for (let i = 0; i < 5; i += 1) {
      await expect(iys.getBrands(IYS_CODE)).resolves.toEqual([
        { brandCode: '654321', name: 'Kahve Dünyası', master: true },
        { brandCode: '654322', name: 'Çay Bahçesi', master: false },
      ]);
    }
    expect(fake.tokenRequests().map((r) => r.grantType)).toEqual(['password']);
    expect(new Set(fake.apiRequests().map((r) => r.bearer)).size).toBe(1);
  });

  it('shares one token request among concurrent calls', async () => {
    fake.tokenDelayMs = 50;
    const iys = client();
    await Promise.all(Array.from({ length: 10 }, () => iys.getBrands(IYS_CODE)));
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.apiRequests()).toHaveLength(10);
  });

  it('renews with the refresh token shortly before the access token expires', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    clock.advance(7200_000 - 90_000);
    await iys.getBrands(IYS_CODE);
    expect(fake.tokenRequests()).toHaveLength(1);
    clock.advance(60_000); // now inside the 60 s renewal margin
    await iys.getBrands(IYS_CODE);
    expect(fake.tokenRequests().map((r) => r.grantType)).toEqual(['password', 'refresh_token']);
    const bearers = fake.apiRequests().map((r) => r.bearer);
    expect(bearers[2]).not.toBe(bearers[0]);
  });

  it('falls back to the password grant when the refresh is refused', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    fake.revokeRefreshTokens();
    clock.advance(7200_000);
    await iys.getBrands(IYS_CODE);
    expect(fake.tokenRequests().map((r) => [r.grantType, r.status])).toEqual([
      ['password', 200],
      ['refresh_token', 401],
      ['password', 200],
    ]);
  });

  it('skips the refresh token once it has expired as well', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    clock.advance(14400_000);
    await iys.getBrands(IYS_CODE);
    expect(fake.tokenRequests().map((r) => r.grantType)).toEqual(['password', 'password']);
  });

  it('on a 401 renews the token once and retries the call once', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    fake.expireAccessTokens();
    await expect(iys.getBrands(IYS_CODE)).resolves.toHaveLength(2);
    expect(fake.apiRequests().map((r) => r.status)).toEqual([200, 401, 200]);
    expect(fake.tokenRequests().map((r) => r.grantType)).toEqual(['password', 'refresh_token']);
  });

  it('renews once when parallel calls all meet a 401', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    fake.expireAccessTokens();
    await Promise.all(Array.from({ length: 5 }, () => iys.getBrands(IYS_CODE)));
    expect(fake.tokenRequests('refresh_token')).toHaveLength(1);
    expect(fake.tokenRequests('password')).toHaveLength(1);
  });

  it('gives up after a second 401 instead of looping', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    fake.failNext({ kind: 'unauthorized' }, 2, 'api');
    const error = await caught(iys.getBrands(IYS_CODE));
    expect(error).toMatchObject({ status: 401, code: 'FAKE_UNAUTHORIZED', retryable: false });
    expect(fake.apiRequests()).toHaveLength(3);
  });
});

describe('IysClient secrets', () => {
  function expectNoSecret(error: IysApiError, secrets: readonly string[]): void {
    const everything = [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      String(error.stack),
    ];
    for (const secret of secrets) for (const text of everything) expect(text).not.toContain(secret);
  }

  it('reports a refused password without the password', async () => {
    const iys = client({ password: 'Wrong-pass-999' });
    const error = await caught(iys.getBrands(IYS_CODE));
    expect(error).toMatchObject({ status: 401, code: 'FAKE_INVALID_GRANT', retryable: false });
    expectNoSecret(error, ['Wrong-pass-999']);
  });

  it('removes the password and tokens even when İYS echoes them back', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    const token = fake.apiRequests()[0]?.bearer ?? 'missing';
    fake.failNext(
      { kind: 'error', status: 400, code: 'H999', message: `bad ${token} / ${PASSWORD}` },
      1,
      'api',
    );
    const error = await caught(iys.getBrands(IYS_CODE));
    expect(error.code).toBe('H999');
    expect(error.message).toContain('[redacted]');
    expectNoSecret(error, [token, PASSWORD]);
  });

  it('does not show credentials when the client itself is logged', async () => {
    const iys = client();
    await iys.getBrands(IYS_CODE);
    const token = fake.apiRequests()[0]?.bearer ?? 'missing';
    for (const text of [inspect(iys, { depth: 10, showHidden: true }), JSON.stringify(iys)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(token);
    }
  });
});

describe('IysClient.getIntegratorAuthorization', () => {
  it('reads the configured integrator code and normalises rights per channel', async () => {
    fake.setAuthorization(INTEGRATOR, IYS_CODE, [
      {
        brandCode: 654321,
        name: 'Kahve Dünyası',
        master: true,
        agreementControl: true,
        MESAJ: { read: true, write: true },
        EPOSTA: { read: true, write: false },
      },
    ]);
    const auth = await client().getIntegratorAuthorization(IYS_CODE);
    expect(fake.apiRequests()[0]?.path).toBe(`/integrator/${INTEGRATOR}/sps/${IYS_CODE}`);
    expect(auth).toEqual([
      {
        brandCode: '654321',
        name: 'Kahve Dünyası',
        master: true,
        reconciliation: true,
        rights: {
          MESAJ: { read: true, write: true },
          ARAMA: { read: false, write: false },
          EPOSTA: { read: true, write: false },
        },
      },
    ]);
  });

  it('returns an empty list when no brand has authorised us', async () => {
    await expect(client().getIntegratorAuthorization('111111')).resolves.toEqual([]);
  });

  it('refuses codes that are not digits before sending anything', async () => {
    await expect(client().getBrands('12/../x')).rejects.toThrow(TypeError);
    expect(() => client({ integratorCode: 'abc' })).toThrow(TypeError);
    expect(fake.requests).toHaveLength(0);
  });
});
