import type { Locale } from '../../src/i18n';
import type { FieldIssues, FormId, FormParams, FormPatch } from '../../src/domain/forms';

/** WhatsApp interactive limits (Cloud API): 3 reply buttons; 10 list rows; title and description lengths. */
export const WHATSAPP_LIMITS = {
  maxButtons: 3,
  buttonTitle: 20,
  maxRows: 10,
  rowTitle: 24,
  rowDescription: 72,
} as const;

export interface PromptChoice {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface PromptMessage {
  readonly text: string;
  readonly choices?: readonly PromptChoice[];
  /** buttons: ≤ 3 reply buttons; list: ≤ 10 rows; text: the answer is typed. */
  readonly style: 'buttons' | 'list' | 'text';
}

/**
 * Everything the machine needs between turns, as plain JSON (it lives in dialog state). The spec itself is
 * rebuilt from `formId` + `params` through the form registry.
 */
export interface PromptState {
  readonly version: 1;
  readonly formId: FormId;
  readonly params: FormParams;
  readonly locale: Locale;
  /** Raw answers by field id, in the same string form a card submit carries ('' = skipped). */
  readonly values: Readonly<Record<string, string>>;
  /** Field ids the user answered, in order; "geri" walks back along it. Prefilled fields never enter it. */
  readonly history: readonly string[];
  readonly phase: 'asking' | 'confirming' | 'done';
}

export interface PromptResult {
  readonly patch: FormPatch;
  readonly warnings: FieldIssues;
}

export interface PromptStep {
  readonly state: PromptState;
  readonly message: PromptMessage;
  /** Present once the user confirmed the summary: the same patch a card submit of these values gives. */
  readonly result?: PromptResult;
  /** The field whose answer was just refused as invalid (asked again), e.g. to count repeated failures. */
  readonly refused?: string;
}
