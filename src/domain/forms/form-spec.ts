import type { MessageKey, MessageParams } from '../../i18n';
import type { ValidationContext, ValidationIssue, Validator } from '../validation';

/** How a field is entered; renderers map each kind to an input (card) or a question style (chat). */
export type FieldKind =
  'text' | 'multiline' | 'number' | 'email' | 'phone' | 'url' | 'choice' | 'multiChoice' | 'toggle' | 'yesNo';

/** A typed field value after validation; plain JSON so it can sit in dialog state. */
export type FieldValue = string | number | boolean | readonly string[];

/** Values keyed by field id: raw submit strings or typed values (renderers format both). */
export type FormValues = Readonly<Record<string, FieldValue | undefined>>;

/** Inputs as they arrive from a card or a chat answer: one string per field id. */
export type RawFormValues = Readonly<Record<string, string>>;

/** Issues per field id (errors or warnings). */
export type FieldIssues = Readonly<Record<string, readonly ValidationIssue[]>>;

/** A choice shows a translated label, or a proper noun as is (province names, brand names). */
export type ChoiceSpec =
  | { readonly id: string; readonly label: MessageKey; readonly labelParams?: MessageParams }
  | { readonly id: string; readonly text: string };

/**
 * A plain-data condition (no closures) so prompt state and tests can reason about it:
 * the field is shown only when another field's raw value equals / is one of / is non-empty.
 */
export type Condition =
  | { readonly field: string; readonly equals: string }
  | { readonly field: string; readonly oneOf: readonly string[] }
  | { readonly field: string; readonly filled: true };

export interface FieldSpec {
  /** A canonical field id (DOMAIN.md), or a dotted path below one (`partnerRights.MESAJ.read`, `brandCodes.0`). */
  readonly id: string;
  readonly kind: FieldKind;
  readonly label: MessageKey;
  readonly labelParams?: MessageParams;
  readonly help?: MessageKey;
  readonly placeholder?: MessageKey;
  readonly choices?: readonly ChoiceSpec[];
  /** Card hint: long lists are `compact`/`filtered`, short ones `expanded`. */
  readonly choiceStyle?: 'compact' | 'expanded' | 'filtered';
  /** For toggles: required means the box must be ticked (a declaration). */
  readonly required: boolean;
  readonly when?: Condition;
  /** Several items typed comma- or line-separated; `validate` then checks each item. */
  readonly multiple?: boolean;
  readonly maxItems?: number;
  /** Hard cap on the raw input; longer input is refused before any validator runs. */
  readonly maxLength: number;
  /** A client-side regex, only where it is exactly the server rule (never stricter). */
  readonly cardRegex?: string;
  /** Overrides the kind's default check (text length, choice membership, boolean). */
  readonly validate?: Validator<FieldValue>;
  /** Personal data (TCKN, mobile, e-mail): masked in summaries. */
  readonly personal?: boolean;
}

/** Typed values of the active, valid fields, keyed by field id. */
export type ParsedValues = Readonly<Record<string, FieldValue | undefined>>;

export interface FormSpec<TPatch = unknown> {
  readonly id: FormId;
  /** Parameters the spec was built with (brand names, …); stored with prompt state to rebuild it. */
  readonly params: FormParams;
  readonly title: MessageKey;
  readonly titleParams?: MessageParams;
  readonly intro?: MessageKey;
  readonly fields: readonly FieldSpec[];
  /** Extra facts for cross-field rules (e.g. the VKN typed in the same form for the MERSİS check). */
  readonly context?: (raw: RawFormValues) => ValidationContext;
  /** Maps valid values to a case patch keyed by canonical ids. */
  readonly toPatch: (values: ParsedValues) => TPatch;
}

export const FORM_IDS = [
  'route',
  'company',
  'signatory',
  'brand',
  'statistics',
  'application',
  'package',
  'partnerRights',
  'iysCodes',
  'panel',
] as const;
export type FormId = (typeof FORM_IDS)[number];

/** Spec parameters; plain JSON. */
export interface FormParams {
  readonly brands?: readonly string[];
  readonly brand?: string;
  readonly addressCount?: number;
}
