import { TurnContext } from 'botbuilder';
import type { CaseSession, FormHistory, OpenedForm, ReceivedFile, TurnOutcome } from '../../dialogs/ports';
import { caseIdFor } from '../cases/case-keys';
import type { CaseCache } from '../cases/case-cache';
import { isEmptyRecord, readCaseRecord } from '../cases/case-record';
import {
  acceptPrivacyNotice,
  recordDocument,
  recordHandoffEvent,
  applyPatch,
  createCase,
  markStep,
  upsertChannelAddress,
  type Actor,
  type Case,
  type HandoffAuditType,
  type StepId,
  type StepStatus,
} from '../domain/case';
import type { ValidationIssue } from '../domain/validation';
import { resolveLocale, type Locale } from '../i18n';
import { CASE_SCOPE, type AppTurnState } from './turn-state';

/** Channels that render Adaptive Cards; everything else gets one question at a time. */
const CARD_CHANNELS = new Set(['msteams', 'emulator', 'webchat', 'directline', 'test']);

export function rendersCards(channelId: string): boolean {
  return CARD_CHANNELS.has(channelId);
}

/**
 * The case of the customer behind this turn, kept in the turn state's `case` scope. Every change replaces
 * the scope value and keeps the eTag it was loaded with, so the end-of-turn save is a compare-and-set:
 * a change made meanwhile by an agent or a worker is never overwritten silently.
 */
export class TurnCaseSession implements CaseSession {
  readonly cardsSupported: boolean;
  readonly forms: FormHistory;
  private current: Case;
  private completed = false;
  private erase = false;
  /** The case as stored before this turn (undefined for a new customer), to see what the turn changed. */
  readonly initial: Case | undefined;
  private readonly actor: Actor;

  private readonly channelId: string;

  constructor(
    private readonly state: AppTurnState,
    context: TurnContext,
    private readonly now: () => Date,
    cache?: CaseCache,
  ) {
    const activity = context.activity;
    this.channelId = activity.channelId;
    const caseId = caseIdFor(activity.channelId, activity.from.id);
    this.actor = { kind: 'customer', id: caseId };
    this.cardsSupported = CARD_CHANNELS.has(activity.channelId);
    const raw = this.entry().value;
    const at = this.at();
    const loaded = isEmptyRecord(raw)
      ? createCase({ id: caseId, at, actor: this.actor, locale: resolveLocale(activity.locale) })
      : (cache?.get(raw.eTag) ?? readCaseRecord(caseId, raw));
    if (!isEmptyRecord(raw)) cache?.set(raw.eTag, loaded);
    this.current = loaded;
    this.initial = isEmptyRecord(raw) ? undefined : loaded;
    const current = upsertChannelAddress(loaded, addressOf(context, at), this.actor, at);
    // Only a real change is written back: a turn that just reads the case leaves the stored record alone.
    if (current !== loaded || isEmptyRecord(raw)) this.commit(current);
    this.forms = new ConversationFormHistory(state);
  }

  get case(): Case {
    return this.current;
  }

  /**
   * The customer's language: taken from their client on the first contact, then kept, because a Teams
   * client set to English says little about the language a Turkish business owner wants to be served in.
   * They change it by saying so ("english" / "türkçe").
   */
  get locale(): Locale {
    return this.current.locale;
  }

  setLocale(locale: Locale): void {
    if (locale !== this.current.locale) this.commit({ ...this.current, locale });
  }

  applyPatch(patch: unknown): { ok: true } | { ok: false; errors: readonly ValidationIssue[] } {
    const result = applyPatch(this.current, patch, this.actor, this.at());
    if (!result.ok) return { ok: false, errors: result.errors };
    this.commit(result.case);
    return { ok: true };
  }

  markStep(step: StepId, status: StepStatus): boolean {
    const result = markStep(this.current, step, status, this.actor, this.at());
    if (!result.ok) return false;
    this.commit(result.case);
    return true;
  }

  announceCompletion(): void {
    this.completed = true;
  }

  requestErasure(): void {
    this.erase = true;
  }

  /** What is left to do once the turn's state is saved; an erasure overrides everything else. */
  get outcome(): TurnOutcome {
    if (this.erase) return { kind: 'erase', caseId: this.current.id };
    return this.completed ? { kind: 'completed', case: this.current } : { kind: 'none' };
  }

  acceptPrivacyNotice(version: string): void {
    this.commit(acceptPrivacyNotice(this.current, version, this.actor, this.at()));
  }

  recordDocument(file: ReceivedFile): void {
    const at = this.at();
    const document = { ...file, channelId: this.channelId, receivedAt: at };
    this.commit(recordDocument(this.current, document, this.actor, at));
  }

  recordHandoff(type: HandoffAuditType, detail?: string): void {
    this.commit(recordHandoffEvent(this.current, type, detail, this.actor, this.at()));
  }

  private commit(next: Case): void {
    this.current = next;
    const entry = this.entry();
    const eTag = entry.value.eTag;
    entry.replace(eTag === undefined ? { ...next } : { ...next, eTag });
  }

  private entry() {
    const entry = this.state.getScope(CASE_SCOPE);
    if (!entry) throw new Error('turn state has no case scope');
    return entry;
  }

  private at(): string {
    return this.now().toISOString();
  }
}

function addressOf(context: TurnContext, at: string) {
  const activity = context.activity;
  return {
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    userId: activity.from.id,
    botId: activity.recipient.id,
    // Without the activity id: the reference is for reaching the conversation later, not one message.
    reference: withoutActivityId(TurnContext.getConversationReference(activity)),
    addedAt: at,
  };
}

function withoutActivityId(reference: Record<string, unknown>): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { activityId, ...rest } = reference;
  return rest;
}

const MAX_FORMS = 20;
/** Card nonces remembered as used: enough for the clicks a customer can make on recent cards. */
const MAX_CONSUMED_NONCES = 20;

/** Where consumed card nonces are kept in the conversation scope. */
interface ConsumedNonces {
  consumedNonces?: string[];
}

/**
 * True when this activity is a click on a card whose submit already took effect (the nonce the card carries
 * was consumed): the customer already has the answer to it, so the click is a duplicate with no effect.
 */
export function isConsumedCardAction(state: AppTurnState, value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const nonce = (value as { nonce?: unknown }).nonce;
  if (typeof nonce !== 'string' || nonce.length === 0) return false;
  return ((state.conversation as ConsumedNonces).consumedNonces ?? []).includes(nonce);
}

/** The form history lives in the conversation scope: it is navigation, not case data. */
class ConversationFormHistory implements FormHistory {
  constructor(private readonly state: AppTurnState) {}

  opened(form: OpenedForm): void {
    const list = this.state.conversation.formHistory ?? [];
    const last = list.at(-1);
    if (last && last.formId === form.formId && JSON.stringify(last.params) === JSON.stringify(form.params))
      return;
    this.state.conversation.formHistory = [
      ...list,
      { formId: form.formId, params: { ...form.params } },
    ].slice(-MAX_FORMS);
  }

  back(): OpenedForm | undefined {
    const list = (this.state.conversation.formHistory ?? []).slice(0, -1);
    this.state.conversation.formHistory = list;
    const previous = list.at(-1);
    return previous ? ({ formId: previous.formId, params: previous.params } as OpenedForm) : undefined;
  }

  consumed(nonce: string): void {
    const conversation = this.state.conversation as ConsumedNonces;
    const list = conversation.consumedNonces ?? [];
    if (list.includes(nonce)) return;
    conversation.consumedNonces = [...list, nonce].slice(-MAX_CONSUMED_NONCES);
  }
}
