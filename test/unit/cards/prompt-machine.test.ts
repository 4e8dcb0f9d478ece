import { parsePromptState } from '../../../cards/prompts/prompt-state';
import { answer, currentFieldId, start } from '../../../cards/prompts/prompt-machine';
import { WHATSAPP_LIMITS, type PromptMessage, type PromptStep } from '../../../cards/prompts/prompt-types';
import { FORM_IDS, getFormSpec, parseFormSubmit, type FormId } from '../../../src/domain/forms';
import type { Locale } from '../../../src/i18n';
import { FORM_SAMPLES } from '../forms/form-samples';

function expectWhatsAppLimits(message: PromptMessage): void {
  const choices = message.choices ?? [];
  const titleMax = message.style === 'buttons' ? WHATSAPP_LIMITS.buttonTitle : WHATSAPP_LIMITS.rowTitle;
  if (message.style === 'buttons') expect(choices.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.maxButtons);
  if (message.style === 'list') expect(choices.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.maxRows);
  if (message.style === 'text') expect(choices).toEqual([]);
  for (const choice of choices) {
    expect(Array.from(choice.title).length).toBeLessThanOrEqual(titleMax);
    expect(Array.from(choice.description ?? '').length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowDescription);
  }
}

/** Answers each question with the sample's raw value, checking every message on the way. */
function walk(id: FormId, locale: Locale): { steps: PromptStep[]; last: PromptStep } {
  const { params, raw } = FORM_SAMPLES[id];
  let step = start(getFormSpec(id, params), {}, locale);
  const steps = [step];
  for (let guard = 0; guard < 30 && step.state.phase === 'asking'; guard += 1) {
    const field = currentFieldId(step.state) ?? '';
    step = answer(step.state, raw[field] ?? 'atla');
    steps.push(step);
  }
  step = answer(step.state, 'confirm');
  steps.push(step);
  return { steps, last: step };
}

describe('walking every form in chat gives the card route’s patch', () => {
  test.each(FORM_IDS.flatMap((id) => [[id, 'tr'] as const, [id, 'en'] as const]))('%s (%s)', (id, locale) => {
    const { steps, last } = walk(id, locale);
    const { params, raw } = FORM_SAMPLES[id];
    const spec = getFormSpec(id, params);
    const card = parseFormSubmit(spec, { ...raw, verb: 'form.submit', formId: id, nonce: 'n' }, 'n');
    expect(last.state.phase).toBe('done');
    expect(last.result?.patch).toEqual(card.ok ? card.patch : 'card route failed');
    for (const step of steps) {
      expectWhatsAppLimits(step.message);
      expect(parsePromptState(JSON.parse(JSON.stringify(step.state)))).toEqual(step.state);
    }
  });
});

describe('company form in chat', () => {
  const spec = getFormSpec('company');

  test('starts with the MERSİS yes/no as two buttons', () => {
    const first = start(spec);
    expect(currentFieldId(first.state)).toBe('hasMersis');
    expect(first.message.style).toBe('buttons');
    expect(first.message.choices?.map((c) => c.title)).toEqual(['Evet', 'Hayır']);
    expect(first.message.text).toContain('(1/9)');
  });

  test('“Hayır” skips the MERSİS number; typed “Evet” asks for it', () => {
    expect(currentFieldId(answer(start(spec).state, 'false').state)).toBe('tradeTitle');
    expect(currentFieldId(answer(start(spec).state, 'evet').state)).toBe('mersisNo');
  });

  test('an invalid answer is re-asked with the reason and nothing is lost', () => {
    let step = answer(start(spec).state, 'Hayır');
    step = answer(step.state, 'Örnek Ticaret A.Ş.');
    const refused = answer(step.state, '4540536921');
    expect(refused.message.text).toContain(
      'Bu yanıtı kabul edemedim: Bu vergi kimlik numarası geçerli değil',
    );
    expect(currentFieldId(refused.state)).toBe('vkn');
    expect(refused.state.values).toEqual(step.state.values);
    expect(currentFieldId(answer(refused.state, '4540536920').state)).toBe('taxOffice');
  });

  test('“geri” goes back to the previous question; at the first one it says so', () => {
    const atStart = answer(start(spec).state, 'geri');
    expect(atStart.message.text).toContain('Bu ilk soru');
    let step = answer(start(spec).state, 'Hayır');
    step = answer(step.state, 'Örnek Ticaret A.Ş.');
    const back = answer(step.state, 'Geri');
    expect(currentFieldId(back.state)).toBe('tradeTitle');
    expect(back.state.values).toEqual({ hasMersis: 'false' });
  });

  test('an example from a card placeholder is not introduced twice', () => {
    const prefill = { ...FORM_SAMPLES.company.raw, district: '', address: '' };
    const asked = start(spec, prefill);
    expect(currentFieldId(asked.state)).toBe('district');
    expect(asked.message.text).toContain('Örnek: Şişli');
    expect(asked.message.text).not.toContain('Örn.');
    expect(start(spec, prefill, 'en').message.text).toContain('Example: Şişli');
  });

  test('required questions cannot be skipped', () => {
    const step = answer(answer(start(spec).state, 'Hayır').state, 'atla');
    expect(step.message.text).toContain('Bu soru zorunlu, atlanamaz.');
    expect(currentFieldId(step.state)).toBe('tradeTitle');
  });

  test('the 81 provinces are typed, matched loosely and suggested when misspelt', () => {
    const prefill = { ...FORM_SAMPLES.company.raw, city: '', district: '', address: '' };
    const asked = start(spec, prefill);
    expect(currentFieldId(asked.state)).toBe('city');
    expect(asked.message.style).toBe('text');
    expect(asked.message.choices).toBeUndefined();
    const typo = answer(asked.state, 'Istanbol');
    expect(typo.message.text).toContain('İstanbul');
    expect(currentFieldId(typo.state)).toBe('city');
    const ok = answer(asked.state, 'istanbul');
    expect(currentFieldId(ok.state)).toBe('district');
  });

  test('prefilled valid values are not asked again; invalid ones are', () => {
    const step = start(spec, { hasMersis: false, tradeTitle: 'Örnek A.Ş.', vkn: '1' });
    expect(currentFieldId(step.state)).toBe('vkn');
    expect(step.message.text).toContain('(1/7)');
    expect(answer(step.state, 'geri').message.text).toContain('Bu ilk soru');
  });

  test('the summary masks nothing of the company but confirms with three buttons', () => {
    const { steps } = walk('company', 'tr');
    const summary = steps[steps.length - 2];
    expect(summary?.state.phase).toBe('confirming');
    expect(summary?.message.choices?.map((c) => c.id)).toEqual(['confirm', 'back', 'restart']);
    expect(summary?.message.text).toContain('• Ticari unvan: Örnek Ticaret Anonim Şirketi');
  });
});

