import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter } from '../../../src/iys/backoff';

const policy = DEFAULT_RETRY_POLICY;

describe('backoffDelay', () => {
  it('grows exponentially between half and all of each step', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(125);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(250);
    expect(backoffDelay(3, policy, () => 0)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(1000);
  });

  it('never exceeds the cap however many attempts', () => {
    for (let attempt = 1; attempt < 40; attempt += 1) {
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeLessThanOrEqual(policy.maxDelayMs);
    }
  });

  it('waits at least a second after a rate limit and at least Retry-After', () => {
    expect(backoffDelay(1, policy, () => 0, { rateLimited: true })).toBe(1000);
    expect(backoffDelay(1, policy, () => 0, { retryAfterMs: 4000 })).toBe(4000);
    expect(backoffDelay(6, policy, () => 0.5, { retryAfterMs: 10 })).toBe(6000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-20T09:00:00.000Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 08:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
