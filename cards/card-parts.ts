import type { CardElement } from './card-json';

type TextOptions = Readonly<{
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'default' | 'bolder';
  color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'default' | 'medium';
  separator?: boolean;
}>;

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(title: string, intro?: string): CardElement[] {
  const blocks = [textBlock(title, { size: 'medium', weight: 'bolder' })];
  if (intro) blocks.push(textBlock(intro, { isSubtle: true, spacing: 'small' }));
  return blocks;
}

export function factSet(facts: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

/** A two-column row: a narrow badge/icon text on the left, wrapped content on the right. */
export function row(left: CardElement, right: readonly CardElement[], separator = false): CardElement {
  return {
    type: 'ColumnSet',
    ...(separator ? { separator: true, spacing: 'medium' } : {}),
    columns: [
      { type: 'Column', width: 'auto', items: [left] },
      { type: 'Column', width: 'stretch', items: right },
    ],
  };
}
