import type * as AdaptiveCards from 'adaptivecards';
import type { AdaptiveCardJson } from '../../../cards/card-json';

/**
 * The package's `lib/` is extension-less ESM that jest cannot load; `dist/` holds the same library as a UMD
 * bundle, which parses and validates cards without a DOM.
 */
const AC = jest.requireActual<typeof AdaptiveCards>('adaptivecards/dist/adaptivecards.js');

export interface CardCheck {
  readonly parseEvents: string[];
  readonly validationEvents: string[];
}

/** Parses a card as a 1.5 host would and collects every parse and validation event (errors and warnings). */
export function checkCard(json: AdaptiveCardJson): CardCheck {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const parseEvents: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) parseEvents.push(context.getEventAt(i).message);
  const validationEvents = card.validateProperties().validationEvents.map((e) => `${e.message}`);
  return { parseEvents, validationEvents };
}
