import type { Activity, Attachment, CardAction } from 'botbuilder';
import { WHATSAPP_LIMITS } from '../../cards/prompts/prompt-types';
import { CHOICE_VERB } from '../../dialogs/base/choices';
import type { WaListRow, WaOutbound, WaReplyButton, WaTemplateComponent } from './types';

/**
 * The replies of one turn as WhatsApp Cloud API messages. The bot speaks Bot Framework activities; the
 * customer's phone gets plain text, reply buttons (≤ 3) or a list (≤ 10 rows), never a card. Replies are
 * merged where they can be: WhatsApp throttles messages to one customer (the pair rate), and a question
 * reads better with its explanation in the same bubble as its buttons.
 */

/** Cloud API limits (characters counted as UTF-16 units, which is never less than WhatsApp's count). */
export const WA_LIMITS = {
  ...WHATSAPP_LIMITS,
  text: 4096,
  interactiveBody: 1024,
  buttonId: 256,
  rowId: 200,
  listButton: 20,
  sectionTitle: 24,
  maxSections: 10,
  templateParam: 1024,
  quickReplyPayload: 256,
} as const;

export interface RenderOptions {
  /** Label of the button that opens a list (≤ 20). */
  readonly listButton?: string;
  /** Body of an interactive message when the question came without any text (WhatsApp requires one). */
  readonly emptyBody?: string;
}

const DEFAULTS: Required<RenderOptions> = { listButton: 'Seçenekler', emptyBody: 'Lütfen seçin:' };
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface Choice {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

type Item =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'choices';
      readonly body: string;
      readonly choices: readonly Choice[];
      readonly list?: boolean;
    }
  | { readonly kind: 'message'; readonly message: WaOutbound };

export function renderReplies(
  activities: readonly Partial<Activity>[],
  options: RenderOptions = {},
): WaOutbound[] {
  const o = { ...DEFAULTS, ...options };
  return layout(joinTexts(activities.flatMap(activityItems)), o);
}

// ---------------------------------------------------------------------------------------------------------
// Activities → items

function activityItems(activity: Partial<Activity>): Item[] {
  // Typing indicators, events, traces and delays have no WhatsApp counterpart worth a message.
  if ((activity.type ?? 'message') !== 'message') return [];
  const items: Item[] = [];
  if (activity.text?.trim()) items.push({ kind: 'text', text: toWhatsAppMarkdown(activity.text) });
  for (const attachment of activity.attachments ?? []) items.push(...attachmentItems(attachment));
  const links = suggestedLinks(activity);
  if (links) items.push({ kind: 'text', text: links });
  const choices = promptChoices(activity) ?? suggestedChoices(activity);
  if (choices) items.push(choices);
  return items;
}

