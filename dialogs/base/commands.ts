import type { Activity } from 'botbuilder';
import { REMINDER_ACTIONS } from '../../src/domain/reminders';
import { foldTurkish } from '../../src/domain/validators/text-utils';
import { LOCALES, t } from '../../src/i18n';
import { CHOICE_VERB } from './choices';

export type GlobalCommand =
  'help' | 'status' | 'menu' | 'back' | 'cancel' | 'agent' | 'turkish' | 'english' | 'erase';

const WORDS: Readonly<Record<string, GlobalCommand>> = {
  yardım: 'help',
  yardim: 'help',
  help: 'help',
  '?': 'help',
  durum: 'status',
  status: 'status',
  menü: 'menu',
  menu: 'menu',
  geri: 'back',
  back: 'back',
  iptal: 'cancel',
  cancel: 'cancel',
  vazgeç: 'cancel',
  temsilci: 'agent',
  agent: 'agent',
  'müşteri temsilcisi': 'agent',
  'temsilciyle görüş': 'agent',
  'temsilciyle görüşmek istiyorum': 'agent',
  türkçe: 'turkish',
  turkce: 'turkish',
  turkish: 'turkish',
  english: 'english',
  ingilizce: 'english',
  'in english': 'english',
  // KVKK deletion on request; always confirmed before anything is deleted.
  'verilerimi sil': 'erase',
  'verilerimi silin': 'erase',
  'kişisel verilerimi sil': 'erase',
  'kişisel verilerimi silin': 'erase',
  'delete my data': 'erase',
  'erase my data': 'erase',
};

/**
 * "Temsilciyle görüş / Talk to an agent" taps (in a reminder, an error message or help) are the agent
 * command whichever channel and language they came through (WhatsApp sends the reminder button's id,
 * Teams the button's title).
 */
const AGENT_PICKS: readonly string[] = [
  REMINDER_ACTIONS.talkToAgent,
  ...LOCALES.flatMap((locale) => [
    t(locale, 'reminders.action.talkToAgent'),
    t(locale, 'handoff.customer.talkToAgent'),
  ]),
];

const COMMANDS: ReadonlyMap<string, GlobalCommand> = new Map([
  ...Object.entries(WORDS).map(([word, command]) => [normaliseSaid(word), command] as const),
  ...AGENT_PICKS.map((pick) => [normaliseSaid(pick), 'agent'] as const),
]);

/**
 * A message that is only a command word (Turkish or English, any case, with or without Turkish letters,
 * trailing punctuation ignored). Longer sentences are answers, not commands: "geri ödeme" must not jump back.
 */
export function parseCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  return COMMANDS.get(normaliseSaid(text));
}

/**
 * What the customer said, for comparing with a list of words: Turkish case folding, Turkish letters
 * written as their plain twins ("vazgec", "hayir", "turkce" are what phones without a Turkish keyboard
 * send), spaces collapsed, a trailing . or ! dropped.
 */
export function normaliseSaid(text: string): string {
  return foldTurkish(text)
    .replace(/[.!]+$/u, '')
    .trim();
}

/**
 * A choice button submitted without text (Web Chat, Emulator, Agents Playground send only the card's
 * data) is read as the text the customer would have typed, so the prompts read both the same way.
 */
export function readChoicePick(activity: Partial<Activity>): void {
  const value = activity.value as { verb?: unknown; choice?: unknown } | undefined;
  if (activity.text || !value || value.verb !== CHOICE_VERB || typeof value.choice !== 'string') return;
  activity.text = value.choice.slice(0, 200);
}
