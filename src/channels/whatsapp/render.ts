import type { Activity, Attachment } from 'botbuilder';
import { outboundPromptOf, type OutboundChoice, type OutboundPrompt } from '../../../cards/outbound-prompt';
import { WA_LIMITS, fitText } from './limits';
import { joinTexts, splitText, splitTail, toWhatsAppMarkdown, type TextItem } from './text';
import type { WaListRow, WaOutbound } from './types';

/**
 * The replies of one turn as WhatsApp Cloud API messages. What a reply asks is its prompt (see
 * cards/outbound-prompt): plain text, a choice, a form's question; a reply without one is plain text. The
 * customer's phone gets text, reply buttons (≤ 3) or a list (≤ 10 rows), never a card. Replies are merged
 * where they can be: WhatsApp throttles messages to one customer (the pair rate), and a question reads
 * better with its explanation in the same bubble as its buttons.
 */

export interface RenderOptions {
  /** Label of the button that opens a list (≤ 20). */
  readonly listButton?: string;
  /** Body of an interactive message when the question came without any text (WhatsApp requires one). */
  readonly emptyBody?: string;
}

const DEFAULTS: Required<RenderOptions> = { listButton: 'Seçenekler', emptyBody: 'Lütfen seçin:' };

interface ChoicesItem {
  readonly kind: 'choices';
  readonly body: string;
  readonly choices: readonly OutboundChoice[];
  readonly list: boolean;
}

type Item = TextItem | ChoicesItem | { readonly kind: 'message'; readonly message: WaOutbound };

export function renderReplies(
  activities: readonly Partial<Activity>[],
  options: RenderOptions = {},
): WaOutbound[] {
  return layout(joinTexts(activities.flatMap(activityItems)), { ...DEFAULTS, ...options });
}

/** One prompt on its own (a message the bot starts, e.g. a reminder with its answers). */
export function renderPrompt(prompt: OutboundPrompt, options: RenderOptions = {}): WaOutbound[] {
  return layout(promptItems(prompt), { ...DEFAULTS, ...options });
}

function activityItems(activity: Partial<Activity>): Item[] {
  // Typing indicators, events, traces and delays have no WhatsApp counterpart worth a message.
  if ((activity.type ?? 'message') !== 'message') return [];
  const prompt = outboundPromptOf(activity.channelData);
  return prompt ? promptItems(prompt) : plainItems(activity);
}

function promptItems(prompt: OutboundPrompt): Item[] {
  const text = toWhatsAppMarkdown(prompt.text);
  const typed = prompt.kind === 'text' || (prompt.kind === 'form-question' && prompt.answer === 'typed');
  if (typed || prompt.choices.length === 0) return text.trim() ? [{ kind: 'text', text }] : [];
  const list = prompt.kind === 'form-question' && prompt.answer === 'list';
  return [{ kind: 'choices', body: text, choices: prompt.choices, list }];
}

/** A reply without a prompt: its text, and of anything attached (files, hero cards) only its words. */
function plainItems(activity: Partial<Activity>): Item[] {
  const texts = [activity.text, ...(activity.attachments ?? []).map(attachmentWords)];
  return texts.flatMap((t): Item[] => (t?.trim() ? [{ kind: 'text', text: toWhatsAppMarkdown(t) }] : []));
}

function attachmentWords(attachment: Attachment): string {
  const content = attachment.content as Record<string, unknown> | undefined;
  return [attachment.name, content?.title, content?.subtitle, content?.text]
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join('\n');
}

function layout(items: readonly Item[], o: Required<RenderOptions>): WaOutbound[] {
  const placed: Item[] = [];
  for (const item of items) {
    if (item.kind !== 'choices') placed.push(item);
    else placeChoices(placed, item, o);
  }
  // Consecutive texts travel as few messages as their size allows.
  const out: WaOutbound[] = [];
  for (const item of joinTexts(placed)) {
    if (item.kind === 'message') out.push(item.message);
    else if (item.kind === 'text') {
      for (const body of splitText(item.text, WA_LIMITS.text)) out.push({ type: 'text', text: { body } });
    }
  }
  return out;
}