/** The prompt machine's own choices (ids the machine expects back) win over the suggested actions. */
function promptChoices(activity: Partial<Activity>): Item | undefined {
  const data = activity.channelData as { promptStyle?: unknown; choices?: unknown } | undefined;
  if (!data || typeof data.promptStyle !== 'string' || !Array.isArray(data.choices)) return undefined;
  const choices = (data.choices as unknown[]).flatMap((c): Choice[] => {
    const { id, title, description } = (c ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string') return [];
    return [
      {
        id,
        title: typeof title === 'string' ? title : id,
        ...(typeof description === 'string' ? { description } : {}),
      },
    ];
  });
  if (data.promptStyle === 'text' || choices.length === 0) return undefined;
  return { kind: 'choices', body: '', choices, list: data.promptStyle === 'list' };
}

const ANSWER_ACTIONS = new Set(['imBack', 'postBack', 'messageBack']);

function suggestedChoices(activity: Partial<Activity>): Item | undefined {
  const actions = activity.suggestedActions?.actions ?? [];
  const choices = actions.filter((a) => ANSWER_ACTIONS.has(a.type)).map(actionChoice);
  return choices.length > 0 ? { kind: 'choices', body: '', choices } : undefined;
}

function actionChoice(action: CardAction): Choice {
  const value = typeof action.value === 'string' ? action.value : (action.text ?? action.title ?? '');
  return { id: value, title: action.title ?? value };
}

function suggestedLinks(activity: Partial<Activity>): string | undefined {
  const lines = (activity.suggestedActions?.actions ?? [])
    .filter((a) => a.type === 'openUrl' && typeof a.value === 'string')
    .map((a) => linkLine(a.title, a.value as string));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function attachmentItems(attachment: Attachment): Item[] {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (attachment.contentType === ADAPTIVE_CARD && content && typeof content === 'object') {
    return cardItems(content);
  }
  // Files, hero cards and the rest cannot be shown as they are: keep what they say in words.
  const lines = [attachment.name, content?.title, content?.subtitle, content?.text].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  return lines.length > 0 ? [{ kind: 'text', text: toWhatsAppMarkdown(lines.join('\n')) }] : [];
}

// ---------------------------------------------------------------------------------------------------------
// Adaptive Cards → text (and the choices card → buttons)

type CardElement = Record<string, unknown>;

function cardItems(card: CardElement): Item[] {
  const actions = [...asElements(card.actions), ...nestedActions(asElements(card.body))];
  const links = actions
    .filter((a) => a.type === 'Action.OpenUrl' && typeof a.url === 'string')
    .map((a) => linkLine(a.title as string | undefined, a.url as string));
  const blocks = asElements(card.body)
    .map(elementText)
    .filter((t) => t.trim() !== '');
  const text = [...blocks, ...(links.length > 0 ? [links.join('\n')] : [])].join('\n\n');
  const picks = actions.filter(isChoicePick).map((a): Choice => {
    const data = a.data as { choice?: unknown };
    const title = typeof a.title === 'string' ? a.title : String(data.choice);
    return { id: typeof data.choice === 'string' ? data.choice : title, title };
  });
  if (picks.length > 0) return [{ kind: 'choices', body: text, choices: picks }];
  return text ? [{ kind: 'text', text }] : [];
}

function isChoicePick(action: CardElement): boolean {
  const data = action.data as { verb?: unknown } | undefined;
  return (action.type === 'Action.Submit' || action.type === 'Action.Execute') && data?.verb === CHOICE_VERB;
}

function asElements(value: unknown): CardElement[] {
  return Array.isArray(value) ? value.filter((v): v is CardElement => !!v && typeof v === 'object') : [];
}

function nestedActions(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((e) => [
    ...(e.type === 'ActionSet' ? asElements(e.actions) : []),
    ...nestedActions(children(e)),
  ]);
}

function children(e: CardElement): CardElement[] {
  if (e.type === 'ColumnSet') return asElements(e.columns).flatMap((c) => asElements(c.items));
  if (e.type === 'Table') {
    return asElements(e.rows).flatMap((r) => asElements(r.cells).flatMap((c) => asElements(c.items)));
  }
  return asElements(e.items);
}

function elementText(e: CardElement): string {
  switch (e.type) {
    case 'TextBlock': {
      const text = typeof e.text === 'string' ? toWhatsAppMarkdown(e.text) : '';
      const heading =
        String(e.weight).toLowerCase() === 'bolder' ||
        e.style === 'heading' ||
        ['large', 'extralarge'].includes(String(e.size).toLowerCase());
      return heading ? bold(text) : text;
    }
    case 'RichTextBlock':
      return asElements(e.inlines)
        .map((i) => {
          const text = typeof i.text === 'string' ? i.text : '';
          return String(i.weight).toLowerCase() === 'bolder' ? bold(text) : text;
        })
        .join('');
    case 'FactSet':
      return asElements(e.facts)
        .map((f) => `${bold(String(f.title ?? '').replace(/:\s*$/, ''))}: ${String(f.value ?? '')}`)
        .join('\n');
    default:
      // Containers, columns and tables: their text in reading order. Inputs and images say nothing here.
      return children(e)
        .map(elementText)
        .filter((t) => t.trim() !== '')
        .join('\n');
  }
}

function linkLine(title: string | undefined, url: string): string {
  return title?.trim() ? `${title.trim()}: ${url}` : url;
}

/** WhatsApp bold is one `*…*` per line, hugging the words; stray asterisks inside would end it early. */
function bold(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead = '', words = '', trail = ''] = /^(\s*)(.*?)(\s*)$/.exec(line.replace(/\*/g, '')) ?? [];
      return words ? `${lead}*${words}*${trail}` : line.trim();
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Markdown and text sizes

/** Bot Framework markdown → WhatsApp formatting: `*bold*`, `_italic_`, `~strike~`, links as "text (url)". */
export function toWhatsAppMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      return heading?.[1] ? bold(heading[1]) : line;
    })
    .join('\n')
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '*$1*')
    .replace(/__(?=\S)([^\n]*?\S)__/g, '*$1*')
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '~$1~')
    .replace(
      /!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
      (_whole, label: string, url: string) =>
        label.trim() && label.trim() !== url ? `${label.trim()} (${url})` : url,
    )
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/g, '$1');
}

