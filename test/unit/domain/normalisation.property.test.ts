import fc from 'fast-check';
import {
  normalizeApplicationNo,
  normalizeCount,
  normalizeEmail,
  normalizePassport,
  normalizePhone,
  normalizeProvince,
  normalizeSmsSender,
  normalizeTckn,
  normalizeVkn,
  normalizeWebsite,
  validateContactPhone,
  validateCount,
  validateMobile,
  validateProvince,
  validateVkn,
  validateWebsite,
} from '../../../src/domain/validators';
import { PROVINCES } from '../../../src/domain/provinces';

const idempotent = (normalise: (s: string) => string) => (input: string) =>
  normalise(normalise(input)) === normalise(input);

/** Strings built from the characters people actually type into these fields. */
const typed = (chars: string, maxLength = 24) =>
  fc.array(fc.constantFrom(...chars.split('')), { maxLength }).map((a) => a.join(''));

const phoneLike = fc
  .tuple(
    fc.constantFrom('', '0', '+90', '90', '0090', '+90 (', '('),
    fc.constantFrom('5', '2', '3', '4', '8'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 11 }),
    fc.constantFrom(' ', '-', '', ') '),
  )
  .map(
    ([prefix, first, rest, sep]) =>
      `${prefix}${first}${rest.slice(0, 2).join('')}${sep}${rest.slice(2).join('')}`,
  );

describe('normalisation is idempotent', () => {
  it('phone', () => {
    fc.assert(fc.property(phoneLike, idempotent(normalizePhone)));
    fc.assert(fc.property(fc.string(), idempotent(normalizePhone)));
  });

  it('phone validators: the normalised value validates to itself', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        for (const validate of [validateMobile, validateContactPhone]) {
          const first = validate(input);
          if (first.ok) expect(validate(first.value)).toEqual(first);
        }
      }),
    );
  });

  it('VKN / TCKN / MERSİS / codes', () => {
    const digitsWithSeparators = typed('0123456789 -.', 20);
    fc.assert(fc.property(digitsWithSeparators, idempotent(normalizeVkn)));
    fc.assert(fc.property(digitsWithSeparators, idempotent(normalizeTckn)));
    fc.assert(
      fc.property(digitsWithSeparators, (input) => {
        const first = validateVkn(input);
        if (first.ok) expect(validateVkn(first.value.number)).toEqual(first);
      }),
    );
    fc.assert(fc.property(fc.string(), idempotent(normalizeApplicationNo)));
    fc.assert(fc.property(fc.string(), idempotent(normalizePassport)));
  });

  it('website', () => {
    const hosts = typed('abcçöüxyz0-.', 12);
    const urlLike = fc
      .tuple(
        fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'www.'),
        hosts,
        fc.constantFrom('.com', '.com.tr', '.TR', ''),
        typed('/a?=#%', 6),
      )
      .map(([scheme, host, tld, path]) => `${scheme}${host}${tld}${path}`);
    fc.assert(fc.property(urlLike, idempotent(normalizeWebsite)));
    fc.assert(fc.property(fc.string(), idempotent(normalizeWebsite)));
    fc.assert(
      fc.property(urlLike, (input) => {
        const first = validateWebsite(input);
        if (first.ok) expect(validateWebsite(first.value)).toEqual(first);
      }),
    );
  });

  it('province', () => {
    const spellings = fc
      .tuple(
        fc.constantFrom(...PROVINCES.map((p) => p.name)),
        fc.constantFrom('upper', 'lower', 'ascii', 'plate'),
      )
      .map(([name, style]) => {
        if (style === 'upper') return name.toLocaleUpperCase('tr-TR');
        if (style === 'lower') return name.toLocaleLowerCase('tr-TR');
        if (style === 'plate') return PROVINCES.find((p) => p.name === name)?.plate ?? name;
        return name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/ı/g, 'i')
          .replace(/İ/g, 'I');
      });
    fc.assert(
      fc.property(spellings, (input) => {
        expect(validateProvince(input).ok).toBe(true);
        return idempotent(normalizeProvince)(input);
      }),
    );
    fc.assert(fc.property(fc.string(), idempotent(normalizeProvince)));
  });

  it('e-mail, SMS sender and count', () => {
    fc.assert(fc.property(fc.emailAddress(), idempotent(normalizeEmail)));
    fc.assert(fc.property(fc.string(), idempotent(normalizeEmail)));
    fc.assert(fc.property(fc.string(), idempotent(normalizeSmsSender)));
    const countLike = typed('0123456789., ', 14);
    fc.assert(fc.property(countLike, idempotent(normalizeCount)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const tr = new Intl.NumberFormat('tr-TR').format(n);
        const en = new Intl.NumberFormat('en-US').format(n);
        expect(validateCount(tr)).toMatchObject({ ok: true, value: n });
        expect(validateCount(en)).toMatchObject({ ok: true, value: n });
      }),
    );
  });
});
