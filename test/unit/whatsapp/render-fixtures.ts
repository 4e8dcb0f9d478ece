import { MessageFactory, type Activity } from 'botbuilder';
import { choicesPrompt, outboundChoice } from '../../../cards';
import { withPrompt } from '../../../dialogs/base/say';
import { renderReplies, whatsAppLimitProblems } from '../../../src/channels/whatsapp/outbound';
import type { WaOutbound } from '../../../src/channels/whatsapp/types';

/** Renders and holds every payload to WhatsApp's limits, as the Graph API would. */
export function render(activities: Partial<Activity>[]): WaOutbound[] {
  const out = renderReplies(activities);
  for (const message of out) expect(whatsAppLimitProblems(message)).toEqual([]);
  return out;
}

export const say = (text: string): Partial<Activity> => ({ type: 'message', text });

/** A multiple choice as the dialogs send it on channels without cards: suggested actions and its prompt. */
export const suggested = (text: string, options: readonly (readonly [string, string])[]): Partial<Activity> =>
  withPrompt(
    MessageFactory.suggestedActions(
      options.map(([title, value]) => ({ type: 'imBack', title, value })),
      text,
    ),
    choicesPrompt(
      text,
      options.map(([title, value]) => outboundChoice(value, title)),
    ),
  );

export const squeeze = (text: string) => text.replace(/\s+/g, '');
export const textOf = (m: WaOutbound | undefined) => (m?.type === 'text' ? m.text.body : undefined);
export const interactiveOf = (m: WaOutbound | undefined) =>
  m?.type === 'interactive' ? m.interactive : undefined;
