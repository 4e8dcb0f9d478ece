export const LOCALES = ['tr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'tr';

/**
 * A message is plain text with `{name}` placeholders. Each area of the catalog declares its Turkish messages
 * `as const` and types the English ones as `Translations<typeof areaTr>`, so a missing translation is a
 * compile error.
 */
export type Translations<T extends Record<string, string>> = { readonly [K in keyof T]: string };
