import type { AdaptiveCardJson, CardElement } from '../../../cards/card-json';

function collectInputs(elements: readonly unknown[], out: CardElement[]): void {
  for (const element of elements) {
    if (typeof element !== 'object' || element === null) continue;
    const el = element as CardElement;
    if (el.type.startsWith('Input.')) out.push(el);
    for (const key of ['items', 'columns', 'body']) {
      const children = el[key];
      if (Array.isArray(children)) collectInputs(children, out);
    }
  }
}

export function cardInputs(card: AdaptiveCardJson): CardElement[] {
  const inputs: CardElement[] = [];
  collectInputs(card.body, inputs);
  return inputs;
}

/**
 * What a Teams/Web Chat client sends for Action.Submit: the action's data merged with every input's value as a
 * string (toggles "true"/"false", multi-select ChoiceSets comma-joined), optionally with edits applied.
 */
export function simulateSubmit(
  card: AdaptiveCardJson,
  verb = 'form.submit',
  edits: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const action = (card.actions ?? []).find((a) => (a.data as { verb?: string } | undefined)?.verb === verb);
  if (!action) throw new Error(`no action ${verb}`);
  const values: Record<string, unknown> = {};
  for (const input of cardInputs(card)) {
    const id = String(input.id);
    const value = input.value;
    values[id] = value === undefined ? '' : String(value);
  }
  return { ...values, ...edits, ...(action.data as Record<string, unknown>) };
}