describe('other forms in chat', () => {
  test('optional questions can be skipped with “atla”', () => {
    let step = start(getFormSpec('brand'));
    step = answer(step.state, 'Örnek');
    expect(step.message.text).toContain('“atla”');
    step = answer(step.state, 'atla');
    expect(currentFieldId(step.state)).toBe('callNumbers');
    expect(step.state.values.smsSenders).toBe('');
  });

  test('a passport signatory is asked for the passport, never the TCKN, and personal data is masked in the summary', () => {
    let step = start(getFormSpec('signatory'), {}, 'en');
    step = answer(step.state, 'passport');
    expect(currentFieldId(step.state)).toBe('signatoryPassport');
    for (const text of ['U1234567', 'John Smith', 'john@ornek.com.tr', '05321234567'])
      step = answer(step.state, text);
    expect(step.state.phase).toBe('confirming');
    expect(step.message.text).not.toContain('John Smith');
    expect(step.message.text).toContain('J*** S****');
  });

  test('warnings are said but accepted', () => {
    let step = start(getFormSpec('signatory'));
    for (const text of ['tckn', '17291716060', 'Ayşe Yılmaz', 'ayse@gmail.com'])
      step = answer(step.state, text);
    expect(step.message.text).toContain('Not: İYS kurumsal bir e-posta adresi bekler');
    expect(currentFieldId(step.state)).toBe('signatoryMobile');
  });

  test('four rights choices become a list; multi-select channels are typed as numbers', () => {
    let step = start(getFormSpec('partnerRights', { brand: 'Örnek' }));
    expect(step.message.style).toBe('list');
    expect(step.message.choices).toHaveLength(4);
    for (const text of ['readWrite', 'Yalnızca okuma', '4', 'Evet', 'Turkcell'])
      step = answer(step.state, text);
    expect(currentFieldId(step.state)).toBe('ahs.channels');
    expect(step.message.text).toContain('1) Mesaj (SMS)');
    step = answer(step.state, '1, 3');
    expect(step.state.values['ahs.channels']).toBe('MESAJ,EPOSTA');
    const done = answer(step.state, 'Onayla');
    expect(done.result?.patch).toMatchObject({
      partnerRights: {
        Örnek: { ARAMA: { read: true, write: false }, EPOSTA: { read: false, write: false } },
      },
      ahs: { Örnek: [{ name: 'Turkcell', channels: ['MESAJ', 'EPOSTA'] }] },
    });
  });

  test('a finished prompt stays finished; huge answers are refused, not crashed on', () => {
    const { last } = walk('route', 'tr');
    expect(answer(last.state, 'hello').state.phase).toBe('done');
    const huge = answer(start(getFormSpec('application')).state, 'A'.repeat(100_000));
    expect(huge.message.text).toContain('En fazla 40 karakter');
  });
});
