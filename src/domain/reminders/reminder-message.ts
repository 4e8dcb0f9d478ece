import type { Locale, Translations } from '../../i18n/types';
import { remindersEn, remindersTr } from '../../i18n/messages/reminders';
import type { ReminderKind } from './reminder-kinds';

type ReminderMessageKey = keyof typeof remindersTr;

// Read from this area's own catalogs so the domain does not depend on how the app assembles i18n.
const catalogs: Readonly<Record<Locale, Translations<typeof remindersTr>>> = {
  tr: remindersTr,
  en: remindersEn,
};

/** Values a reminder button submits; the bot routes them like the customer's own answer. */
export const REMINDER_ACTIONS = {
  codesArrived: 'reminder.codes_arrived',
  assignmentDone: 'reminder.assignment_done',
  paymentMade: 'reminder.payment_made',
  packageActive: 'reminder.package_active',
  resumeForm: 'reminder.resume_form',
  talkToAgent: 'reminder.talk_to_agent',
} as const;
export type ReminderActionId = keyof typeof REMINDER_ACTIONS;
export type ReminderActionValue = (typeof REMINDER_ACTIONS)[ReminderActionId];

/** WhatsApp reply buttons cut titles at 20 characters; a test holds every title to it. */
export const MAX_ACTION_TITLE_LENGTH = 20;

/** The one-tap answers offered per kind, most likely first; three at most (WhatsApp's button count). */
export const ACTIONS_BY_KIND: Readonly<Record<ReminderKind, readonly ReminderActionId[]>> = {
  awaiting_iys_code: ['codesArrived', 'talkToAgent'],
  awaiting_partner_confirmation: ['assignmentDone', 'talkToAgent'],
  payment_pending: ['packageActive', 'paymentMade', 'talkToAgent'],
  form_abandoned: ['resumeForm', 'talkToAgent'],
};

/** Only non-personal values: the company's trade title and İYS's order code. */
export interface ReminderMessageParams {
  readonly tradeTitle?: string;
  readonly orderCode?: string;
}

export interface ReminderAction {
  readonly title: string;
  readonly value: ReminderActionValue;
}

export interface ReminderMessage {
  readonly text: string;
  readonly actions: readonly ReminderAction[];
}

function render(
  locale: Locale,
  key: ReminderMessageKey,
  params: Readonly<Record<string, string>> = {},
): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function bodyKey(kind: ReminderKind, params: ReminderMessageParams): ReminderMessageKey {
  if (kind === 'payment_pending' && !params.orderCode) return 'reminders.payment_pending.textNoCode';
  return `reminders.${kind}.text`;
}

/** The reminder the customer receives: what is pending, and the buttons that move it on. */
export function reminderMessage(
  kind: ReminderKind,
  locale: Locale,
  params: ReminderMessageParams = {},
): ReminderMessage {
  const tradeTitle = params.tradeTitle?.trim();
  const intro = tradeTitle
    ? render(locale, 'reminders.intro.company', { tradeTitle })
    : render(locale, 'reminders.intro.generic');
  const body = render(locale, bodyKey(kind, params), { orderCode: params.orderCode ?? '' });
  const actions = ACTIONS_BY_KIND[kind].map((id) => ({
    title: render(locale, `reminders.action.${id}`),
    value: REMINDER_ACTIONS[id],
  }));
  return { text: `${intro}\n\n${body}`, actions };
}

export interface EscalationFacts {
  /** The hashed case id (never a phone number or a user id). */
  readonly caseId: string;
  /** Reminders of this kind sent so far. */
  readonly remindersSent: number;
  /** When the wait began (the reminder's triggering event). */
  readonly since: Date;
}

/** The note the support team gets when a case is escalated; it names the case, never the person. */
export function escalationNote(kind: ReminderKind, locale: Locale, facts: EscalationFacts): string {
  return render(locale, 'reminders.escalation.note', {
    case: facts.caseId,
    pending: render(locale, `reminders.kind.${kind}`),
    count: String(facts.remindersSent),
    since: facts.since.toISOString().slice(0, 10),
  });
}
