import { errorFromResponse, redact } from '../../../src/iys/errors';
import {
  IntegratorAuthorizationSchema,
  IysBrandListSchema,
  TokenResponseSchema,
} from '../../../src/iys/schemas';

describe('errorFromResponse', () => {
  it('takes the first İYS error code and keeps every detail', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'H124', message: 'limit', location: ['request'] },
        { code: 'H999', message: 'other' },
      ],
    });
    const error = errorFromResponse({ status: 429, bodyText: body, retryAfterMs: 1000 }, 'GET /x', []);
    expect(error).toMatchObject({ code: 'H124', status: 429, retryable: true, retryAfterMs: 1000 });
    expect(error.rateLimited).toBe(true);
    expect(error.details).toEqual([
      { code: 'H124', message: 'limit', location: 'request' },
      { code: 'H999', message: 'other' },
    ]);
  });

  it('falls back to HTTP_<status> and marks only 429/5xx retryable', () => {
    expect(errorFromResponse({ status: 503, bodyText: '' }, 'op', [])).toMatchObject({
      code: 'HTTP_503',
      retryable: true,
    });
    expect(errorFromResponse({ status: 404, bodyText: '{"errors":[]}' }, 'op', [])).toMatchObject({
      code: 'HTTP_404',
      retryable: false,
    });
  });
});

describe('redact', () => {
  it('removes every occurrence of each secret but leaves tiny values alone', () => {
    expect(redact('a pw123456 b pw123456', ['pw123456'])).toBe('a [redacted] b [redacted]');
    expect(redact('abc', ['ab'])).toBe('abc');
  });
});

describe('İYS response schemas', () => {
  it('accepts the documented token answers (token_type spelled either way)', () => {
    const doc = { access_token: 'a', refresh_token: 'r', expires_in: 7200, refresh_expires_in: 14400 };
    expect(TokenResponseSchema.parse({ ...doc, token_type: 'bearer' })).toEqual(doc);
    expect(TokenResponseSchema.parse({ ...doc, tokenType: 'bearer' })).toEqual(doc);
  });

  it('reads the documented brand list, codes as digit strings, stats dropped', () => {
    const parsed = IysBrandListSchema.parse([
      { brandCode: 77790, stats: { consents: { approval: 0 } }, name: 'alt Marka 1', master: false },
      { brandCode: '077780', name: 'Marka 1', master: true },
    ]);
    expect(parsed).toEqual([
      { brandCode: '77790', name: 'alt Marka 1', master: false },
      { brandCode: '77780', name: 'Marka 1', master: true },
    ]);
  });

  it('treats an absent channel as no rights and keeps reconciliation unknown when absent', () => {
    const [brand] = IntegratorAuthorizationSchema.parse([{ brandCode: 1, name: 'A', ARAMA: { read: true } }]);
    expect(brand).toEqual({
      brandCode: '1',
      name: 'A',
      rights: {
        MESAJ: { read: false, write: false },
        ARAMA: { read: true, write: false },
        EPOSTA: { read: false, write: false },
      },
    });
  });
});
