import { PROVINCE_ALIASES, PROVINCES, type Province } from '../provinces';
import { invalid, valid, type ValidationResult } from '../validation';
import { asText, collapseSpaces, editDistance, foldTurkish } from './text-utils';

const BY_KEY: ReadonlyMap<string, Province> = new Map([
  ...PROVINCES.map((p): [string, Province] => [foldTurkish(p.name), p]),
  ...Object.entries(PROVINCE_ALIASES).flatMap(([alias, name]): [string, Province][] => {
    const province = PROVINCES.find((p) => p.name === name);
    return province ? [[alias, province]] : [];
  }),
]);

/** Finds a province by name, alias or plate code ("34", "034", "6"), ignoring case and diacritics. */
export function findProvince(raw: string): Province | undefined {
  const text = collapseSpaces(raw);
  if (/^\d{1,3}$/.test(text)) {
    const plate = Number(text);
    return PROVINCES[plate - 1];
  }
  return BY_KEY.get(foldTurkish(text));
}

/** Up to `limit` official names closest to what was typed (for "did you mean …?"). */
export function suggestProvinces(raw: string, limit = 3): string[] {
  const key = foldTurkish(raw);
  if (key === '') return [];
  return PROVINCES.map((p) => {
    const name = foldTurkish(p.name);
    // A typed prefix ("kahraman") is as good a hint as a typo.
    const distance = name.startsWith(key) ? 0 : editDistance(key, name);
    return { name: p.name, distance };
  })
    .filter((c) => c.distance <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'tr'))
    .slice(0, limit)
    .map((c) => c.name);
}

/** Official name when the text matches a province, otherwise the text with spaces collapsed. */
export function normalizeProvince(raw: string): string {
  return findProvince(raw)?.name ?? collapseSpaces(raw);
}

/** Province (il): one of the 81, returned with its official spelling and plate code. */
export function validateProvince(input: unknown): ValidationResult<Province> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const province = findProvince(text);
  if (province) return valid(province);
  const suggestions = suggestProvinces(text);
  if (suggestions.length === 0)
    return invalid('validation.province.unknown', { input: collapseSpaces(text) });
  return invalid('validation.province.unknownWithSuggestions', {
    input: collapseSpaces(text),
    suggestions: suggestions.join(', '),
  });
}
