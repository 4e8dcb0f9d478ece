/** Small string helpers shared by the validators. */

/** Accepts strings and finite numbers (cards and JSON may deliver either); anything else is not text. */
export function asText(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return undefined;
}

/** Trims and collapses runs of whitespace (including NBSP) to one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Removes the spaces, dashes, dots and slashes people type inside identifiers ("172 917-160.60"). */
export function stripSeparators(text: string): string {
  return text.replace(/[\s\-./_]+/gu, '');
}

/**
 * Case- and diacritic-insensitive key for comparing Turkish words: "İSTANBUL", "istanbul" and "Istanbul" all
 * fold to "istanbul". Turkish lower-casing runs first so "I" → "ı" and "İ" → "i"; combining marks (ç, ş, ğ, ö,
 * ü, â …) are then dropped and the dotless ı, which has no decomposition, is mapped by hand.
 */
export function foldTurkish(text: string): string {
  return collapseSpaces(text)
    .toLocaleLowerCase('tr-TR')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/ı/gu, 'i');
}

/** Classic edit distance, used only to suggest close names for short lists. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
