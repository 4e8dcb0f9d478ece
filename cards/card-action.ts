import type { CardElement } from './card-json';

/** A button on a read-only card; it carries `{verb, formId, nonce}` like form actions (DESIGN.md §5). */
export interface CardActionSpec {
  readonly verb: string;
  readonly title: string;
  readonly nonce: string;
}

export function submitAction(cardId: string, action: CardActionSpec, positive = false): CardElement {
  return {
    type: 'Action.Submit',
    title: action.title,
    ...(positive ? { style: 'positive' } : {}),
    data: { verb: action.verb, formId: cardId, nonce: action.nonce },
  };
}
