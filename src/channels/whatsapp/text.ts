import { isHighSurrogate, isLowSurrogate } from './limits';

/**
 * Text as WhatsApp shows it: Bot Framework markdown mapped to WhatsApp's formatting, consecutive texts
 * merged (WhatsApp throttles messages to one customer, the pair rate) and long ones split at the best
 * boundary. Sizes are UTF-16 units.
 */

/** Bot Framework markdown → WhatsApp formatting: `*bold*`, `_italic_`, `~strike~`, links as "text (url)". */
export function toWhatsAppMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      return heading?.[1] ? bold(heading[1]) : line;
    })
    .join('\n')
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '*$1*')
    .replace(/__(?=\S)([^\n]*?\S)__/g, '*$1*')
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '~$1~')
    .replace(
      /!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
      (_whole, label: string, url: string) =>
        label.trim() && label.trim() !== url ? `${label.trim()} (${url})` : url,
    )
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1');
}

/** WhatsApp bold is one `*…*` per line, hugging the words; stray asterisks inside would end it early. */
function bold(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead = '', words = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(line.replace(/\*/g, '')) ?? [];
      return words ? `${lead}*${words}*${trail}` : line.trim();
    })
    .join('\n');
}

export interface TextItem {
  readonly kind: 'text';
  readonly text: string;
}

/** Consecutive texts become one, a paragraph apart (the caller splits what grows too long). */
export function joinTexts<T extends { readonly kind: string }>(
  items: readonly (T | TextItem)[],
): (T | TextItem)[] {
  const joined: (T | TextItem)[] = [];
  for (const item of items) {
    const last = joined.at(-1);
    if (isText(item) && last && isText(last)) {
      joined[joined.length - 1] = { kind: 'text', text: `${last.text}\n\n${item.text}` };
    } else joined.push(item);
  }
  return joined;
}

function isText(item: { readonly kind: string }): item is TextItem {
  return item.kind === 'text';
}

/** Splits at paragraph, then line, then word boundaries into pieces of at most `max` units. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = forwardCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function forwardCut(text: string, max: number): number {
  // A paragraph or line boundary is worth a shorter piece, but not a tiny one.
  for (const [separator, min] of [
    ['\n\n', max / 2],
    ['\n', max / 2],
    [' ', 1],
  ] as const) {
    const at = text.lastIndexOf(separator, max - 1);
    if (at >= min) return at;
  }
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

/** The longest tail of at most `max` units that starts at a boundary, and what comes before it. */
export function splitTail(text: string, max: number): [string, string] {
  const t = text.trim();
  if (t.length <= max) return ['', t];
  const from = t.length - max;
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = t.indexOf(separator, Math.max(0, from - separator.length));
    const tail = at >= 0 ? t.slice(at + separator.length).trim() : '';
    if (tail) return [t.slice(0, at).trimEnd(), tail];
  }
  const at = isLowSurrogate(t.charCodeAt(from)) ? from + 1 : from;
  return [t.slice(0, at), t.slice(at)];
}
