/**
 * Minimal typing for the Adaptive Card JSON we emit. Cards are plain data (no botbuilder CardFactory), so the
 * bot layer wraps them in an attachment and tests can feed them straight to the `adaptivecards` parser.
 */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardElement {
  readonly type: string;
  readonly [property: string]: unknown;
}

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly [property: string]: unknown;
}

export function adaptiveCard(
  body: readonly CardElement[],
  actions: readonly CardElement[] = [],
): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** Byte size of the card as sent (Teams refuses cards above 28 KB). */
export function cardByteSize(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
