import type { CaseData, StepStatus } from '../../src/domain/case';
import { cardsIn, DialogHarness, type DialogCustomer } from '../support/dialog-harness';
import type { ReceivedActivity } from '../support/local-connector';
import { keysOf } from '../support/message-keys';
import { FORM_SAMPLES } from '../unit/forms/form-samples';

/** Valid raw card inputs (as strings): the form samples of the unit tests, so both stay in step. */
export const COMPANY_WITH_MERSIS = FORM_SAMPLES.company.raw;

export const COMPANY_WITHOUT_MERSIS = {
  ...COMPANY_WITH_MERSIS,
  hasMersis: 'false',
  mersisNo: '',
  tradeTitle: 'Örnek Kırtasiye Limited Şirketi',
} as const;

export const SIGNATORY_TCKN = { ...FORM_SAMPLES.signatory.raw, signatoryPassport: '' };

export const BRAND = {
  name: 'Örnek',
  smsSenders: 'ORNEK, ORNEKMARKA',
  callNumbers: '0850 123 45 67',
  emailSenders: 'bulten@ornek.com.tr',
  reachBySms: '12.500',
  reachByCall: '0',
  reachByEmail: '40000',
} as const;

export const STATISTICS = FORM_SAMPLES.statistics.raw;

/** A complete manual pre-application with two brands, as stored (normalised values). */
export const SUBMITTED_CASE_DATA: CaseData = {
  route: 'manual',
  hasMersis: true,
  mersisNo: '0454053692000015',
  tradeTitle: 'Örnek Ticaret Anonim Şirketi',
  vkn: '4540536920',
  taxOffice: 'Mecidiyeköy',
  website: 'https://www.ornek.com.tr',
  phone: '+902121234567',
  city: 'İstanbul',
  district: 'Şişli',
  address: 'Esentepe Mah. Büyükdere Cad. No: 1 Kat: 5',
  signatoryIdType: 'tckn',
  signatoryTckn: '17291716060',
  signatoryName: 'Ayşe Yılmaz',
  signatoryEmail: 'ayse.yilmaz@ornek.com.tr',
  signatoryMobile: '+905321234567',
  brands: [
    { name: 'Örnek', smsSenders: ['ORNEK'], callNumbers: [], emailSenders: [] },
    { name: 'Örnek Outlet', smsSenders: ['ORNEKOUTLT'], callNumbers: [], emailSenders: [] },
  ],
  statsMessagesSent: 250000,
  statsNumbersAdded: 1200,
  statsRefusals: 35,
  applicationOutcome: 'pending',
};

/** Every text a customer would read in some replies: message text, hero card (choice) and Adaptive Card text. */
export function readable(replies: readonly ReceivedActivity[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) {
        if (typeof record[key] === 'string') parts.push(record[key]);
      }
      for (const key of ['body', 'items', 'facts', 'buttons', 'content', 'attachments', 'columns']) {
        walk(record[key]);
      }
    }
  };
  walk(replies);
  return parts.join('\n');
}

/** Ids of the Adaptive Card forms in some replies (the `formId` of their submit action). */
export function formIds(replies: readonly ReceivedActivity[]): string[] {
  return cardsIn(replies).flatMap((card) =>
    (card.actions ?? []).flatMap((a) => (a.data?.verb === 'form.submit' ? [String(a.data.formId)] : [])),
  );
}

/** The step 1–2 dialogs in memory, with the journeys the tests share. */
export class EarlyStepsHarness extends DialogHarness {
  /**
   * Greets (which creates the case), stores a filled pre-application as if the customer had sent it, then
   * accepts the privacy notice: the turn that follows runs the application status dialog.
   */
  async startWithSubmittedApplication(
    user: DialogCustomer,
    data: Partial<CaseData> = {},
    preApplication: StepStatus = 'waiting',
  ): Promise<ReceivedActivity[]> {
    await user.send('merhaba');
    const current = await this.caseOf(user);
    await this.cases.replace({
      ...current,
      data: { ...SUBMITTED_CASE_DATA, ...data },
      steps: { ...current.steps, preApplication: { status: preApplication } },
    });
    return user.send('Kabul ediyorum');
  }

  /** Greets, accepts the privacy notice and answers "not registered yet": the company form is next. */
  async startPreApplication(user: DialogCustomer): Promise<ReceivedActivity[]> {
    await user.send('merhaba');
    const accepted = await user.send('Kabul ediyorum');
    expect(keysOf(accepted)).toContain('dialogs.pre.registered.question');
    return user.send('Hayır, ilk kez başvuracağız');
  }

  /** Company (given) → e-signature → route → signatory → one brand → statistics; returns the last turn. */
  async fillPreApplication(
    user: DialogCustomer,
    company: Record<string, string>,
    route: 'online' | 'manual',
    signatory: Record<string, string> = SIGNATORY_TCKN,
  ): Promise<ReceivedActivity[]> {
    expect(formIds(await this.startPreApplication(user))).toEqual(['company']);
    await user.submitCard(company);
    expect(formIds(await user.send(route === 'online' ? 'Evet, var' : 'Hayır, yok'))).toEqual(['route']);
    expect(formIds(await user.submitCard({ route }))).toEqual(['signatory']);
    expect(formIds(await user.submitCard(signatory))).toEqual(['brand']);
    await user.submitCard(BRAND);
    expect(formIds(await user.send('Hayır, devam et'))).toEqual(['statistics']);
    return user.submitCard(STATISTICS);
  }
}

interface CardNode {
  readonly type?: string;
  readonly id?: string;
  readonly value?: unknown;
  readonly text?: string;
  readonly items?: readonly CardNode[];
}

function containers(replies: readonly ReceivedActivity[]): CardNode[] {
  const found: CardNode[] = [];
  const walk = (nodes: readonly unknown[] | undefined): void => {
    for (const node of (nodes ?? []) as CardNode[]) {
      if (node.type === 'Container') found.push(node);
      walk(node.items);
    }
  };
  for (const card of cardsIn(replies)) walk(card.body);
  return found;
}

/** The value an input of the last form card shows (what the customer typed is kept after an error). */
export function inputValue(replies: readonly ReceivedActivity[], fieldId: string): unknown {
  for (const box of containers(replies)) {
    const input = box.items?.find((item) => item.type?.startsWith('Input.') && item.id === fieldId);
    if (input) return input.value;
  }
  return undefined;
}

/** The texts shown right under one input (help, errors, warnings). */
export function notesUnder(replies: readonly ReceivedActivity[], fieldId: string): string[] {
  const box = containers(replies).find((c) => c.items?.some((item) => item.id === fieldId));
  return (box?.items ?? []).flatMap((item) => (item.type === 'TextBlock' && item.text ? [item.text] : []));
}
