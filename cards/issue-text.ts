import { isMessageKey, type Translator } from '../src/i18n';
import type { ValidationIssue } from '../src/domain/validation';

/**
 * Renders a validation issue in the user's language. Codes are i18n keys; an unknown code (a validator newer
 * than the catalog) falls back to a generic text rather than showing a key. Multi-value issues name the item.
 */
export function describeIssue(tr: Translator, issue: ValidationIssue): string {
  const params = issue.params ?? {};
  const message = isMessageKey(issue.code) ? tr(issue.code, params) : tr('forms.issue.unknown');
  const item = params.item;
  return item === undefined ? message : tr('forms.issue.item', { item, message });
}

export function describeIssues(tr: Translator, issues: readonly ValidationIssue[] | undefined): string[] {
  return (issues ?? []).map((issue) => describeIssue(tr, issue));
}