function placeChoices(placed: Item[], item: ChoicesItem, o: Required<RenderOptions>): void {
  const choices = cleanChoices(item.choices);
  const shape = choiceShape(choices, item.list);
  if (shape === 'numbered' || shape === 'none') {
    const lines = choices.map((c, i) => `${i + 1}. ${c.title}${c.description ? ` – ${c.description}` : ''}`);
    const text = [item.body, lines.join('\n')].filter((t) => t.trim() !== '').join('\n\n');
    if (text) placed.push({ kind: 'text', text });
    return;
  }
  const body = takeBody(placed, item.body, o.emptyBody);
  placed.push({
    kind: 'message',
    message: shape === 'buttons' ? buttonsMessage(body, choices) : listMessage(body, choices, o.listButton),
  });
}

/**
 * The interactive body: the question's own text with the text just before it folded in when both fit
 * in 1024 units; a longer text keeps its head as a text message and gives its last paragraphs.
 */
function takeBody(placed: Item[], own: string, emptyBody: string): string {
  const last = placed.at(-1);
  const previous = last?.kind === 'text' ? last.text : undefined;
  const combined = [previous, own].filter((t): t is string => !!t?.trim()).join('\n\n');
  if (combined.length <= WA_LIMITS.interactiveBody) {
    if (previous !== undefined) placed.pop();
    return combined.trim() || emptyBody;
  }
  if (own.trim() && own.length <= WA_LIMITS.interactiveBody) return own.trim();
  const [head, tail] = splitTail(own.trim() ? own : (previous ?? ''), WA_LIMITS.interactiveBody);
  if (!own.trim()) placed.pop();
  if (head) placed.push({ kind: 'text', text: head });
  return tail;
}

/** Titles as chat text (no asterisks, single spaces), each value once. */
function cleanChoices(choices: readonly OutboundChoice[]): OutboundChoice[] {
  const clean = (text: string) => text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const cleaned: OutboundChoice[] = [];
  for (const c of choices) {
    const title = clean(c.title);
    const value = c.value.trim() || title;
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const whole = title || value;
    const shortTitle = clean(c.shortTitle) || fitText(whole, WA_LIMITS.rowTitle);
    const description = c.description?.replace(/\s+/g, ' ').trim();
    cleaned.push({ value, title: whole, shortTitle, ...(description ? { description } : {}) });
  }
  return cleaned;
}

function choiceShape(
  choices: readonly OutboundChoice[],
  preferList: boolean,
): 'buttons' | 'list' | 'numbered' | 'none' {
  if (choices.length === 0) return 'none';
  const titles = new Set(choices.map((c) => c.shortTitle));
  const buttonsFit =
    choices.length <= WA_LIMITS.maxButtons &&
    titles.size === choices.length &&
    choices.every(
      (c) => c.shortTitle.length <= WA_LIMITS.buttonTitle && c.value.length <= WA_LIMITS.buttonId,
    );
  if (buttonsFit && !preferList) return 'buttons';
  if (choices.length <= WA_LIMITS.maxRows && choices.every((c) => c.value.length <= WA_LIMITS.rowId))
    return 'list';
  return buttonsFit ? 'buttons' : 'numbered';
}

function buttonsMessage(body: string, choices: readonly OutboundChoice[]): WaOutbound {
  const buttons = choices.map((c) => ({
    type: 'reply' as const,
    reply: { id: c.value, title: c.shortTitle },
  }));
  return { type: 'interactive', interactive: { type: 'button', body: { text: body }, action: { buttons } } };
}

function listMessage(body: string, choices: readonly OutboundChoice[], label: string): WaOutbound {
  const rows = choices.map((c): WaListRow => {
    const cut = c.shortTitle !== c.title || c.shortTitle.length > WA_LIMITS.rowTitle;
    // A cut title is repeated whole in the description, so nobody picks a row they cannot read.
    const description =
      cut && c.description ? `${c.title} · ${c.description}` : (c.description ?? (cut ? c.title : ''));
    return {
      id: c.value,
      title: fitText(c.shortTitle, WA_LIMITS.rowTitle),
      ...(description ? { description: fitText(description, WA_LIMITS.rowDescription) } : {}),
    };
  });
  const button = fitText(label.trim() || DEFAULTS.listButton, WA_LIMITS.listButton);
  return {
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ rows }] } },
  };
}
