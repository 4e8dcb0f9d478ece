import { PROVINCES } from '../../../src/domain/provinces';
import {
  countSchema,
  findProvince,
  mersisSchema,
  provinceSchema,
  smsSenderSchema,
  suggestProvinces,
  validateApplicationNo,
  validateBrandCode,
  validateCount,
  validateIysCode,
  validatePersonName,
  validateProvince,
  validateSmsSender,
  validateTradeTitle,
  vknSchema,
} from '../../../src/domain/validators';
import type { ValidationResult } from '../../../src/domain/validation';

function errorCode<T>(result: ValidationResult<T>): string | undefined {
  return result.ok ? undefined : result.errors[0]?.code;
}

describe('provinces', () => {
  it('has the 81 provinces with unique plate codes 01–81', () => {
    expect(PROVINCES).toHaveLength(81);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(81);
    expect(PROVINCES[0]).toEqual({ plate: '01', name: 'Adana' });
    expect(PROVINCES[80]).toEqual({ plate: '81', name: 'Düzce' });
    expect(PROVINCES.find((p) => p.plate === '33')?.name).toBe('Mersin');
  });

  it.each(['istanbul', 'İSTANBUL', 'Istanbul', 'ISTANBUL', ' istanbul ', '34', '034'])(
    'matches %s to İstanbul',
    (input) => {
      expect(validateProvince(input)).toEqual({
        ok: true,
        value: { plate: '34', name: 'İstanbul' },
        warnings: [],
      });
    },
  );

  it('matches names with and without Turkish letters, aliases and single-digit plates', () => {
    expect(findProvince('sanliurfa')?.name).toBe('Şanlıurfa');
    expect(findProvince('IĞDIR')?.name).toBe('Iğdır');
    expect(findProvince('igdir')?.name).toBe('Iğdır');
    expect(findProvince('çanakkale')?.name).toBe('Çanakkale');
    expect(findProvince('Hakkari')?.name).toBe('Hakkâri');
    expect(findProvince('İçel')?.name).toBe('Mersin');
    expect(findProvince('6')?.name).toBe('Ankara');
    expect(findProvince('82')).toBeUndefined();
    expect(findProvince('0')).toBeUndefined();
  });

  it('suggests close names for typos and prefixes', () => {
    expect(suggestProvinces('izmr')).toContain('İzmir');
    expect(suggestProvinces('eskisehr')).toEqual(['Eskişehir']);
    expect(suggestProvinces('kahraman')).toContain('Kahramanmaraş');
    expect(validateProvince('Ankra')).toMatchObject({
      ok: false,
      errors: [{ code: 'validation.province.unknownWithSuggestions', params: { input: 'Ankra' } }],
    });
    expect(errorCode(validateProvince('Londra'))).toBe('validation.province.unknown');
  });
});

describe('SMS sender name', () => {
  it('accepts 3–11 allowed characters', () => {
    expect(validateSmsSender('ACME')).toMatchObject({ ok: true, value: 'ACME' });
    expect(validateSmsSender(' Acme  Shop ')).toMatchObject({ ok: true, value: 'Acme Shop' });
    expect(validateSmsSender("A&B-C.D_E'F")).toMatchObject({ ok: true });
  });

  it('names the Turkish letters and suggests a replacement', () => {
    expect(validateSmsSender('ŞEKERCİ')).toEqual({
      ok: false,
      errors: [
        {
          code: 'validation.smsSender.turkishLetter',
          severity: 'error',
          params: { letters: 'Ş, İ', replacements: 'Ş → S, İ → I', suggestion: 'SEKERCI' },
        },
      ],
      warnings: [],
    });
    expect(validateSmsSender('Kılıç')).toMatchObject({
      ok: false,
      errors: [{ params: { letters: 'ı, ç' } }],
    });
  });

  it('refuses bad lengths and characters', () => {
    expect(errorCode(validateSmsSender('AB'))).toBe('validation.smsSender.length');
    expect(errorCode(validateSmsSender('ABCDEFGHIJKL'))).toBe('validation.smsSender.length');
    expect(validateSmsSender('AC#ME')).toMatchObject({ ok: false, errors: [{ params: { char: '#' } }] });
  });
});

