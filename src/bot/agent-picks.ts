import { REMINDER_ACTIONS } from '../domain/reminders';
import { LOCALES, t } from '../i18n';

/** What the customer's "talk to an agent" taps arrive as: a reminder button's id or a button's title. */
const AGENT_PICKS = new Set(
  [
    REMINDER_ACTIONS.talkToAgent,
    ...LOCALES.flatMap((locale) => [
      t(locale, 'reminders.action.talkToAgent'),
      t(locale, 'handoff.customer.talkToAgent'),
    ]),
  ].map(fold),
);

/**
 * A "Temsilciyle görüş / Talk to an agent" tap (in a reminder, an error message or help) becomes the
 * command word, so the dialogs start the handoff whichever channel and language it came through
 * (WhatsApp sends the reminder button's id, Teams the button's title).
 */
export function agentPickAsText(context: { activity: { text?: string } }): void {
  const text = context.activity.text;
  if (text && AGENT_PICKS.has(fold(text))) context.activity.text = 'temsilci';
}

function fold(text: string): string {
  return text.trim().toLocaleLowerCase('tr');
}
