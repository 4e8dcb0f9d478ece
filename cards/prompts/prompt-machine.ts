import { translator, type Locale, type Translator } from '../../src/i18n';
import {
  checkForm,
  formatFieldValue,
  getFormSpec,
  hasIssues,
  isFieldActive,
  validateField,
  type FieldSpec,
  type FormPatch,
  type FormSpec,
  type FormValues,
} from '../../src/domain/forms';
import { describeIssues } from '../issue-text';
import { toRawAnswer } from './prompt-choices';
import { askField, summaryMessage } from './prompt-question';
import { fold, isBack, isNone, isSkip } from './prompt-text';
import type { PromptState, PromptStep } from './prompt-types';

const CONFIRM_WORDS = new Set(['confirm', 'onayla', 'onay', 'evet', 'yes', 'tamam', 'ok']);
const RESTART_WORDS = new Set(['restart', 'bastan', 'bastan basla', 'yeniden']);

function activeFields(spec: FormSpec<FormPatch>, values: FormValues): FieldSpec[] {
  return spec.fields.filter((field) => isFieldActive(field, values));
}

/** The next question: the first active field without an answer, in spec order. */
function nextField(spec: FormSpec<FormPatch>, state: PromptState): FieldSpec | undefined {
  return activeFields(spec, state.values).find((field) => !(field.id in state.values));
}

function ask(
  spec: FormSpec<FormPatch>,
  state: PromptState,
  tr: Translator,
  preface: string[] = [],
): PromptStep {
  const field = nextField(spec, state);
  if (!field) return confirm(spec, { ...state, phase: 'confirming' }, tr, preface);
  // Progress counts what the user is asked: prefilled fields (answered but not in history) are left out.
  const askable = activeFields(spec, state.values).filter(
    (f) => !(f.id in state.values) || state.history.includes(f.id),
  );
  const position = askable.findIndex((f) => f.id === field.id) + 1;
  const context = { tr, position, total: askable.length, canGoBack: state.history.length > 0, preface };
  return { state: { ...state, phase: 'asking' }, message: askField(field, context) };
}

function confirm(
  spec: FormSpec<FormPatch>,
  state: PromptState,
  tr: Translator,
  preface: string[] = [],
): PromptStep {
  const check = checkForm(spec, state.values);
  const firstError = activeFields(spec, state.values).find((f) => check.errors[f.id]);
  if (firstError) {
    // A prefilled value may have gone stale (e.g. its condition changed): ask that field again.
    const values = { ...state.values };
    delete values[firstError.id];
    return ask(spec, { ...state, values }, tr, [
      ...preface,
      ...describeIssues(tr, check.errors[firstError.id]),
    ]);
  }
  return {
    state,
    message: summaryMessage(tr, spec, activeFields(spec, state.values), check.values, preface),
  };
}

/** Keeps only prefilled values that are valid on their own, so nothing valid is asked twice. */
function usablePrefill(spec: FormSpec<FormPatch>, values: FormValues): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const field of spec.fields) {
    const text = formatFieldValue(values[field.id]);
    if (text.trim() === '') continue;
    if (validateField(field, text).errors.length === 0) raw[field.id] = text;
  }
  return raw;
}

/** Starts asking a form; fields already filled with valid values and fields whose `when` is false are skipped. */
export function start(spec: FormSpec<FormPatch>, values: FormValues = {}, locale: Locale = 'tr'): PromptStep {
  const state: PromptState = {
    version: 1,
    formId: spec.id,
    params: spec.params,
    locale,
    values: usablePrefill(spec, values),
    history: [],
    phase: 'asking',
  };
  return ask(spec, state, translator(locale));
}

function goBack(spec: FormSpec<FormPatch>, state: PromptState, tr: Translator): PromptStep {
  const previous = state.history[state.history.length - 1];
  if (previous === undefined) return ask(spec, state, tr, [tr('cards.prompt.atStart')]);
  const values = { ...state.values };
  delete values[previous];
  return ask(spec, { ...state, values, history: state.history.slice(0, -1) }, tr);
}

function record(
  spec: FormSpec<FormPatch>,
  state: PromptState,
  field: FieldSpec,
  raw: string,
  tr: Translator,
): PromptStep {
  const context = spec.context?.({ ...state.values, [field.id]: raw });
  const outcome = validateField(field, raw, context);
  if (outcome.errors.length > 0) {
    const reason = describeIssues(tr, outcome.errors).join(' ');
    return { ...ask(spec, state, tr, [tr('cards.prompt.invalid', { reason })]), refused: field.id };
  }
  const notes = describeIssues(tr, outcome.warnings).map((message) => tr('cards.form.warning', { message }));
  const values = { ...state.values, [field.id]: raw };
  return ask(spec, { ...state, values, history: [...state.history, field.id] }, tr, notes);
}

function answerField(
  spec: FormSpec<FormPatch>,
  state: PromptState,
  input: string,
  tr: Translator,
): PromptStep {
  const field = nextField(spec, state);
  if (!field) return confirm(spec, { ...state, phase: 'confirming' }, tr);
  if (isBack(input)) return goBack(spec, state, tr);
  const skipping = isSkip(input) || (!field.required && isNone(input) && !field.choices);
  if (skipping && field.required) return ask(spec, state, tr, [tr('cards.prompt.cannotSkip')]);
  if (skipping) return record(spec, state, field, field.kind === 'toggle' ? 'false' : '', tr);
  return record(spec, state, field, toRawAnswer(tr, field, input), tr);
}

function answerConfirm(
  spec: FormSpec<FormPatch>,
  state: PromptState,
  input: string,
  tr: Translator,
): PromptStep {
  const word = fold(input);
  if (isBack(input)) return goBack(spec, state, tr);
  if (RESTART_WORDS.has(word)) return ask(spec, { ...state, values: {}, history: [] }, tr);
  if (!CONFIRM_WORDS.has(word)) return confirm(spec, state, tr, [tr('cards.prompt.pickButton')]);
  const check = checkForm(spec, state.values);
  if (hasIssues(check.errors)) return confirm(spec, state, tr);
  const done: PromptState = { ...state, phase: 'done' };
  return {
    state: done,
    message: { text: tr('cards.prompt.saved'), style: 'text' },
    result: { patch: spec.toPatch(check.values), warnings: check.warnings },
  };
}

/** The open question again, unchanged (the customer came back to the form after something else). */
export function repeat(state: PromptState): PromptStep {
  const spec = getFormSpec(state.formId, state.params);
  const tr = translator(state.locale);
  if (state.phase === 'asking') return ask(spec, state, tr);
  return answer(state, '');
}

/** The field the state is waiting for (undefined while confirming or done), e.g. for logs or tests. */
export function currentFieldId(state: PromptState): string | undefined {
  if (state.phase !== 'asking') return undefined;
  return nextField(getFormSpec(state.formId, state.params), state)?.id;
}

/**
 * Takes one chat answer (typed text or a button/list reply id) and returns the new state and what to say.
 * Pure: the same state and input always give the same step; the state is plain JSON.
 */
export function answer(state: PromptState, input: string): PromptStep {
  const spec = getFormSpec(state.formId, state.params);
  const tr = translator(state.locale);
  const text = input.length > 4000 ? input.slice(0, 4000) : input;
  if (state.phase === 'done') return { state, message: { text: tr('cards.prompt.saved'), style: 'text' } };
  if (state.phase === 'confirming') return answerConfirm(spec, state, text, tr);
  return answerField(spec, state, text, tr);
}
