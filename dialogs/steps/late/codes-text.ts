import type { CaseData } from '../../../src/domain/case';
import type { Translator } from '../../../src/i18n';

/** Brand names of the case in the customer's order (the brands of the codes when no brand list exists). */
export function brandNamesOf(data: Partial<CaseData>): string[] {
  const names = (data.brands ?? []).map((b) => b.name);
  return names.length > 0 ? [...new Set(names)] : Object.keys(data.brandCodes ?? {});
}

/** "İYSKod: …" and one "BrandKod (brand): …" line per brand, as a markdown list. */
export function codeLines(tr: Translator, data: Partial<CaseData>): string {
  const missing = tr('dialogs.codes.missing');
  const lines = [tr('dialogs.codes.line.iysCode', { code: data.iysCode ?? missing })];
  for (const brand of brandNamesOf(data)) {
    const code = data.brandCodes?.[brand] ?? missing;
    lines.push(tr('dialogs.codes.line.brandCode', { brand, code }));
  }
  return lines.map((line) => `- ${line}`).join('\n');
}

/**
 * The main brand's BrandKod is often the İYSKod (DOMAIN.md, uncertain): when none matches, the customer
 * gets a gentle hint to check, never a refusal.
 */
export function mainBrandHintApplies(data: Partial<CaseData>): boolean {
  const codes = Object.values(data.brandCodes ?? {});
  return data.iysCode !== undefined && codes.length > 0 && !codes.includes(data.iysCode);
}
