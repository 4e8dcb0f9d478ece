import type { AdaptiveCardJson } from './card-json';

/**
 * A card in words, for channels that cannot show cards: its texts in reading order (headings, bold runs
 * and fact titles in **bold**), its facts as "title: value" lines and its links as "title: url" lines.
 * Inputs, images and buttons say nothing here. The result is markdown, like an activity's text.
 */
export function cardText(card: AdaptiveCardJson): string {
  const body = asElements(card.body);
  const actions = [...asElements(card.actions), ...nestedActions(body)];
  const links = actions
    .filter((a) => a.type === 'Action.OpenUrl' && typeof a.url === 'string')
    .map((a) => linkLine(a.title, a.url as string));
  const blocks = body.map(elementText).filter((t) => t.trim() !== '');
  return [...blocks, ...(links.length > 0 ? [links.join('\n')] : [])].join('\n\n');
}

type Element = Record<string, unknown>;

function asElements(value: unknown): Element[] {
  return Array.isArray(value) ? value.filter((v): v is Element => !!v && typeof v === 'object') : [];
}

function nestedActions(elements: readonly Element[]): Element[] {
  return elements.flatMap((e) => [
    ...(e.type === 'ActionSet' ? asElements(e.actions) : []),
    ...nestedActions(children(e)),
  ]);
}

function children(e: Element): Element[] {
  if (e.type === 'ColumnSet') return asElements(e.columns).flatMap((c) => asElements(c.items));
  if (e.type === 'Table') {
    return asElements(e.rows).flatMap((r) => asElements(r.cells).flatMap((c) => asElements(c.items)));
  }
  return asElements(e.items);
}

function elementText(e: Element): string {
  switch (e.type) {
    case 'TextBlock': {
      const text = typeof e.text === 'string' ? e.text : '';
      const heading =
        String(e.weight).toLowerCase() === 'bolder' ||
        e.style === 'heading' ||
        ['large', 'extralarge'].includes(String(e.size).toLowerCase());
      return heading ? strong(text) : text;
    }
    case 'RichTextBlock':
      return asElements(e.inlines)
        .map((i) => {
          const text = typeof i.text === 'string' ? i.text : '';
          return String(i.weight).toLowerCase() === 'bolder' ? strong(text) : text;
        })
        .join('');
    case 'FactSet':
      return asElements(e.facts)
        .map((f) => `${strong(String(f.title ?? '').replace(/:\s*$/, ''))}: ${String(f.value ?? '')}`)
        .join('\n');
    default:
      // Containers, columns and tables: their text in reading order.
      return children(e)
        .map(elementText)
        .filter((t) => t.trim() !== '')
        .join('\n');
  }
}

function linkLine(title: unknown, url: string): string {
  return typeof title === 'string' && title.trim() ? `${title.trim()}: ${url}` : url;
}

/** Bold one line at a time, hugging the words; asterisks inside would end it early, so they go. */
function strong(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead = '', words = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(line.replace(/\*/g, '')) ?? [];
      return words ? `${lead}**${words}**${trail}` : line.trim();
    })
    .join('\n');
}
