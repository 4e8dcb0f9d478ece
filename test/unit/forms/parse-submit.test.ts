import fc from 'fast-check';
import { renderFormCard } from '../../../cards/form-card';
import { parseCasePatch } from '../../../src/domain/case';
import {
  FORM_IDS,
  formSchema,
  getFormSpec,
  mergeFormPatch,
  parseFormSubmit,
  type FormId,
} from '../../../src/domain/forms';
import { simulateSubmit } from '../cards/simulate-submit';
import { FORM_SAMPLES } from './form-samples';

const NONCE = 'nonce-123';

function sampleCard(id: FormId) {
  const sample = FORM_SAMPLES[id];
  const spec = getFormSpec(id, sample.params);
  return { spec, card: renderFormCard({ spec, values: sample.raw, locale: 'tr', nonce: NONCE }) };
}

describe('card submit → zod → case patch', () => {
  test.each([...FORM_IDS])('%s round trips and the case model accepts the patch', (id) => {
    const { spec, card } = sampleCard(id);
    const result = parseFormSubmit(spec, simulateSubmit(card), NONCE);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.patch).toEqual(formSchema(spec).parse(FORM_SAMPLES[id].raw));
    const casePatch = parseCasePatch(mergeFormPatch(spec, result.patch, {}));
    expect(casePatch.ok ? [] : casePatch.errors).toEqual([]);
  });

  test('company without MERSİS ignores a leftover MERSİS number', () => {
    const { spec, card } = sampleCard('company');
    const result = parseFormSubmit(
      spec,
      simulateSubmit(card, 'form.submit', { hasMersis: 'false', mersisNo: 'xx' }),
      NONCE,
    );
    expect(result.ok && result.patch).toMatchObject({ hasMersis: false });
    expect(result.ok && 'mersisNo' in result.patch).toBe(false);
  });

  test('company with MERSİS requires the number and warns when it does not match the VKN', () => {
    const spec = getFormSpec('company');
    const base = { ...FORM_SAMPLES.company.raw, verb: 'form.submit', formId: 'company', nonce: NONCE };
    const missing = parseFormSubmit(spec, { ...base, mersisNo: '' }, NONCE);
    expect(!missing.ok && missing.fieldErrors.mersisNo?.[0]?.code).toBe('forms.issue.required');
    const mismatch = parseFormSubmit(spec, { ...base, mersisNo: '0123456789000015' }, NONCE);
    expect(mismatch.ok && mismatch.warnings.mersisNo?.[0]?.code).toBe('validation.mersis.vknMismatch');
  });

  test('signatory with a passport drops the TCKN and validates the passport', () => {
    const spec = getFormSpec('signatory');
    const base = { ...FORM_SAMPLES.signatory.raw, verb: 'form.submit', formId: 'signatory', nonce: NONCE };
    const result = parseFormSubmit(
      spec,
      { ...base, signatoryIdType: 'passport', signatoryPassport: 'u 1234 5678' },
      NONCE,
    );
    expect(result.ok && result.patch).toEqual(expect.objectContaining({ signatoryPassport: 'U12345678' }));
    expect(result.ok && 'signatoryTckn' in result.patch).toBe(false);
  });

  test('each SMS sender name is validated and a bad one is named', () => {
    const spec = getFormSpec('brand');
    const raw = {
      ...FORM_SAMPLES.brand.raw,
      smsSenders: 'ORNEK, ŞEKER, AB',
      verb: 'form.submit',
      formId: 'brand',
      nonce: NONCE,
    };
    const result = parseFormSubmit(spec, raw, NONCE);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : (result.fieldErrors.smsSenders ?? []);
    expect(issues.map((i) => [i.code, i.params?.item])).toEqual([
      ['validation.smsSender.turkishLetter', 'ŞEKER'],
      ['validation.smsSender.length', 'AB'],
    ]);
  });

  test('a refused submit returns what was typed so the card can be shown again', () => {
    const spec = getFormSpec('statistics');
    const raw = {
      statsMessagesSent: '1,5',
      statsNumbersAdded: '10',
      verb: 'form.submit',
      formId: 'statistics',
      nonce: NONCE,
    };
    const result = parseFormSubmit(spec, raw, NONCE);
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      values: { statsMessagesSent: '1,5', statsNumbersAdded: '10' },
    });
    expect(Object.keys(result.ok ? {} : result.fieldErrors).sort()).toEqual([
      'statsMessagesSent',
      'statsRefusals',
    ]);
  });
});

describe('garbage submits', () => {
  const spec = getFormSpec('company');
  const envelope = { verb: 'form.submit', formId: 'company', nonce: NONCE };

  test.each([
    ['null', null, 'malformed'],
    ['a string', 'hello', 'malformed'],
    ['an array', [envelope], 'malformed'],
    ['no nonce', { verb: 'form.submit', formId: 'company' }, 'malformed'],
    ['a numeric nonce', { ...envelope, nonce: 123 }, 'malformed'],
    ['another verb', { ...envelope, verb: 'form.cancel' }, 'malformed'],
    ['another form', { ...envelope, formId: 'signatory' }, 'wrong_form'],
    ['an old nonce', { ...envelope, nonce: 'old' }, 'stale'],
    ['an empty nonce', { ...envelope, nonce: '' }, 'stale'],
  ])('%s is refused', (_name, value, reason) => {
    expect(parseFormSubmit(spec, value, NONCE)).toMatchObject({ ok: false, reason });
  });

  test('wrong types and huge strings become field errors', () => {
    const value = {
      ...FORM_SAMPLES.company.raw,
      ...envelope,
      tradeTitle: { x: 1 },
      vkn: ['1'],
      address: 'x'.repeat(1_000_000),
    };
    const result = parseFormSubmit(spec, value, NONCE);
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.fieldErrors;
    expect(errors.tradeTitle?.[0]?.code).toBe('forms.issue.wrongType');
    expect(errors.vkn?.[0]?.code).toBe('forms.issue.wrongType');
    expect(errors.address?.[0]?.code).toBe('forms.issue.tooLong');
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  test('random JSON never throws and never passes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseFormSubmit(spec, value, NONCE).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('random inputs under a valid envelope never throw; whatever passes is a valid case patch', () => {
    for (const id of FORM_IDS) {
      const formSpec = getFormSpec(id, FORM_SAMPLES[id].params);
      const fieldValue = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('true', 'false', '0', '12.500'),
        fc.jsonValue(),
      );
      const inputs = fc.dictionary(fc.constantFrom(...formSpec.fields.map((f) => f.id)), fieldValue);
      fc.assert(
        fc.property(inputs, (raw) => {
          const result = parseFormSubmit(
            formSpec,
            { ...raw, verb: 'form.submit', formId: id, nonce: NONCE },
            NONCE,
          );
          if (result.ok) expect(parseCasePatch(mergeFormPatch(formSpec, result.patch, {})).ok).toBe(true);
        }),
        { numRuns: 100 },
      );
    }
  });
});
