import { cardByteSize, type AdaptiveCardJson } from '../../../cards/card-json';
import { renderFormCard } from '../../../cards/form-card';
import { getFormSpec } from '../../../src/domain/forms';
import { checkCard } from './adaptive-cards-lib';
import { formCards, NONCE, readOnlyCards } from './card-fixtures';
import { cardInputs } from './simulate-submit';

const MAX_CARD_BYTES = 28 * 1024;
const all = [...formCards('tr'), ...formCards('en'), ...readOnlyCards('tr'), ...readOnlyCards('en')];

describe('every card is valid Adaptive Card 1.5 and small enough for Teams', () => {
  test.each(all.map((c) => [c.name, c.card] as const))('%s', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(checkCard(card)).toEqual({ parseEvents: [], validationEvents: [] });
    expect(cardByteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  test('the checker does catch a broken card', () => {
    const broken = {
      type: 'AdaptiveCard',
      $schema: '',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'x', isRequired: true }, { type: 'Input.Nope' }],
    } as AdaptiveCardJson;
    const result = checkCard(broken);
    expect(result.parseEvents.length + result.validationEvents.length).toBeGreaterThan(0);
  });

  test('the largest realistic card (İYS codes for 30 brands, every field in error) stays under 28 KB', () => {
    const brands = Array.from({ length: 30 }, (_, i) => `Örnek Marka ${i + 1} Gıda ve İhtiyaç Maddeleri`);
    const spec = getFormSpec('iysCodes', { brands });
    const errors = Object.fromEntries(
      spec.fields.map((f) => [f.id, [{ code: 'validation.brandCode.format', severity: 'error' as const }]]),
    );
    const card = renderFormCard({ spec, errors, locale: 'tr', nonce: NONCE });
    expect(checkCard(card)).toEqual({ parseEvents: [], validationEvents: [] });
    expect(cardByteSize(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe('form card content', () => {
  const spec = getFormSpec('company');
  const card = renderFormCard({
    spec,
    values: { hasMersis: true, tradeTitle: 'Örnek A.Ş.', city: 'İzmir' },
    errors: { vkn: [{ code: 'validation.vkn.checksum', severity: 'error' }] },
    warnings: {
      mersisNo: [
        { code: 'validation.mersis.vknMismatch', severity: 'warning', params: { vkn: '4540536920' } },
      ],
    },
    locale: 'tr',
    nonce: NONCE,
  });
  const inputs = cardInputs(card);
  const byId = (id: string) => inputs.find((i) => i.id === id);
  const text = JSON.stringify(card);

  test('actions carry verb, formId and nonce; cancel does not validate inputs', () => {
    expect(card.actions?.map((a) => a.data)).toEqual([
      { verb: 'form.submit', formId: 'company', nonce: NONCE },
      { verb: 'form.cancel', formId: 'company', nonce: NONCE },
    ]);
    expect(card.actions?.[1]).toMatchObject({ associatedInputs: 'none' });
  });

  test('inputs are labelled, prefilled, required where unconditional', () => {
    expect(byId('tradeTitle')).toMatchObject({
      type: 'Input.Text',
      label: 'Ticari unvan',
      isRequired: true,
      value: 'Örnek A.Ş.',
    });
    expect(byId('hasMersis')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', value: 'true' });
    expect(byId('mersisNo')?.isRequired).toBeUndefined();
    expect(byId('phone')).toMatchObject({ style: 'Tel' });
    expect(byId('address')).toMatchObject({ isMultiline: true });
  });

  test('the province is a filtered choice set of the 81 provinces', () => {
    const city = byId('city');
    expect(city).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', value: 'İzmir' });
    expect((city?.choices as unknown[]).length).toBe(81);
  });

  test('server-side errors and warnings are shown under their inputs', () => {
    expect(text).toContain('Bu vergi kimlik numarası geçerli değil');
    expect(text).toContain('"color":"attention"');
    expect(text).toContain('Not: MERSİS numarasının');
    expect(text).toContain('"color":"warning"');
  });

  test('multi-select choice sets and toggles', () => {
    const rights = renderFormCard({
      spec: getFormSpec('partnerRights', { brand: 'X', addressCount: 10 }),
      locale: 'en',
      nonce: NONCE,
    });
    const ids = cardInputs(rights);
    expect(ids.find((i) => i.id === 'ahs.channels')).toMatchObject({ isMultiSelect: true });
    expect(ids.find((i) => i.id === 'under5000Declared')).toMatchObject({
      type: 'Input.Toggle',
      valueOn: 'true',
      isRequired: true,
    });
    expect(ids.find((i) => i.id === 'partnerRights.reconciliation')).toMatchObject({
      type: 'Input.Toggle',
      value: 'false',
    });
  });

  test('counts use Input.Number unless the typed value cannot be held by it', () => {
    const stats = getFormSpec('statistics');
    const inputsOf = (value: string) =>
      cardInputs(
        renderFormCard({ spec: stats, values: { statsRefusals: value }, locale: 'tr', nonce: NONCE }),
      );
    expect(inputsOf('35').find((i) => i.id === 'statsRefusals')).toMatchObject({
      type: 'Input.Number',
      value: 35,
      min: 0,
    });
    expect(inputsOf('1,5').find((i) => i.id === 'statsRefusals')).toMatchObject({
      type: 'Input.Text',
      value: '1,5',
    });
  });
});
