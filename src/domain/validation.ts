/**
 * The shape every validator returns. Issue codes are i18n message keys (`validation.*`), so the same result
 * renders in Turkish or English and stays machine-readable for tests, cards and the admin API.
 * Warnings never block; errors do.
 */
export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ValidationIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly ValidationIssue[];
      readonly warnings: readonly ValidationIssue[];
    };

/** Extra facts a validator may compare against (e.g. the VKN when checking a MERSİS number). */
export interface ValidationContext {
  readonly vkn?: string;
}

export type Validator<T> = (input: unknown, context?: ValidationContext) => ValidationResult<T>;

export function valid<T>(value: T, warnings: readonly ValidationIssue[] = []): ValidationResult<T> {
  return { ok: true, value, warnings };
}

export function invalid<T>(
  code: string,
  params?: Readonly<Record<string, string | number>>,
  warnings: readonly ValidationIssue[] = [],
): ValidationResult<T> {
  return { ok: false, errors: [{ code, severity: 'error', ...(params ? { params } : {}) }], warnings };
}

export function warning(code: string, params?: Readonly<Record<string, string | number>>): ValidationIssue {
  return { code, severity: 'warning', ...(params ? { params } : {}) };
}
