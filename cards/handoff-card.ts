import { maskValue, type CaseData, type StepId, type StepStates } from '../src/domain/case';
import { isMessageKey, translator, type Locale, type Translator } from '../src/i18n';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { factSet, textBlock } from './card-parts';

export const HANDOFF_CLAIM_VERB = 'handoff.claim';
export const HANDOFF_REFRESH_VERB = 'handoff.refresh';

export interface HandoffCardLine {
  readonly at: string;
  readonly from: 'customer' | 'bot' | 'agent' | 'note' | 'system';
  readonly channel?: string;
  readonly by?: string;
  /** Already masked (the transcript store masks before it stores). */
  readonly text: string;
}

export interface HandoffCardOptions {
  readonly caseId: string;
  readonly data: CaseData;
  readonly steps: StepStates;
  readonly step: StepId | null;
  readonly pending: readonly string[];
  readonly reason: 'customer_request' | 'repeated_invalid_input' | 'reminders_unanswered';
  readonly channel: string;
  readonly requestedAt: string;
  readonly state: 'requested' | 'owned' | 'closed';
  readonly owner?: string;
  readonly closedReason?: 'agent' | 'idle' | 'unclaimed';
  /** Shown on top for the one agent who sees it (e.g. "already taken by X"). */
  readonly notice?: string;
  readonly transcript: readonly HandoffCardLine[];
  /** Agents whose Teams client fetches the current card when they look at it (Universal Actions). */
  readonly refreshUserIds?: readonly string[];
  readonly locale?: Locale;
}

const TIME = new Intl.DateTimeFormat('tr-TR', {
  timeZone: 'Europe/Istanbul',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** Display names of the customer's channels, as the agent sees them in the card and the thread. */
export function channelLabel(channelId: string): string {
  const labels: Record<string, string> = { msteams: 'Teams', whatsapp: 'WhatsApp', webchat: 'Web Chat' };
  return labels[channelId] ?? channelId;
}

/**
 * The support channel's card for one agent request: who, where, what is pending, the data collected so far
 * with personal data masked, the latest chat lines and "Devral / Take over" (Action.Execute). Once claimed,
 * the card names the owner and carries `refresh` so every agent's client shows the same state.
 */
export function renderHandoffCard(options: HandoffCardOptions): AdaptiveCardJson {
  const tr = translator(options.locale ?? 'tr');
  const company = options.data.tradeTitle ?? options.caseId;
  const body: CardElement[] = [
    textBlock(tr('handoff.card.title', { company }), { size: 'medium', weight: 'bolder' }),
    ...(options.notice ? [textBlock(options.notice, { color: 'attention', weight: 'bolder' })] : []),
    textBlock(stateText(tr, options), { color: options.state === 'requested' ? 'warning' : 'good' }),
    factSet([
      [tr('handoff.card.company'), company],
      [tr('handoff.card.step'), stepText(tr, options)],
      [tr('handoff.card.pending'), options.pending.join(', ') || tr('handoff.card.nothingPending')],
      [tr('handoff.card.reason'), tr(`handoff.reason.${options.reason}`)],
      [tr('handoff.card.channel'), channelLabel(options.channel)],
      [tr('handoff.card.requestedAt'), TIME.format(new Date(options.requestedAt))],
    ]),
    textBlock(tr('handoff.card.data'), { weight: 'bolder', spacing: 'medium' }),
    factSet(dataFacts(tr, options.data)),
    textBlock(tr('handoff.card.transcript'), { weight: 'bolder', spacing: 'medium' }),
    ...transcriptBlocks(tr, options.transcript),
  ];
  const actions: CardElement[] =
    options.state === 'requested'
      ? [
          {
            type: 'Action.Execute',
            title: tr('handoff.card.claim'),
            verb: HANDOFF_CLAIM_VERB,
            data: { caseId: options.caseId },
            style: 'positive',
          },
        ]
      : [];
  const card = adaptiveCard(body, actions);
  if (!options.refreshUserIds || options.refreshUserIds.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: HANDOFF_REFRESH_VERB, data: { caseId: options.caseId } },
      // Teams refreshes automatically for at most 60 listed users.
      userIds: options.refreshUserIds.slice(0, 60),
    },
  };
}

function stateText(tr: Translator, options: HandoffCardOptions): string {
  if (options.state === 'owned') return tr('handoff.card.ownedBy', { name: options.owner ?? '?' });
  if (options.state === 'closed')
    return tr('handoff.card.closed', { reason: tr(`handoff.closed.${options.closedReason ?? 'agent'}`) });
  return tr('handoff.card.waiting');
}

function stepText(tr: Translator, options: HandoffCardOptions): string {
  if (!options.step) return tr('domain.stepStatus.done');
  const status = options.steps[options.step].status;
  return `${tr(`domain.step.${options.step}`)} (${tr(`domain.stepStatus.${status}`)})`;
}

/** Scalar fields with their form labels, personal ones masked; lists become counts or names. */
export function dataFacts(tr: Translator, data: CaseData): [string, string][] {
  const rows: [string, string][] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined || value === null) continue;
    const labelKey = `forms.field.${field}.label`;
    const label = isMessageKey(labelKey) ? tr(labelKey) : field;
    if (field === 'brands' && Array.isArray(value)) {
      rows.push([label, value.map((b) => (b as { name: string }).name).join(', ')]);
    } else if (typeof value !== 'object') {
      rows.push([label, maskValue(field, value)]);
    }
  }
  return rows.length > 0 ? rows : [['—', '—']];
}

function transcriptBlocks(tr: Translator, lines: readonly HandoffCardLine[]): CardElement[] {
  if (lines.length === 0) return [textBlock(tr('handoff.card.noTranscript'), { isSubtle: true })];
  return lines.map((line) => {
    const who =
      line.from === 'customer'
        ? `${channelLabel(line.channel ?? '')} ▸`
        : line.from === 'bot'
          ? 'Bot ▸'
          : `${line.by ?? line.from} ▸`;
    return textBlock(`${TIME.format(new Date(line.at))} ${who} ${line.text}`, {
      size: 'small',
      spacing: 'none',
      ...(line.from === 'customer' ? { weight: 'bolder' } : {}),
    });
  });
}
