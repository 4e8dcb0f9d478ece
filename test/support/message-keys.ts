import { EMAIL_DRAFT_CARD_ID, PACKAGE_CARD_ID, STEP_OVERVIEW_CARD_ID, SUMMARY_CARD_ID } from '../../cards';
import { isMessageKey, messageCatalog, type Locale, type MessageKey } from '../../src/i18n';

/**
 * Reads the bot's replies back as message keys: every catalog template becomes a pattern (its `{name}`
 * placeholders capture the values), so a test asserts *which* message the customer got, and with which
 * values, instead of Turkish wording that translators may change.
 */

const CATALOGS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  tr: messageCatalog('tr'),
  en: messageCatalog('en'),
};

/** One catalog message found in a reply: its key, the language it was in, and its placeholder values. */
export interface MessageLabel {
  readonly key: MessageKey;
  readonly locale: Locale;
  readonly params: Readonly<Record<string, string>>;
}

interface Template {
  readonly key: MessageKey;
  readonly locale: Locale;
  readonly names: readonly string[];
  /** The whole text is this message. */
  readonly exact: RegExp;
  /** This message somewhere in a longer text (between whitespace or the text's ends). */
  readonly inside: RegExp | undefined;
  /** Characters of the template that are not placeholders: more is more specific. */
  readonly literal: number;
}

/** Templates shorter than this (e.g. "Evet", "{name}") label a text only when they are the whole text. */
const MIN_INSIDE_LITERAL = 8;
/** A template with placeholders and less wording than this ("{name}", "- {brand}: {rights}") matches too much. */
const MIN_EXACT_LITERAL = 4;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: MessageKey, locale: Locale, template: string): Template {
  const names: string[] = [];
  let source = '';
  let literal = 0;
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const chunk = template.slice(last, match.index);
    source += escape(chunk);
    literal += chunk.replace(/\s/g, '').length;
    source += '([\\s\\S]+?)';
    names.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  const tail = template.slice(last);
  source += escape(tail);
  literal += tail.replace(/\s/g, '').length;
  return {
    key,
    locale,
    names,
    exact: new RegExp(`^${source}$`, 'u'),
    inside:
      literal >= MIN_INSIDE_LITERAL
        ? new RegExp(`(?<=^|[\\s(“"*'])${source}(?=$|[\\s)”"*'.,:;!?])`, 'gu')
        : undefined,
    literal,
  };
}

let compiled: readonly Template[] | undefined;

function templates(): readonly Template[] {
  compiled ??= (Object.keys(CATALOGS) as Locale[]).flatMap((locale) =>
    Object.entries(CATALOGS[locale]).map(([key, template]) => {
      if (!isMessageKey(key)) throw new Error(`not a message key: ${key}`);
      return compile(key, locale, template);
    }),
  );
  return compiled;
}

function paramsOf(template: Template, match: RegExpExecArray | RegExpMatchArray): Record<string, string> {
  return Object.fromEntries(template.names.map((name, i) => [name, match[i + 1] as string]));
}

interface Found extends MessageLabel {
  readonly start: number;
  readonly end: number;
  readonly literal: number;
}

/**
 * The catalog messages one text consists of, in reading order. A text that is exactly one message (several
 * keys may share a wording) gives that message; otherwise every message found inside it, except those
 * found only inside a larger message found there too (a placeholder value, a word of a sentence).
 */
export function labelText(text: string): MessageLabel[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const exact = templates().flatMap((tpl) => {
    if (tpl.names.length > 0 && tpl.literal < MIN_EXACT_LITERAL) return [];
    const match = tpl.exact.exec(trimmed);
    return match
      ? [{ key: tpl.key, locale: tpl.locale, params: paramsOf(tpl, match), literal: tpl.literal }]
      : [];
  });
  if (exact.length > 0) {
    // The most literal wording wins ("{name}" is exactly everything); a tie keeps every key.
    const best = Math.max(...exact.map((e) => e.literal));
    return dedupe(exact.filter((e) => e.literal === best));
  }
  const found: Found[] = [];
  for (const tpl of templates()) {
    if (!tpl.inside) continue;
    for (const match of trimmed.matchAll(tpl.inside)) {
      const start = match.index ?? 0;
      found.push({
        key: tpl.key,
        locale: tpl.locale,
        params: paramsOf(tpl, match),
        start,
        end: start + match[0].length,
        literal: tpl.literal,
      });
    }
  }
  const outer = found.filter(
    (f) =>
      !found.some(
        (g) =>
          g !== f &&
          g.start <= f.start &&
          g.end >= f.end &&
          (g.end - g.start > f.end - f.start || g.literal > f.literal),
      ),
  );
  outer.sort((a, b) => a.start - b.start);
  return dedupe(outer);
}

