import { z } from 'zod/v4';
import { createCase, createMigrator, maskValue, migrateCase } from '../../../src/domain/case';

const at = '2025-03-01T10:00:00.000Z';

describe('migrateCase', () => {
  it('accepts a current v1 case as it is (through JSON, as stored)', () => {
    const stored = JSON.parse(
      JSON.stringify(createCase({ id: 'c1', at, actor: { kind: 'system', id: 'x' } })),
    );
    const result = migrateCase(stored);
    expect(result).toEqual({ ok: true, value: stored, warnings: [] });
  });

  it('refuses newer versions, non-objects and broken documents', () => {
    expect(migrateCase({ schemaVersion: 2 })).toMatchObject({
      ok: false,
      errors: [{ code: 'domain.case.newerVersion', params: { version: 2, supported: 1 } }],
    });
    expect(migrateCase('nope')).toMatchObject({ ok: false, errors: [{ code: 'domain.case.invalid' }] });
    expect(migrateCase({ schemaVersion: 1, id: 'c1' })).toMatchObject({
      ok: false,
      errors: [{ code: 'domain.case.invalid' }],
    });
    // No migration from an unversioned (v0) document exists yet.
    expect(migrateCase({ id: 'c1' })).toMatchObject({
      ok: false,
      errors: [{ code: 'domain.case.noMigration', params: { from: 0, to: 1 } }],
    });
  });

  describe('the mechanism, with made-up versions', () => {
    const V3 = z.object({ schemaVersion: z.literal(3), fullName: z.string(), tags: z.array(z.string()) });
    const migrate = createMigrator(V3, 3, {
      1: (doc) => ({ ...doc, tags: [] }),
      2: ({ first, last, ...rest }) => ({ ...rest, fullName: `${String(first)} ${String(last)}` }),
    });

    it('chains migrations from an older version and reports where it started', () => {
      expect(migrate({ schemaVersion: 1, first: 'Ayşe', last: 'Yıldız' })).toEqual({
        ok: true,
        value: { schemaVersion: 3, fullName: 'Ayşe Yıldız', tags: [] },
        warnings: [],
        migratedFrom: 1,
      });
      expect(migrate({ schemaVersion: 2, first: 'A', last: 'B', tags: ['x'] })).toMatchObject({
        ok: true,
        value: { tags: ['x'] },
        migratedFrom: 2,
      });
    });

    it('fails when a migration is missing or the result does not validate', () => {
      expect(migrate({ first: 'A', last: 'B' })).toMatchObject({
        ok: false,
        errors: [{ code: 'domain.case.noMigration' }],
      });
      expect(migrate({ schemaVersion: 2, first: 'A', last: 'B', tags: 'x' })).toMatchObject({
        ok: false,
        errors: [{ code: 'domain.case.invalid', params: { detail: 'tags' } }],
      });
    });
  });
});

describe('maskValue', () => {
  it('masks personal data fields', () => {
    expect(maskValue('signatoryTckn', '17291716060')).toBe('172******60');
    expect(maskValue('signatoryMobile', '+905321234567')).toBe('+90 5** *** ** 67');
    expect(maskValue('signatoryEmail', 'ahmet.yilmaz@example.com')).toBe('a***@example.com');
    expect(maskValue('signatoryName', 'Ayşe  Yıldız')).toBe('A*** Y*****');
    expect(maskValue('signatoryPassport', 'U12345678')).toBe('U1*****78');
  });

  it('never reveals short or odd values of personal fields', () => {
    expect(maskValue('signatoryTckn', '123')).toBe('***');
    expect(maskValue('signatoryEmail', 'not-an-email')).toBe('***');
    expect(maskValue('signatoryMobile', '+4479')).toBe('*****');
    expect(maskValue('signatoryPassport', 'AB123')).toBe('*****');
    expect(maskValue('signatoryMobile', '+442079460958')).toBe('+44********58');
  });

  it('leaves other fields readable and empty values empty', () => {
    expect(maskValue('tradeTitle', 'Örnek A.Ş.')).toBe('Örnek A.Ş.');
    expect(maskValue('statsMessagesSent', 1500)).toBe('1500');
    expect(maskValue('signatoryTckn', undefined)).toBe('');
  });
});
