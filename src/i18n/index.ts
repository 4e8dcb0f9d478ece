import { botEn, botTr } from './messages/bot';
import { cardsEn, cardsTr } from './messages/cards';
import { dialogsEn, dialogsTr } from './messages/dialogs';
import { dialogsEarlyEn, dialogsEarlyTr } from './messages/dialogs-early';
import { dialogsLateEn, dialogsLateTr } from './messages/dialogs-late';
import { domainEn, domainTr } from './messages/domain';
import { remindersEn, remindersTr } from './messages/reminders';
import { formsEn, formsTr } from './messages/forms';
import { handoffEn, handoffTr } from './messages/handoff';
import { privacyEn, privacyTr } from './messages/privacy';
import { validationEn, validationTr } from './messages/validation';
import type { Locale, Translations } from './types';

export { DEFAULT_LOCALE, LOCALES } from './types';
export type { Locale } from './types';

const tr = {
  ...botTr,
  ...validationTr,
  ...domainTr,
  ...formsTr,
  ...cardsTr,
  ...dialogsTr,
  ...dialogsEarlyTr,
  ...dialogsLateTr,
  ...remindersTr,
  ...handoffTr,
  ...privacyTr,
} as const;
const en: Translations<typeof tr> = {
  ...botEn,
  ...validationEn,
  ...domainEn,
  ...formsEn,
  ...cardsEn,
  ...dialogsEn,
  ...dialogsEarlyEn,
  ...dialogsLateEn,
  ...remindersEn,
  ...handoffEn,
  ...privacyEn,
};

export type MessageKey = keyof typeof tr;
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogs: Readonly<Record<Locale, Translations<typeof tr>>> = { tr, en };

/** Every message of one locale, by key (for tools and tests that read replies back as keys). */
export function messageCatalog(locale: Locale): Readonly<Record<MessageKey, string>> {
  return catalogs[locale];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(tr, key);
}

/** Looks a message up and fills its `{name}` placeholders; an unknown placeholder is left visible. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Picks the catalog for a Bot Framework / WhatsApp locale string ("tr-TR", "en-US", …); Turkish unless the
 * user's client clearly asks for English.
 */
export function resolveLocale(raw: string | undefined | null): Locale {
  return raw && /^en\b/i.test(raw) ? 'en' : 'tr';
}

/** Binds a locale, for code that renders many messages for one user. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;
export function translator(locale: Locale): Translator {
  return (key, params) => t(locale, key, params);
}
