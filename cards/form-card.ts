import { translator, type Locale, type Translator } from '../src/i18n';
import type { FieldIssues, FieldSpec, FormSpec, FormValues } from '../src/domain/forms';
import { FORM_CANCEL_VERB, FORM_SUBMIT_VERB, hasIssues } from '../src/domain/forms';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { heading, textBlock } from './card-parts';
import { fieldInput } from './field-input';
import { describeIssues } from './issue-text';

export interface FormCardOptions {
  readonly spec: FormSpec;
  /** Current values keyed by field id: typed case values or the raw strings of a refused submit. */
  readonly values?: FormValues;
  readonly errors?: FieldIssues;
  readonly warnings?: FieldIssues;
  readonly locale: Locale;
  readonly nonce: string;
}

function fieldBlock(tr: Translator, field: FieldSpec, options: FormCardOptions): CardElement {
  const items: CardElement[] = [fieldInput(tr, field, options.values?.[field.id])];
  if (field.help) items.push(textBlock(tr(field.help), { size: 'small', isSubtle: true, spacing: 'small' }));
  for (const text of describeIssues(tr, options.errors?.[field.id])) {
    items.push(textBlock(text, { size: 'small', color: 'attention', weight: 'bolder', spacing: 'small' }));
  }
  for (const text of describeIssues(tr, options.warnings?.[field.id])) {
    items.push(
      textBlock(tr('cards.form.warning', { message: text }), {
        size: 'small',
        color: 'warning',
        spacing: 'small',
      }),
    );
  }
  return { type: 'Container', items, spacing: 'medium' };
}

/**
 * A form as an Adaptive Card 1.5: one input per field (conditional ones included, marked by their help text,
 * since a card cannot hide them without client logic), server-side errors under their inputs, and submit /
 * cancel actions carrying `{verb, formId, nonce}`.
 */
export function renderFormCard(options: FormCardOptions): AdaptiveCardJson {
  const { spec, locale, nonce } = options;
  const tr = translator(locale);
  const body: CardElement[] = heading(
    tr(spec.title, spec.titleParams),
    spec.intro ? tr(spec.intro) : undefined,
  );
  if (options.errors && hasIssues(options.errors)) {
    body.push(textBlock(tr('cards.form.fixErrors'), { color: 'attention', weight: 'bolder' }));
  }
  body.push(...spec.fields.map((field) => fieldBlock(tr, field, options)));
  const data = (verb: string) => ({ verb, formId: spec.id, nonce });
  const actions: CardElement[] = [
    {
      type: 'Action.Submit',
      title: tr('cards.form.submit'),
      style: 'positive',
      data: data(FORM_SUBMIT_VERB),
    },
    {
      type: 'Action.Submit',
      title: tr('cards.form.cancel'),
      associatedInputs: 'none',
      data: data(FORM_CANCEL_VERB),
    },
  ];
  return adaptiveCard(body, actions);
}
