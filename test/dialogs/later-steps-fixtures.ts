import {
  acceptPrivacyNotice,
  applyPatch,
  createCase,
  markStep,
  STEP_IDS,
  type Actor,
  type Case,
  type CaseData,
  type StepId,
  type StepStatus,
} from '../../src/domain/case';
import type { AdaptiveCardLike } from '../support/channel-simulator';
import { cardsIn, DialogHarness, type DialogCustomer } from '../support/dialog-harness';
import type { ReceivedActivity } from '../support/local-connector';

/** Shared seeds and readers for the step 3–6 dialog tests (the dialogs run in memory, without HTTP). */

const SEED_ACTOR: Actor = { kind: 'system', id: 'test-seed' };
const SEED_AT = '2026-11-02T09:00:00.000Z';
export const TEST_ACTOR: Actor = { kind: 'agent', id: 'agent-1' };

export const BRAND_A = 'Örnek';
export const BRAND_B = 'Örnek Outlet';

/** What the first two steps leave behind: company, signatory and two brands. */
export const COMPANY: Partial<CaseData> = {
  tradeTitle: 'Örnek Ticaret Anonim Şirketi',
  vkn: '4540536920',
  signatoryName: 'Ayşe Yılmaz',
  signatoryEmail: 'ayse.yilmaz@ornek.com.tr',
  brands: [
    { name: BRAND_A, smsSenders: ['ORNEK'], callNumbers: [], emailSenders: [] },
    { name: BRAND_B, smsSenders: [], callNumbers: [], emailSenders: [] },
  ],
};
export const CODES: Partial<CaseData> = {
  iysCode: '675403',
  brandCodes: { [BRAND_A]: '675403', [BRAND_B]: '660651' },
};
export const LARGE_PACKAGE: Partial<CaseData> = {
  approvedPhones: 150000,
  approvedEmails: 200000,
  packageTier: 'ILETI-250',
  paymentMethod: 'card',
  packageActiveAt: SEED_AT,
};

/** A case whose privacy notice is accepted, whose steps before `at` are done and `at` itself `waiting` if asked. */
export function seedCase(id: string, at: StepId, data: Partial<CaseData>, waiting = false): Case {
  let current = acceptPrivacyNotice(
    createCase({ id, at: SEED_AT, actor: SEED_ACTOR }),
    '2026-11',
    SEED_ACTOR,
    SEED_AT,
  );
  const patched = applyPatch(current, data, SEED_ACTOR, SEED_AT);
  if (!patched.ok) throw new Error(`seed refused: ${JSON.stringify(patched.errors)}`);
  current = patched.case;
  const moves: [StepId, StepStatus][] = STEP_IDS.slice(0, STEP_IDS.indexOf(at)).flatMap((step) => [
    [step, 'in_progress'],
    [step, 'done'],
  ]);
  if (waiting) moves.push([at, 'in_progress'], [at, 'waiting']);
  for (const [step, to] of moves) {
    const moved = markStep(current, step, to, SEED_ACTOR, SEED_AT);
    if (!moved.ok) throw new Error(`seed step ${step}: ${moved.error.code}`);
    current = moved.case;
  }
  return current;
}

/** The step 3–6 dialogs in memory; each customer starts from a seeded case. */
export class Harness extends DialogHarness {
  /** A new customer on the Emulator (cards render) whose case is seeded at step `at`. */
  async customerAt(at: StepId, data: Partial<CaseData>, waiting = false): Promise<DialogCustomer> {
    const user = this.customer();
    await this.seed(user, seedCase(user.caseId, at, data, waiting));
    return user;
  }

  caseId(user: DialogCustomer): string {
    return user.caseId;
  }
}

/** Every text the customer sees in these replies: message texts, hero card (choice) texts, card text blocks. */
export function shown(replies: readonly ReceivedActivity[]): string {
  const parts: string[] = [];
  for (const reply of replies) {
    if (reply.text) parts.push(reply.text);
    for (const attachment of (reply.attachments ?? []) as { content?: unknown }[])
      collectText(attachment.content, parts);
  }
  return parts.join('\n');
}

function collectText(node: unknown, into: string[]): void {
  if (Array.isArray(node)) node.forEach((n) => collectText(n, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
        into.push(value);
      else collectText(value, into);
    }
  }
}

/** Input ids of the form card among these replies (the last one when several). */
export function formInputs(replies: readonly ReceivedActivity[]): Record<string, unknown> {
  const form = [...cardsIn(replies)]
    .reverse()
    .find((c) => c.actions?.some((a) => a.data?.verb === 'form.submit'));
  const inputs: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; id?: string; value?: unknown };
      if (element.type?.startsWith('Input.') && element.id) inputs[element.id] = element.value;
      Object.values(node).forEach(walk);
    }
  };
  walk(form?.body);
  return inputs;
}

export function hasFormCard(replies: readonly ReceivedActivity[], formId: string): boolean {
  return cardsIn(replies).some((c) => c.actions?.some((a) => a.data?.formId === formId));
}

/** Step name → status text on the step overview card among these replies. */
export function overview(replies: readonly ReceivedActivity[]): Record<string, string> {
  const card = cardsIn(replies).find((c) => shown([cardReply(c)]).includes('6 adım'));
  if (!card) throw new Error('no overview card in the replies');
  const rows: Record<string, string> = {};
  for (const element of (card.body ?? []) as {
    type?: string;
    columns?: { items?: { text?: string }[] }[];
  }[]) {
    const items = element.type === 'ColumnSet' ? element.columns?.[1]?.items : undefined;
    if (items?.[0]?.text && items[1]?.text) rows[items[0].text] = items[1].text;
  }
  return rows;
}

function cardReply(card: AdaptiveCardLike): ReceivedActivity {
  return { type: 'message', attachments: [{ content: card }] };
}