describe('İYSKod, BrandKod and application number', () => {
  it('accepts 5–8 digits silently and warns outside that range', () => {
    expect(validateIysCode('123456')).toEqual({ ok: true, value: '123456', warnings: [] });
    expect(validateIysCode(' 12 345 678 ')).toMatchObject({ ok: true, value: '12345678', warnings: [] });
    expect(validateIysCode('1234').warnings).toEqual([
      { code: 'validation.iysCode.unusualLength', severity: 'warning', params: { length: 4 } },
    ]);
    expect(validateBrandCode('1234567890')).toMatchObject({
      ok: true,
      warnings: [{ code: 'validation.brandCode.unusualLength' }],
    });
  });

  it('refuses non-digits and more than 10 digits', () => {
    expect(errorCode(validateIysCode('12345678901'))).toBe('validation.iysCode.format');
    expect(errorCode(validateIysCode('MX3ZB5JA'))).toBe('validation.iysCode.format');
    expect(errorCode(validateBrandCode('12a45'))).toBe('validation.brandCode.format');
  });

  it('always reminds that the application number is not the İYSKod', () => {
    const notIysCode = { code: 'validation.applicationNo.notIysCode', severity: 'warning' };
    expect(validateApplicationNo('mx3zb5ja')).toEqual({
      ok: true,
      value: 'MX3ZB5JA',
      warnings: [notIysCode],
    });
    expect(validateApplicationNo('MX3')).toMatchObject({
      ok: false,
      errors: [{ code: 'validation.applicationNo.format' }],
      warnings: [notIysCode],
    });
    expect(errorCode(validateApplicationNo('MX3ZB5JA12345'))).toBe('validation.applicationNo.format');
  });
});

describe('trade title and names', () => {
  it('accepts 2–250 characters after collapsing spaces', () => {
    expect(validateTradeTitle('  Örnek   Ticaret A.Ş. ')).toMatchObject({
      ok: true,
      value: 'Örnek Ticaret A.Ş.',
    });
    expect(validateTradeTitle('Ab')).toMatchObject({ ok: true });
    expect(validateTradeTitle('Ş'.repeat(250))).toMatchObject({ ok: true });
  });

  it('refuses 1 and 251 characters', () => {
    expect(validateTradeTitle('A')).toMatchObject({
      ok: false,
      errors: [{ code: 'validation.tradeTitle.length', params: { min: 2, max: 250, length: 1 } }],
    });
    expect(errorCode(validateTradeTitle('x'.repeat(251)))).toBe('validation.tradeTitle.length');
  });

  it('wants letters in a person name', () => {
    expect(validatePersonName('Ayşe Yıldız')).toMatchObject({ ok: true });
    expect(errorCode(validatePersonName('12345'))).toBe('validation.personName.invalid');
  });
});

describe('counts', () => {
  it.each([
    ['1500', 1500],
    ['1.500', 1500],
    ['1,500', 1500],
    ['1 500', 1500],
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1.500,00', 1500],
    ['1,500.00', 1500],
    ['150,00', 150],
    ['0', 0],
    [' 42 ', 42],
  ])('reads %s as %d', (input, expected) => {
    expect(validateCount(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each(['1,5', '1.50', '1.5', '1.500,000', '1.500.00', '1000.000', '12,000.50', 'abc', '1e3'])(
    'refuses the ambiguous or non-integer %s',
    (input) => {
      expect(errorCode(validateCount(input))).toBe('validation.count.notInteger');
    },
  );

  it('handles numbers and negatives', () => {
    expect(validateCount(250000)).toMatchObject({ ok: true, value: 250000 });
    expect(errorCode(validateCount(1.5))).toBe('validation.count.notInteger');
    expect(errorCode(validateCount(-1))).toBe('validation.count.negative');
    expect(errorCode(validateCount('-1.500'))).toBe('validation.count.negative');
  });
});

describe('zod schemas', () => {
  it('output normalised values and carry the issue code as message', () => {
    expect(provinceSchema.parse('istanbul')).toBe('İstanbul');
    expect(vknSchema.parse('454 053 6920')).toBe('4540536920');
    expect(countSchema.parse('1.500')).toBe(1500);
    expect(mersisSchema.parse('0454053692000015')).toBe('0454053692000015');
    const failed = smsSenderSchema.safeParse('ŞEKER');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]).toMatchObject({
      code: 'custom',
      message: 'validation.smsSender.turkishLetter',
      params: { letters: 'Ş' },
    });
    expect(vknSchema.safeParse('4540536921').error?.issues[0]?.message).toBe('validation.vkn.checksum');
  });
});
