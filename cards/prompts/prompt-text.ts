/** Text helpers for chat prompts. */

/** Cuts to `max` characters (code points), ending in "…" when cut. */
export function fit(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Case- and diacritic-insensitive key so "EVET", "evet" and "Evet" or "İstanbul"/"istanbul" match. */
export function fold(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('tr-TR')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ');
}

const BACK_WORDS = new Set(['geri', 'back', 'onceki', 'previous']);
const SKIP_WORDS = new Set(['atla', 'skip', 'gec']);
/** "yok"/"boş" skip an optional question but stay ordinary answers elsewhere. */
const NONE_WORDS = new Set(['yok', 'bos', 'none']);

export function isBack(input: string): boolean {
  return BACK_WORDS.has(fold(input));
}

export function isSkip(input: string): boolean {
  return SKIP_WORDS.has(fold(input));
}

export function isNone(input: string): boolean {
  return NONE_WORDS.has(fold(input));
}
