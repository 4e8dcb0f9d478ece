import type { Locale } from '../src/i18n';

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { tr: 'tr-TR', en: 'en-GB' };

/** "200.000" in Turkish, "200,000" in English. */
export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { maximumFractionDigits: 0 }).format(value);
}

export function formatMoney(locale: Locale, amount: number, currency: string): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { style: 'currency', currency }).format(amount);
}
