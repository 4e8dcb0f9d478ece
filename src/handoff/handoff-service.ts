import { renderHandoffCard } from '../../cards/handoff-card';
import type { AdaptiveCardJson } from '../../cards/card-json';
import type { TurnContext } from 'botbuilder';
import type { HandoffReason } from '../../dialogs/ports';
import { caseCurrentStep, maskText, type Actor, type Case, type HandoffAuditType } from '../domain/case';
import { remindersDueFor } from '../domain/reminders';
import { t } from '../i18n';
import { NO_HANDOFF_EVENTS, type HandoffEventsPort, type HandoffStatusState } from './handoff-events';
import type { Agent, ClaimResult, HandoffRecord, HandoffStore } from './handoff-store';
import type { HandoffServiceDeps, RequestExtra } from './handoff-deps';
import { sweepHandoffs } from './handoff-timeouts';
import { latestAddress } from './latest-address';
import type { TranscriptLine, TranscriptStore } from './transcript-store';

export type { HandoffServiceDeps, HandoffTimeouts, RequestExtra } from './handoff-deps';

export { latestAddress } from './latest-address';

const REMINDERS: Actor = { kind: 'system', id: 'reminders' };
export const TIMEOUT_ACTOR: Actor = { kind: 'system', id: 'handoff-timeout' };

/**
 * Agent takeover: a request becomes a card in the support channel; the first agent to press "Devral" owns
 * the chat; while owned, messages are relayed between the customer's channel and the agent's thread; the
 * agent or a timeout hands the chat back to the bot at the step the case is at.
 */
