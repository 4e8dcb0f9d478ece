import { CASE_FIELD_IDS } from '../../../src/domain/case';
import {
  FORM_IDS,
  findFormSpec,
  formSchema,
  getFormSpec,
  mergeFormPatch,
  splitItems,
} from '../../../src/domain/forms';
import { FORM_SAMPLES } from './form-samples';

/** Brand sub-fields (`brands[].name` …) are canonical ids of the brand form. */
const BRAND_FIELDS = [
  'name',
  'smsSenders',
  'callNumbers',
  'emailSenders',
  'reachBySms',
  'reachByCall',
  'reachByEmail',
];

describe('form specs', () => {
  test.each([...FORM_IDS])('%s: canonical, unique field ids and conditions on earlier fields', (id) => {
    const spec = getFormSpec(id, FORM_SAMPLES[id].params);
    const ids = spec.fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [index, field] of spec.fields.entries()) {
      const root = field.id.split('.')[0] ?? '';
      expect([...CASE_FIELD_IDS, ...BRAND_FIELDS]).toContain(root);
      if (field.when) expect(ids.slice(0, index)).toContain(field.when.field);
      if (field.choices) expect(field.choices.length).toBeGreaterThan(0);
    }
  });

  test('the registry finds specs by id and refuses unknown ids', () => {
    expect(findFormSpec('company')?.id).toBe('company');
    expect(findFormSpec('nope')).toBeUndefined();
    expect(findFormSpec(42)).toBeUndefined();
  });

  test('the İYS codes form has one BrandKod per brand and maps them back by name', () => {
    const spec = getFormSpec('iysCodes', { brands: ['A', 'B', 'A'] });
    expect(spec.fields.map((f) => f.id)).toEqual(['iysCode', 'brandCodes.0', 'brandCodes.1']);
    expect(
      formSchema(spec).parse({ iysCode: '12345', 'brandCodes.0': '123 45', 'brandCodes.1': '99999' }),
    ).toEqual({
      iysCode: '12345',
      brandCodes: { A: '12345', B: '99999' },
    });
  });

  test('the under-5,000 declaration appears only for a small address count', () => {
    const ids = (addressCount?: number) =>
      getFormSpec('partnerRights', { brand: 'X', addressCount }).fields.map((f) => f.id);
    expect(ids(4999)).toContain('under5000Declared');
    expect(ids(5000)).not.toContain('under5000Declared');
    expect(ids()).not.toContain('under5000Declared');
  });

  test('formSchema reports field issues with the field as path and the i18n code as message', () => {
    const result = formSchema(getFormSpec('statistics')).safeParse({ statsMessagesSent: '-3' });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['statsMessagesSent', 'validation.count.negative'],
      ['statsNumbersAdded', 'forms.issue.required'],
      ['statsRefusals', 'forms.issue.required'],
    ]);
  });

  test('multi-value inputs split on commas, semicolons and lines, dropping blanks and duplicates', () => {
    expect(splitItems(' A, B;\nC\r\n\n,A ')).toEqual(['A', 'B', 'C']);
  });
});

describe('mergeFormPatch', () => {
  const brand = (name: string) => ({ name, smsSenders: [], callNumbers: [], emailSenders: [] });

  test('a brand form replaces the edited brand and appends a new one', () => {
    const current = { brands: [brand('Eski'), brand('Diğer')] };
    const edit = getFormSpec('brand', { brand: 'Eski' });
    expect(mergeFormPatch(edit, { brands: [brand('Yeni')] }, current).brands?.map((b) => b.name)).toEqual([
      'Yeni',
      'Diğer',
    ]);
    const add = getFormSpec('brand');
    expect(mergeFormPatch(add, { brands: [brand('Üçüncü')] }, current).brands).toHaveLength(3);
  });

  test('per-brand rights are merged into the existing record', () => {
    const rights = {
      MESAJ: { read: true, write: true },
      ARAMA: { read: false, write: false },
      EPOSTA: { read: true, write: false },
      reconciliation: false,
    };
    const spec = getFormSpec('partnerRights', { brand: 'B' });
    const merged = mergeFormPatch(spec, { partnerRights: { B: rights } }, { partnerRights: { A: rights } });
    expect(Object.keys(merged.partnerRights ?? {})).toEqual(['A', 'B']);
  });
});
