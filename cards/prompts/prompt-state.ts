import { z } from 'zod/v4';
import { LOCALES } from '../../src/i18n';
import { FORM_IDS } from '../../src/domain/forms';
import type { PromptState } from './prompt-types';

const idSchema = z.string().max(80);

/** Prompt state as read back from dialog storage: checked before the machine trusts it. */
export const promptStateSchema = z.object({
  version: z.literal(1),
  formId: z.enum(FORM_IDS),
  params: z.object({
    brands: z.array(z.string().max(200)).max(50).optional(),
    brand: z.string().max(200).optional(),
    addressCount: z.number().int().nonnegative().optional(),
  }),
  locale: z.enum(LOCALES),
  values: z.record(idSchema, z.string().max(4000)),
  history: z.array(idSchema).max(200),
  phase: z.enum(['asking', 'confirming', 'done']),
});

export function parsePromptState(input: unknown): PromptState | undefined {
  const result = promptStateSchema.safeParse(input);
  return result.success ? result.data : undefined;
}