export class HandoffService {
  readonly now: () => Date;
  /** Handoff records (read by the turn's takeover gate, erased with the case, counted for metrics). */
  readonly store: HandoffStore;
  /** Case transcripts (admin API, erasure). */
  readonly transcripts: TranscriptStore;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.store = deps.store;
    this.transcripts = deps.transcripts;
  }

  /**
   * Opens a request, posts its card and (with an external hub) emits `handoff.initiate`; false when nobody
   * could take it (no support channel, no hub): the customer gets the support phone instead.
   */
  async request(caseId: string, reason: HandoffReason, extra: RequestExtra = {}): Promise<boolean> {
    const channel = (await this.deps.store.supportChannel()) ?? this.deps.configuredChannel;
    if (!channel && !this.deps.externalHub) return false;
    const at = this.now().toISOString();
    const note = extra.note ? maskText(extra.note).slice(0, 200) : undefined;
    const record: HandoffRecord = {
      caseId,
      state: 'requested',
      reason,
      requestedAt: at,
      lastActivityAt: at,
      ...(note ? { note } : {}),
    };
    // A second "temsilci" while a request is open does not post a second card.
    if (!(await this.deps.store.open(record))) return true;
    await this.record(caseId, [{ at, from: 'system', text: `handoff requested: ${reason}` }]);
    await this.audit(
      caseId,
      'handoff.requested',
      REMINDERS,
      note ? `${reason}: ${note}` : reason,
      extra.audit,
    );
    const current = extra.current ?? (await this.deps.cases.get(caseId));
    if (channel) {
      const card = await this.card(caseId, {}, current);
      if (!card) return false;
      const posted = await this.deps.supportChannel.postCard(channel, card);
      await this.deps.store.setThread(
        caseId,
        { reference: posted.reference, cardActivityId: posted.cardActivityId },
        posted.conversationId,
      );
    }
    if (current) await this.initiateEvent(current, reason, note, extra.turn);
    return true;
  }

  private async initiateEvent(current: Case, reason: string, note?: string, turn?: TurnContext) {
    const step = caseCurrentStep(current);
    const transcript = await this.deps.transcripts.last(current.id, 50);
    await this.events.initiate(
      latestAddress(current),
      {
        skill: 'iys-onboarding',
        caseId: current.id,
        reason,
        ...(step ? { step } : {}),
        locale: current.locale,
        ...(note ? { note } : {}),
      },
      transcript,
      turn,
    );
  }

  /** The reminder policy's escalation (EscalationPort). */
  async escalate(caseId: string, note: string): Promise<void> {
    const queued = await this.request(caseId, 'reminders_unanswered', { note });
    if (!queued) this.deps.logger.warn({ caseId }, 'case escalated but no support channel is registered');
  }

  async isOwned(caseId: string): Promise<boolean> {
    return (await this.deps.store.get(caseId))?.state === 'owned';
  }

  /**
   * "Devral": the store decides who wins. The winner's card (with `refresh` for the agents who looked at
   * it) is returned and also written over the post, so everyone sees the owner; a loser gets the same card
   * with "already taken by X".
   */
  async claim(
    caseId: string,
    agent: Agent,
  ): Promise<{ result: ClaimResult; card: AdaptiveCardJson | undefined }> {
    const result = await this.deps.store.claim(caseId, agent, this.now().toISOString());
    if (result.outcome === 'claimed') await this.afterClaim(caseId, agent);
    const notice =
      result.outcome === 'taken'
        ? t('tr', 'handoff.card.alreadyTaken', { name: result.owner.name })
        : undefined;
    const refreshUserIds = result.outcome === 'closed' ? [] : [result.owner.id, agent.id];
    return { result, card: await this.card(caseId, { refreshUserIds, ...(notice ? { notice } : {}) }) };
  }

  private async afterClaim(caseId: string, agent: Agent): Promise<void> {
    const at = this.now().toISOString();
    await this.record(caseId, [{ at, from: 'system', by: agent.name, text: `taken over by ${agent.name}` }]);
    const record = await this.deps.store.get(caseId);
    const current = await this.deps.cases.get(caseId);
    if (record?.thread) {
      await this.deps.supportChannel.say(
        record.thread.reference,
        t('tr', 'handoff.agent.claimed', { name: agent.name, commands: t('tr', 'handoff.agent.commands') }),
      );
    }
    await this.audit(caseId, 'handoff.claimed', { kind: 'agent', id: agent.id });
    if (current) {
      await this.tellCustomer(current, t(current.locale, 'handoff.customer.claimed', { name: agent.name }));
      await this.status(current, 'accepted', 'an agent took the conversation over');
    }
  }

  /** The card as it should look now for everyone (used for Teams' automatic refresh too). */
  async card(
    caseId: string,
    extra: { notice?: string; refreshUserIds?: readonly string[] } = {},
    /** The case as the running turn holds it (a new customer's case is saved only after the turn). */
    inTurn?: Case,
  ): Promise<AdaptiveCardJson | undefined> {
    const [record, stored, transcript] = await Promise.all([
      this.deps.store.get(caseId),
      inTurn ? undefined : this.deps.cases.get(caseId),
      this.deps.transcripts.last(caseId, 20),
    ]);
    const current = inTurn ?? stored;
    if (!record || !current) return undefined;
    return renderHandoffCard({
      caseId,
      data: current.data,
      steps: current.steps,
      step: caseCurrentStep(current),
      pending: remindersDueFor(current).map((r) => r.kind),
      reason: record.reason as HandoffReason,
      channel: latestAddress(current)?.channelId ?? '?',
      requestedAt: record.requestedAt,
      state: record.state,
      ...(record.owner ? { owner: record.owner.name } : {}),
      ...(record.closedReason ? { closedReason: record.closedReason as 'agent' | 'idle' | 'unclaimed' } : {}),
      transcript,
      ...extra,
    });
  }

  /** Rewrites the post so every agent sees the current state (after a hand-back or a timeout). */
  async refreshCard(caseId: string): Promise<void> {
    const record = await this.deps.store.get(caseId);
    const card = await this.card(caseId);
    if (!record?.thread || !card) return;
    await this.deps.supportChannel.updateCard(record.thread.reference, record.thread.cardActivityId, card);
  }

  /**
   * Gives the chat back to the bot. The dialog stack was left untouched while the agent talked, so the
   * customer's next message continues the step where it was, unless the agent moved the case.
   */
  async handBack(caseId: string, why: 'agent' | 'idle', by?: Agent): Promise<boolean> {
    const at = this.now().toISOString();
    const moved = await this.deps.store.transition(caseId, ['owned'], 'closed', {
      closedReason: why,
      lastActivityAt: at,
    });
    if (!moved) return false;
    await this.record(caseId, [
      { at, from: 'system', ...(by ? { by: by.name } : {}), text: `handed back: ${why}` },
    ]);
    if (why === 'idle') await this.audit(caseId, 'handoff.timed_out', TIMEOUT_ACTOR, 'idle');
    else await this.audit(caseId, 'handoff.handed_back', by ? { kind: 'agent', id: by.id } : TIMEOUT_ACTOR);
    const current = await this.deps.cases.get(caseId);
    const record = await this.deps.store.get(caseId);
    if (current) {
      const step = stepName(current);
      const key = why === 'idle' ? 'handoff.customer.idleHandBack' : 'handoff.customer.handedBack';
      await this.tellCustomer(current, t(current.locale, key, { step: step(current.locale) }));
      if (record?.thread) {
        const text =
          why === 'idle'
            ? t('tr', 'handoff.agent.idleHandBack', {
                minutes: Math.round(this.deps.timeouts.idleMs / 60_000),
              })
            : t('tr', 'handoff.agent.handedBack', { step: step('tr') });
        await this.deps.supportChannel.say(record.thread.reference, text);
      }
      await this.status(current, 'completed', `handed back to the bot: ${why}`);
    }
    await this.refreshCard(caseId);
    return true;
  }

  /**
   * Timeouts, run periodically by every process: each move is a compare-and-set on the state, so two
   * processes sweeping at once act once.
   */
  sweep(): Promise<void> {
    return sweepHandoffs(this, this.deps);
  }

  /** Posts a line in a request's thread, for the agents. */
  tellAgents(thread: Record<string, unknown>, text: string): Promise<void> {
    return this.deps.supportChannel.say(thread, text);
  }

  /** Adds to the audit trail: in the running turn when given, else through the case service. */
  async audit(
    caseId: string,
    type: HandoffAuditType,
    actor: Actor,
    detail?: string,
    inTurn?: RequestExtra['audit'],
  ): Promise<void> {
    if (inTurn) return inTurn(type, detail);
    try {
      await this.deps.cases.recordHandoff(caseId, type, actor, detail);
    } catch (err) {
      // The takeover itself must go on; a lost trail entry is logged (without the detail).
      this.deps.logger.warn(
        { caseId, type, err: { message: (err as Error).message } },
        'handoff audit failed',
      );
    }
  }

  /** `handoff.status` for an external agent hub (nothing without one). */
  status(current: Case, state: HandoffStatusState, message: string): Promise<void> {
    return this.events.status(latestAddress(current), state, message, current.id);
  }

  private get events(): HandoffEventsPort {
    return this.deps.events ?? NO_HANDOFF_EVENTS;
  }

  async record(caseId: string, lines: readonly TranscriptLine[]): Promise<void> {
    await this.deps.transcripts.append(caseId, lines);
  }

  /** Sends to the customer's latest channel; 'unreachable' when the channel refuses. */
  async tellCustomer(current: Case, text: string): Promise<'sent' | 'unreachable'> {
    const address = latestAddress(current);
    if (!address) return 'unreachable';
    return this.deps.customerMessenger.send(address, { text, actions: [] });
  }
}

function stepName(current: Case): (locale: 'tr' | 'en') => string {
  const step = caseCurrentStep(current);
  return (locale) => (step ? t(locale, `domain.step.${step}`) : t(locale, 'domain.stepStatus.done'));
}
