import { z } from 'zod/v4';
import { checkForm, hasIssues } from './check-form';
import type { FormSpec } from './form-spec';
import { MAX_RAW_INPUT } from './raw-input';
import type { ValidationContext } from '../validation';

/**
 * The whole form as one zod schema: raw string inputs in, typed case patch out. Field issues become zod
 * issues with the field id as path and the i18n code as message. Useful wherever only zod fits (admin
 * API, re-validating stored drafts); `parseFormSubmit` adds nonce checks and keeps warnings.
 */
export function formSchema<TPatch>(
  spec: FormSpec<TPatch>,
  context?: ValidationContext,
): z.ZodType<TPatch, Record<string, string>> {
  const inputs = z.record(z.string(), z.string().max(MAX_RAW_INPUT));
  return inputs.transform((raw, ctx) => {
    const check = checkForm(spec, raw, context);
    if (!hasIssues(check.errors)) return spec.toPatch(check.values);
    for (const [field, issues] of Object.entries(check.errors)) {
      for (const issue of issues)
        ctx.addIssue({ code: 'custom', path: [field], message: issue.code, input: raw[field] });
    }
    return z.NEVER;
  });
}
