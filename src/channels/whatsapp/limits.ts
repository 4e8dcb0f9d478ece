import { WHATSAPP_LIMITS } from '../../../cards/prompts/prompt-types';
import type { WaOutbound, WaReplyButton, WaTemplateComponent } from './types';

/**
 * The Cloud API's limits on what we send, and the checker that holds a message to them (the fake Graph
 * server refuses what the real one would). Characters are counted as UTF-16 units, which is never less
 * than WhatsApp's count.
 */
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

/** Cuts to `max` UTF-16 units, ending in "…" when cut, never inside a surrogate pair. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

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
type Template = Extract<WaOutbound, { type: 'template' }>['template'];

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

function templateProblems(template: Template): string[] {
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
  if (component.type === 'body') return bodyParameterProblems(component.parameters);
  const problems: string[] = [];
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

function bodyParameterProblems(parameters: readonly { readonly text: string }[]): string[] {
  const problems: string[] = [];
  parameters.forEach((p, i) => {
    const where = `template body parameter ${i + 1}`;
    if (!p.text.trim()) problems.push(`${where} is empty`);
    if (p.text.length > WA_LIMITS.templateParam) problems.push(`${where}: ${p.text.length} characters`);
    // Meta refuses a parameter with a new line, a tab or more than four spaces in a row.
    if (/[\n\r\t]/.test(p.text)) problems.push(`${where} contains a new line or tab`);
    if (/ {5,}/.test(p.text)) problems.push(`${where} contains more than 4 consecutive spaces`);
  });
  return problems;
}