/** Cuts to `max` UTF-16 units, ending in "…" when cut, never inside a surrogate pair. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Splits at paragraph, then line, then word boundaries into pieces of at most `max` units. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = forwardCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function forwardCut(text: string, max: number): number {
  // A paragraph or line boundary is worth a shorter piece, but not a tiny one.
  for (const [separator, min] of [
    ['\n\n', max / 2],
    ['\n', max / 2],
    [' ', 1],
  ] as const) {
    const at = text.lastIndexOf(separator, max - 1);
    if (at >= min) return at;
  }
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

/** The longest tail of at most `max` units that starts at a boundary, and what comes before it. */
function splitTail(text: string, max: number): [string, string] {
  const t = text.trim();
  if (t.length <= max) return ['', t];
  const from = t.length - max;
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = t.indexOf(separator, Math.max(0, from - separator.length));
    const tail = at >= 0 ? t.slice(at + separator.length).trim() : '';
    if (tail) return [t.slice(0, at).trimEnd(), tail];
  }
  const at = isLowSurrogate(t.charCodeAt(from)) ? from + 1 : from;
  return [t.slice(0, at), t.slice(at)];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// ---------------------------------------------------------------------------------------------------------
// Items → messages

function joinTexts(items: readonly Item[]): Item[] {
  const joined: Item[] = [];
  for (const item of items) {
    const last = joined.at(-1);
    if (item.kind === 'text' && last?.kind === 'text') {
      joined[joined.length - 1] = { kind: 'text', text: `${last.text}\n\n${item.text}` };
    } else joined.push(item);
  }
  return joined;
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

function placeChoices(
  placed: Item[],
  item: Extract<Item, { kind: 'choices' }>,
  o: Required<RenderOptions>,
): void {
  const choices = cleanChoices(item.choices);
  const shape = choiceShape(choices, item.list ?? false);
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

function cleanChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const clean: Choice[] = [];
  for (const c of choices) {
    const title = c.title.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
    const id = c.id.trim() || title;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const description = c.description?.replace(/\s+/g, ' ').trim();
    clean.push({ id, title: title || id, ...(description ? { description } : {}) });
  }
  return clean;
}

function choiceShape(
  choices: readonly Choice[],
  preferList: boolean,
): 'buttons' | 'list' | 'numbered' | 'none' {
  if (choices.length === 0) return 'none';
  const titles = new Set(choices.map((c) => c.title));
  const buttonsFit =
    choices.length <= WA_LIMITS.maxButtons &&
    titles.size === choices.length &&
    choices.every((c) => c.title.length <= WA_LIMITS.buttonTitle && c.id.length <= WA_LIMITS.buttonId);
  if (buttonsFit && !preferList) return 'buttons';
  if (choices.length <= WA_LIMITS.maxRows && choices.every((c) => c.id.length <= WA_LIMITS.rowId))
    return 'list';
  return buttonsFit ? 'buttons' : 'numbered';
}

function buttonsMessage(body: string, choices: readonly Choice[]): WaOutbound {
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.title } })) },
    },
  };
}