function dedupe(labels: readonly MessageLabel[]): MessageLabel[] {
  const seen = new Set<string>();
  const out: MessageLabel[] = [];
  for (const { key, locale, params } of labels) {
    const id = `${key}\u0000${JSON.stringify(params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ key, locale, params });
  }
  return out;
}

/** The parts of a reply the customer reads, as the channel simulators see them. */
interface ActivityLike {
  readonly text?: string;
  readonly attachments?: readonly unknown[];
  readonly suggestedActions?: { readonly actions?: readonly { readonly title?: string }[] };
}

interface CardLike {
  readonly body?: readonly unknown[];
  readonly actions?: readonly { readonly title?: string; readonly data?: Record<string, unknown> }[];
}

function cardsOf(reply: ActivityLike): CardLike[] {
  return ((reply.attachments ?? []) as { contentType?: string; content?: CardLike }[])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
    .map((a) => a.content as CardLike);
}

/** Every text of a card, in order: text blocks, fact titles and values, input labels, choices, buttons. */
function cardTexts(card: CardLike): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'placeholder', 'value']) {
        if (typeof record[key] === 'string') texts.push(record[key]);
      }
      for (const [key, value] of Object.entries(record)) {
        if (typeof value === 'object' && key !== 'data') walk(value);
      }
    }
  };
  walk(card.body);
  walk(card.actions);
  return texts;
}

/** Every catalog message in these replies: message texts, suggested replies and everything on cards. */
export function messagesOf(replies: readonly ActivityLike[]): MessageLabel[] {
  const texts = replies.flatMap((reply) => [
    ...(reply.text ? [reply.text] : []),
    ...(reply.suggestedActions?.actions ?? []).flatMap((a) => (a.title ? [a.title] : [])),
    ...cardsOf(reply).flatMap(cardTexts),
  ]);
  return texts.flatMap(labelText);
}

/** The keys of `messagesOf`, each once, in order. */
export function keysOf(replies: readonly ActivityLike[]): MessageKey[] {
  return [...new Set(messagesOf(replies).map((m) => m.key))];
}

/** The placeholder values of the first message with this key in the replies (undefined when absent). */
export function paramsIn(
  replies: readonly ActivityLike[],
  key: MessageKey,
): Readonly<Record<string, string>> | undefined {
  return messagesOf(replies).find((m) => m.key === key)?.params;
}

const CARD_TITLES: readonly [RegExp, string][] = [
  [/^cards\.steps\.title$/, STEP_OVERVIEW_CARD_ID],
  [/^cards\.summary\.title$/, SUMMARY_CARD_ID],
  [/^cards\.package\.title$/, PACKAGE_CARD_ID],
  [/^cards\.email\.title\./, EMAIL_DRAFT_CARD_ID],
];

/**
 * What a card is, as one label: `form:<formId>` for a form, `choice:<question key>` for a multiple-choice
 * question, `card:agentOffer` for the "talk to an agent" button, `card:<card id>` for the read-only cards.
 */
export function cardLabel(card: CardLike): string {
  const submit = card.actions?.find((a) => a.data?.verb === 'form.submit');
  if (submit) return `form:${String(submit.data?.formId)}`;
  const picks = card.actions?.filter((a) => a.data?.verb === 'choice.pick') ?? [];
  const [first] = cardTexts({ body: card.body ?? [] });
  if (picks.length > 0 && (card.body ?? []).length === 0 && picks.every((p) => p.data?.choice === 'temsilci'))
    return 'card:agentOffer';
  const titleKeys = first === undefined ? [] : labelText(first).map((m) => m.key);
  if (picks.length > 0) return `choice:${titleKeys[0] ?? first ?? '?'}`;
  for (const [pattern, id] of CARD_TITLES) {
    if (titleKeys.some((k) => pattern.test(k))) return `card:${id}`;
  }
  const withId = card.actions?.find((a) => typeof a.data?.formId === 'string');
  if (withId) return `card:${String(withId.data?.formId)}`;
  return `card:${titleKeys[0] ?? '?'}`;
}

/**
 * The turn as a short transcript of labels, one or more per reply in order: the keys of each message's
 * text, then one label per card (`cardLabel`). Suggested replies and card contents are not listed; use
 * `keysOf`/`messagesOf` for those.
 */
export function labelsOf(replies: readonly ActivityLike[]): string[] {
  return replies.flatMap((reply) => {
    const textKeys = reply.text ? labelText(reply.text).map((m) => m.key as string) : [];
    const unknown = reply.text && textKeys.length === 0 ? ['text:?'] : [];
    return [...textKeys, ...unknown, ...cardsOf(reply).map(cardLabel)];
  });
}
