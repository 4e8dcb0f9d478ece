import { z } from 'zod/v4';
import { checkForm, hasIssues } from './check-form';
import type { FieldIssues, FormSpec, RawFormValues } from './form-spec';
import { readRawInputs } from './raw-input';
import type { ValidationContext } from '../validation';

export const FORM_SUBMIT_VERB = 'form.submit';
export const FORM_CANCEL_VERB = 'form.cancel';

/** The data every form card action carries (DESIGN.md principle 5). */
export const cardActionSchema = z.object({
  verb: z.string().max(64),
  formId: z.string().max(64),
  nonce: z.string().max(128),
});
export type CardActionData = z.infer<typeof cardActionSchema>;

export type SubmitFailureReason = 'stale' | 'wrong_form' | 'malformed' | 'invalid';

export type SubmitResult<TPatch> =
  | { readonly ok: true; readonly patch: TPatch; readonly warnings: FieldIssues }
  | {
      readonly ok: false;
      readonly reason: SubmitFailureReason;
      readonly fieldErrors: FieldIssues;
      readonly warnings: FieldIssues;
      /** What the user typed (capped), to re-render the card without losing anything. */
      readonly values: RawFormValues;
    };

function failure<T>(
  reason: SubmitFailureReason,
  values: RawFormValues = {},
  fieldErrors: FieldIssues = {},
  warnings: FieldIssues = {},
): SubmitResult<T> {
  return { ok: false, reason, fieldErrors, warnings, values };
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates an Adaptive Card submit (Action.Submit data merged with the inputs) against a form spec.
 * Never throws: whatever arrives is either a typed case patch or a reason with per-field errors.
 */
export function parseFormSubmit<TPatch>(
  spec: FormSpec<TPatch>,
  rawActivityValue: unknown,
  expectedNonce: string,
  context?: ValidationContext,
): SubmitResult<TPatch> {
  try {
    if (!isPlainObject(rawActivityValue)) return failure('malformed');
    const envelope = cardActionSchema.safeParse(rawActivityValue);
    if (!envelope.success || envelope.data.verb !== FORM_SUBMIT_VERB) return failure('malformed');
    if (envelope.data.formId !== spec.id) return failure('wrong_form');
    if (envelope.data.nonce.length === 0 || envelope.data.nonce !== expectedNonce) return failure('stale');
    const { raw, rejected } = readRawInputs(spec, rawActivityValue);
    const check = checkForm(spec, raw, context);
    const errors = { ...check.errors, ...rejected };
    if (hasIssues(errors)) return failure('invalid', raw, errors, check.warnings);
    return { ok: true, patch: spec.toPatch(check.values), warnings: check.warnings };
  } catch {
    // A validator bug must not take the turn down; the card is shown again with its values.
    return failure('malformed');
  }
}
