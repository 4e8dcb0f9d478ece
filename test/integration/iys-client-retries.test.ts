import {
  IysApiError,
  IysClient,
  type IysClientEvent,
  type IysClientOptions,
  type IysFetch,
} from '../../src/iys';
import { FakeIysServer, createTestClock } from '../support/fake-iys-server';

const IYS_CODE = '654321';

let fake: FakeIysServer;
let clock: ReturnType<typeof createTestClock>;
let events: IysClientEvent[];

beforeEach(async () => {
  fake = await FakeIysServer.start();
  fake.setBrands(IYS_CODE, [{ brandCode: 654321, name: 'Kahve Dünyası', master: true }]);
  clock = createTestClock();
  events = [];
});

afterEach(async () => {
  await fake.close();
});

function client(overrides: Partial<IysClientOptions> = {}): IysClient {
  return new IysClient({
    baseUrl: fake.url,
    username: fake.credentials.username,
    password: fake.credentials.password,
    integratorCode: '900001',
    clock,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
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

describe('IysClient retries', () => {
  it('retries 429 H124 with at least a second between tries, then succeeds', async () => {
    fake.failNext({ kind: 'rate_limit' }, 2, 'api');
    await expect(client().getBrands(IYS_CODE)).resolves.toHaveLength(1);
    expect(fake.apiRequests().map((r) => r.status)).toEqual([429, 429, 200]);
    expect(clock.sleeps).toHaveLength(2);
    for (const ms of clock.sleeps) expect(ms).toBeGreaterThanOrEqual(1000);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.code)).toEqual([
      'H124',
      'H124',
    ]);
  });

  it('honours Retry-After', async () => {
    fake.failNext({ kind: 'rate_limit', retryAfterSec: 3 }, 1, 'api');
    await client().getBrands(IYS_CODE);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('hands a Retry-After longer than it will wait back to the caller as retryable', async () => {
    fake.failNext({ kind: 'rate_limit', retryAfterSec: 120 }, 1, 'api');
    const error = await caught(client().getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'H124', status: 429, retryable: true, retryAfterMs: 120_000 });
    expect(error.rateLimited).toBe(true);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries 5xx with exponential backoff and jitter', async () => {
    fake.failNext({ kind: 'server_error', status: 503 }, 2, 'api');
    await expect(client().getBrands(IYS_CODE)).resolves.toHaveLength(1);
    // random 0.5 → ¾ of the step: 250 ms then 500 ms steps.
    expect(clock.sleeps).toEqual([188, 375]);
  });

  it('stops after the configured number of attempts', async () => {
    fake.failNext({ kind: 'server_error' }, 10, 'api');
    const error = await caught(client({ retry: { maxAttempts: 3 } }).getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'FAKE_INTERNAL', status: 500, retryable: true });
    expect(fake.apiRequests()).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    fake.failNext({ kind: 'drop' }, 1, 'api');
    await expect(client().getBrands(IYS_CODE)).resolves.toHaveLength(1);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ code: 'IYS_NETWORK' });
  });

  it('retries the token request too, and does not multiply retries around it', async () => {
    fake.failNext({ kind: 'rate_limit' }, 1, 'token');
    await expect(client().getBrands(IYS_CODE)).resolves.toHaveLength(1);
    expect(fake.tokenRequests().map((r) => r.status)).toEqual([429, 200]);

    const hanging: IysFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    let calls = 0;
    const counting: IysFetch = (url, init) => {
      calls += 1;
      return hanging(url, init);
    };
    const slow = client({ fetch: counting, timeoutMs: 20, retry: { maxAttempts: 2 } });
    const error = await caught(slow.getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'IYS_TIMEOUT', retryable: true });
    expect(calls).toBe(2);
  });

  it('does not retry when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const fetchThenAbort: IysFetch = (url, init) => {
      controller.abort(reason);
      return fetch(url, init);
    };
    await expect(
      client({ fetch: fetchThenAbort }).getBrands(IYS_CODE, { signal: controller.signal }),
    ).rejects.toBe(reason);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('IysClient error mapping and validation', () => {
  it('maps {errors:[{code}]} to an IysApiError with the H code and does not retry 4xx', async () => {
    fake.failNext({ kind: 'error', status: 422, code: 'H178', message: 'geçersiz istek' }, 1, 'api');
    const error = await caught(client().getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'H178', status: 422, retryable: false });
    expect(error.details).toEqual([{ code: 'H178', message: 'geçersiz istek' }]);
    expect(error.message).toContain('GET /sps/{iysCode}/brands');
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it('names the status when the error body is not İYS JSON', async () => {
    fake.failNext({ kind: 'raw', status: 502, body: '<html>bad gateway</html>' }, 4, 'api');
    const error = await caught(client().getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'HTTP_502', status: 502, retryable: true, details: [] });
  });

  it('rejects a malformed brand list with a clear, non-retryable error', async () => {
    fake.failNext({ kind: 'raw', status: 200, body: '[{"brandCode":"12a","name":7}]' }, 1, 'api');
    const error = await caught(client().getBrands(IYS_CODE));
    expect(error).toMatchObject({ code: 'IYS_INVALID_RESPONSE', status: 200, retryable: false });
    expect(error.message).toMatch(/unexpected body: 0\.brandCode: .+; 0\.name: /);
    fake.failNext({ kind: 'raw', status: 200, body: '<html>' }, 1, 'api');
    await expect(client().getBrands(IYS_CODE)).rejects.toThrow(/not JSON/);
  });

  it('rejects an integrator answer whose channel rights have another shape', async () => {
    fake.failNext(
      { kind: 'raw', status: 200, body: '[{"brandCode":1,"name":"A","MESAJ":["OKUMA"]}]' },
      1,
      'api',
    );
    const error = await caught(client().getIntegratorAuthorization(IYS_CODE));
    expect(error.code).toBe('IYS_INVALID_RESPONSE');
    expect(error.message).toContain('0.MESAJ');
  });

  it('rejects a malformed token answer without quoting it', async () => {
    fake.failNext({ kind: 'raw', status: 200, body: '{"access_token":"tok-secret-value"}' }, 1, 'token');
    const error = await caught(client().getBrands(IYS_CODE));
    expect(error.code).toBe('IYS_INVALID_RESPONSE');
    expect(error.message).toContain('expires_in');
    expect(JSON.stringify(error) + error.message).not.toContain('tok-secret-value');
  });
});