function listMessage(body: string, choices: readonly Choice[], label: string): WaOutbound {
  const rows = choices.map((c): WaListRow => {
    const cut = c.title.length > WA_LIMITS.rowTitle;
    // A cut title is repeated whole in the description, so nobody picks a row they cannot read.
    const description =
      cut && c.description ? `${c.title} · ${c.description}` : (c.description ?? (cut ? c.title : ''));
    return {
      id: c.id,
      title: fitText(c.title, WA_LIMITS.rowTitle),
      ...(description ? { description: fitText(description, WA_LIMITS.rowDescription) } : {}),
    };
  });
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: body },
      action: {
        button: fitText(label.trim() || DEFAULTS.listButton, WA_LIMITS.listButton),
        sections: [{ rows }],
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Limits

/** Every Cloud API limit a message breaks (empty when WhatsApp will accept it). */
export function whatsAppLimitProblems(message: WaOutbound): string[] {
  const p = new Problems();
  if (message.type === 'text') p.sized(message.text.body, WA_LIMITS.text, 'text.body');
  else if (message.type === 'template') p.add(...templateProblems(message.template));
  else {
    const interactive = message.interactive;
    p.sized(interactive.body.text, WA_LIMITS.interactiveBody, 'interactive.body.text');
    if (interactive.type === 'button') buttonProblems(p, interactive.action.buttons);
    else listProblems(p, interactive.action);
  }
  return p.list;
}

type Interactive = Extract<WaOutbound, { type: 'interactive' }>['interactive'];
type ListAction = Extract<Interactive, { type: 'list' }>['action'];

class Problems {
  readonly list: string[] = [];
  add(...problems: string[]): void {
    this.list.push(...problems);
  }
  check(ok: boolean, problem: string): void {
    if (!ok) this.list.push(problem);
  }
  sized(value: string | undefined, max: number, what: string): void {
    const size = value === undefined ? 'missing' : `${value.length} characters`;
    this.check(
      value !== undefined && value.trim() !== '' && value.length <= max,
      `${what}: ${size} (1..${max})`,
    );
  }
  unique(values: readonly string[], what: string): void {
    this.check(new Set(values).size === values.length, `${what} are not unique`);
  }
}

function buttonProblems(p: Problems, buttons: readonly WaReplyButton[]): void {
  const n = buttons.length;
  p.check(n >= 1 && n <= WA_LIMITS.maxButtons, `reply buttons: ${n} (1..${WA_LIMITS.maxButtons})`);
  buttons.forEach((b, i) => {
    p.check(b.type === 'reply', `button ${i}: type ${String(b.type)} is not reply`);
    p.sized(b.reply.title, WA_LIMITS.buttonTitle, `button ${i} title`);
    p.sized(b.reply.id, WA_LIMITS.buttonId, `button ${i} id`);
  });
  p.unique(
    buttons.map((b) => b.reply.id),
    'button ids',
  );
  p.unique(
    buttons.map((b) => b.reply.title),
    'button titles',
  );
}

function listProblems(p: Problems, action: ListAction): void {
  p.sized(action.button, WA_LIMITS.listButton, 'list button');
  const { sections } = action;
  const rows = sections.flatMap((s) => s.rows);
  p.check(
    sections.length >= 1 && sections.length <= WA_LIMITS.maxSections,
    `list sections: ${sections.length}`,
  );
  p.check(
    rows.length >= 1 && rows.length <= WA_LIMITS.maxRows,
    `list rows: ${rows.length} (1..${WA_LIMITS.maxRows})`,
  );
  sections.forEach((s, i) => {
    // A section title is required once there are several sections.
    if (sections.length > 1 || s.title !== undefined)
      p.sized(s.title, WA_LIMITS.sectionTitle, `section ${i} title`);
    p.check(s.rows.length >= 1, `section ${i} has no rows`);
  });
  rows.forEach((r, i) => {
    p.sized(r.id, WA_LIMITS.rowId, `row ${i} id`);
    p.sized(r.title, WA_LIMITS.rowTitle, `row ${i} title`);
    if (r.description !== undefined) p.sized(r.description, WA_LIMITS.rowDescription, `row ${i} description`);
  });
  p.unique(
    rows.map((r) => r.id),
    'row ids',
  );
}

function templateProblems(template: Extract<WaOutbound, { type: 'template' }>['template']): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9_]{1,512}$/.test(template.name))
    problems.push(`template name "${template.name}" is not a template name`);
  if (!template.language.code.trim()) problems.push('template language code is empty');
  const buttons: string[] = [];
  for (const component of template.components ?? []) problems.push(...componentProblems(component, buttons));
  if (new Set(buttons).size !== buttons.length) problems.push('template button indexes are not unique');
  return problems;
}

function componentProblems(component: WaTemplateComponent, indexes: string[]): string[] {
  const problems: string[] = [];
  if (component.type === 'body') {
    component.parameters.forEach((p, i) => {
      const where = `template body parameter ${i + 1}`;
      if (!p.text.trim()) problems.push(`${where} is empty`);
      if (p.text.length > WA_LIMITS.templateParam) problems.push(`${where}: ${p.text.length} characters`);
      // Meta refuses a parameter with a new line, a tab or more than four spaces in a row.
      if (/[\n\r\t]/.test(p.text)) problems.push(`${where} contains a new line or tab`);
      if (/ {5,}/.test(p.text)) problems.push(`${where} contains more than 4 consecutive spaces`);
    });
    return problems;
  }
  indexes.push(component.index);
  if (component.sub_type !== 'quick_reply')
    problems.push(`template button ${component.index} is not quick_reply`);
  if (!/^\d$/.test(component.index)) problems.push(`template button index "${component.index}" is not 0..9`);
  component.parameters.forEach((p) => {
    if (p.type !== 'payload') problems.push(`template button ${component.index} parameter is not a payload`);
    if (!p.payload || p.payload.length > WA_LIMITS.quickReplyPayload) {
      problems.push(`template button ${component.index} payload: ${p.payload.length} characters`);
    }
  });
  return problems;
}
