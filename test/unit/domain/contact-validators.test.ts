import {
  validateContactPhone,
  validateEmail,
  validateMobile,
  validateWebsite,
} from '../../../src/domain/validators';
import type { ValidationResult } from '../../../src/domain/validation';

function errorCode<T>(result: ValidationResult<T>): string | undefined {
  return result.ok ? undefined : result.errors[0]?.code;
}

describe('mobile (GSM)', () => {
  it.each([
    '05321234567',
    '0532 123 45 67',
    '532 123 45 67',
    '5321234567',
    '+90 532 123 45 67',
    '+905321234567',
    '90 532 123 45 67',
    '905321234567',
    '0 (532) 123-45-67',
    '0090 532 123 45 67',
  ])('normalises %s to E.164', (input) => {
    expect(validateMobile(input)).toEqual({ ok: true, value: '+905321234567', warnings: [] });
  });

  it('refuses landlines, foreign numbers and junk', () => {
    expect(errorCode(validateMobile('0212 444 12 34'))).toBe('validation.mobile.notMobile');
    expect(errorCode(validateMobile('0850 333 3338'))).toBe('validation.mobile.notMobile');
    expect(errorCode(validateMobile('+44 7911 123456'))).toBe('validation.phone.notTurkish');
    expect(errorCode(validateMobile('0532 123 45 6'))).toBe('validation.phone.invalid');
    expect(errorCode(validateMobile('phone me'))).toBe('validation.phone.charset');
    expect(errorCode(validateMobile(''))).toBe('validation.required');
  });
});

describe('contact phone', () => {
  it('accepts landlines, 0850 and mobiles as E.164', () => {
    expect(validateContactPhone('(0212) 444 12 34')).toMatchObject({ ok: true, value: '+902124441234' });
    expect(validateContactPhone('0850 333 3338')).toMatchObject({ ok: true, value: '+908503333338' });
    expect(validateContactPhone('0532 123 45 67')).toMatchObject({ ok: true, value: '+905321234567' });
  });

  it('refuses foreign and impossible numbers', () => {
    expect(errorCode(validateContactPhone('+1 202 555 0100'))).toBe('validation.phone.notTurkish');
    expect(errorCode(validateContactPhone('0212 444'))).toBe('validation.phone.invalid');
  });
});

describe('e-mail', () => {
  it('accepts a corporate address without warnings and lower-cases the domain', () => {
    expect(validateEmail(' Ahmet.Yilmaz@Ornek.COM.TR ')).toEqual({
      ok: true,
      value: 'Ahmet.Yilmaz@ornek.com.tr',
      warnings: [],
    });
    expect(validateEmail('mailto:info@örnek.com.tr')).toMatchObject({ ok: true, value: 'info@örnek.com.tr' });
  });

  it.each(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'yandex.com', 'icloud.com', 'mynet.com'])(
    'warns on the free-mail domain %s',
    (domain) => {
      const result = validateEmail(`someone@${domain.toUpperCase()}`);
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        { code: 'validation.email.freeMail', severity: 'warning', params: { domain } },
      ]);
    },
  );

  it.each([
    'plainaddress',
    '@example.com',
    'a@b',
    'a@@b.com',
    'a b@c.com',
    'x..y@c.com',
    '.x@c.com',
    'a@-c.com',
  ])('refuses %s', (input) => {
    expect(errorCode(validateEmail(input))).toBe('validation.email.invalid');
  });
});

describe('web site', () => {
  it.each([
    ['ornek.com.tr', 'https://ornek.com.tr'],
    ['WWW.Ornek.com.tr/', 'https://www.ornek.com.tr'],
    ['http://Example.com:80/', 'http://example.com'],
    ['https://example.com:443/urunler?x=1', 'https://example.com/urunler?x=1'],
    ['www.örnek.com.tr', 'https://www.örnek.com.tr'],
  ])('normalises %s to %s', (input, expected) => {
    expect(validateWebsite(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('refuses other schemes, hosts without a TLD, credentials and spaces', () => {
    expect(errorCode(validateWebsite('ftp://example.com'))).toBe('validation.website.scheme');
    expect(errorCode(validateWebsite('localhost'))).toBe('validation.website.invalid');
    expect(errorCode(validateWebsite('https://user:pw@example.com'))).toBe('validation.website.invalid');
    expect(errorCode(validateWebsite('ornek com'))).toBe('validation.website.invalid');
    expect(errorCode(validateWebsite('192.168.1.1'))).toBe('validation.website.invalid');
  });
});
