import {
  validateMersis,
  validatePassport,
  validateTckn,
  validateVkn,
  isValidTckn,
  isValidVkn,
} from '../../../src/domain/validators';
import type { ValidationResult } from '../../../src/domain/validation';

function errorCode<T>(result: ValidationResult<T>): string | undefined {
  return result.ok ? undefined : result.errors[0]?.code;
}

describe('TCKN', () => {
  it('accepts the DOMAIN.md valid vector and normalises separators', () => {
    expect(validateTckn('17291716060')).toEqual({ ok: true, value: '17291716060', warnings: [] });
    expect(validateTckn(' 172 917-160 60 ')).toMatchObject({ ok: true, value: '17291716060' });
    expect(validateTckn(17291716060)).toMatchObject({ ok: true, value: '17291716060' });
  });

  it('refuses the DOMAIN.md invalid vectors', () => {
    expect(errorCode(validateTckn('17291716050'))).toBe('validation.tckn.checksum');
    expect(errorCode(validateTckn('07291716092'))).toBe('validation.tckn.leadingZero');
    expect(isValidTckn('07291716092')).toBe(false);
  });

  it('refuses wrong lengths, letters and empty input', () => {
    expect(errorCode(validateTckn('1729171606'))).toBe('validation.tckn.format');
    expect(errorCode(validateTckn('1729171606a'))).toBe('validation.tckn.format');
    expect(errorCode(validateTckn('   '))).toBe('validation.required');
    expect(errorCode(validateTckn(undefined))).toBe('validation.required');
    expect(errorCode(validateTckn({}))).toBe('validation.required');
  });

  it('checks the tenth digit independently of the eleventh', () => {
    // Same eleventh-digit sum, wrong tenth digit: 1729171607 + (sum mod 10).
    const tenWrong = '1729171607';
    const sum = Array.from(tenWrong, Number).reduce((a, b) => a + b, 0) % 10;
    expect(isValidTckn(`${tenWrong}${sum}`)).toBe(false);
  });
});

describe('VKN', () => {
  it('accepts the valid vector and reports the kind', () => {
    expect(validateVkn('4540536920')).toEqual({
      ok: true,
      value: { number: '4540536920', kind: 'vkn' },
      warnings: [],
    });
    expect(validateVkn('454 053 69 20')).toMatchObject({ ok: true, value: { number: '4540536920' } });
    expect(isValidVkn('4540536920')).toBe(true);
  });

  it('refuses the invalid vector', () => {
    expect(errorCode(validateVkn('4540536921'))).toBe('validation.vkn.checksum');
    expect(isValidVkn('4540536921')).toBe(false);
  });

  it('accepts a sole proprietor TCKN and says so', () => {
    expect(validateVkn('17291716060')).toMatchObject({
      ok: true,
      value: { number: '17291716060', kind: 'tckn' },
    });
    expect(errorCode(validateVkn('17291716050'))).toBe('validation.vkn.tcknChecksum');
  });

  it('refuses other lengths', () => {
    expect(errorCode(validateVkn('123456789'))).toBe('validation.vkn.format');
    expect(errorCode(validateVkn('123456789012'))).toBe('validation.vkn.format');
  });
});

describe('MERSİS', () => {
  const matching = '0454053692000015';

  it('accepts 16 digits without a warning when digits 2–11 equal the VKN', () => {
    expect(validateMersis(matching, { vkn: '4540536920' })).toEqual({
      ok: true,
      value: matching,
      warnings: [],
    });
    expect(validateMersis('0454-0536-9200-0015')).toMatchObject({ ok: true, value: matching });
  });

  it('only warns when digits 2–11 differ from the VKN', () => {
    const result = validateMersis('0123456789000015', { vkn: '4540536920' });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { code: 'validation.mersis.vknMismatch', severity: 'warning', params: { vkn: '4540536920' } },
    ]);
  });

  it('does not compare with an 11-digit (TCKN) tax number', () => {
    expect(validateMersis('0123456789000015', { vkn: '17291716060' }).warnings).toEqual([]);
  });

  it('refuses anything but 16 digits', () => {
    expect(validateMersis('045405369200001')).toMatchObject({
      ok: false,
      errors: [{ code: 'validation.mersis.format', params: { length: 15 } }],
    });
    expect(errorCode(validateMersis('04540536920000AB'))).toBe('validation.mersis.format');
  });
});

describe('passport', () => {
  it('accepts 5–20 letters or digits, upper-cased', () => {
    expect(validatePassport(' u12 345678 ')).toMatchObject({ ok: true, value: 'U12345678' });
    expect(validatePassport('AB123')).toMatchObject({ ok: true, value: 'AB123' });
    expect(validatePassport('A'.repeat(20))).toMatchObject({ ok: true });
  });

  it('refuses short, long and non-alphanumeric values', () => {
    expect(errorCode(validatePassport('AB12'))).toBe('validation.passport.length');
    expect(errorCode(validatePassport('A'.repeat(21)))).toBe('validation.passport.length');
    expect(errorCode(validatePassport('AB#12345'))).toBe('validation.passport.charset');
    expect(errorCode(validatePassport('ÇĞ12345'))).toBe('validation.passport.charset');
  });
});
