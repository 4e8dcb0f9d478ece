import type { TurnContext } from 'botbuilder';
import { channelLabel } from '../../cards/handoff-card';
import { dataFacts } from '../../cards/handoff-card';
import { caseCurrentStep, maskText, STEP_IDS, type Case } from '../domain/case';
import { remindersDueFor } from '../domain/reminders';
import { t, translator } from '../i18n';
import type { CaseService } from '../cases/case-service';
import type { Agent, HandoffRecord } from './handoff-store';
import type { HandoffService } from './handoff-service';
import { latestAddress } from './latest-address';

/** The agent behind a support-channel activity (Teams gives the AAD object id; other channels the id). */
export function agentOf(context: TurnContext): Agent {
  const from = context.activity.from;
  return { id: from.aadObjectId ?? from.id, name: from.name ?? from.id };
}

/**
 * Messages agents write in a request's thread: commands (`/bitir`, `/adim N`, `/onayla-isortagi [marka]`,
 * `/not …`, `/ozet`) or text for the customer, which only the owner may send.
 */
export class AgentThread {
  constructor(
    private readonly service: HandoffService,
    private readonly cases: Pick<CaseService, 'get' | 'moveToStep' | 'confirmPartnerAssignment'>,
  ) {}

  /** False when the activity is not in a request's thread. */
  async onMessage(context: TurnContext): Promise<boolean> {
    const { store } = this.service;
    const caseId = await store.caseForThread(context.activity.conversation.id);
    const record = caseId ? await store.get(caseId) : undefined;
    if (!caseId || !record) return false;
    const agent = agentOf(context);
    const text = (context.activity.text ?? '').trim();
    const command = /^\/([\p{L}-]+)\s*([\s\S]*)$/u.exec(text);
    if (command) {
      await this.command(
        context,
        record,
        agent,
        (command[1] ?? '').toLocaleLowerCase('tr'),
        (command[2] ?? '').trim(),
      );
      return true;
    }
    if (!(await this.mayAct(context, record, agent))) return true;
    const current = await this.cases.get(caseId);
    const outcome = current ? await this.service.tellCustomer(current, text) : 'unreachable';
    const at = this.service.now().toISOString();
    await this.service.record(caseId, [{ at, from: 'agent', by: agent.name, text }]);
    await store.patch(caseId, { lastActivityAt: at });
    if (outcome === 'unreachable') await context.sendActivity(t('tr', 'handoff.agent.unreachable'));
    return true;
  }

  private async mayAct(context: TurnContext, record: HandoffRecord, agent: Agent): Promise<boolean> {
    if (record.state !== 'owned' || !record.owner) {
      await context.sendActivity(t('tr', 'handoff.agent.notOwned'));
      return false;
    }
    if (record.owner.id !== agent.id) {
      await context.sendActivity(t('tr', 'handoff.agent.notOwner', { name: record.owner.name }));
      return false;
    }
    return true;
  }

  private async command(
    context: TurnContext,
    record: HandoffRecord,
    agent: Agent,
    name: string,
    arg: string,
  ): Promise<void> {
    const { caseId } = record;
    const at = this.service.now().toISOString();
    const actor = { kind: 'agent' as const, id: agent.id };
    switch (name) {
      case 'ozet':
      case 'özet':
        await context.sendActivity(await this.summary(caseId));
        return;
      case 'not':
        await this.service.record(caseId, [{ at, from: 'note', by: agent.name, text: arg }]);
        await this.service.audit(caseId, 'handoff.note', actor, maskText(arg));
        await context.sendActivity(t('tr', 'handoff.agent.noteSaved'));
        return;
    }
    if (!(await this.mayAct(context, record, agent))) return;
    await this.service.store.patch(caseId, { lastActivityAt: at });
    switch (name) {
      case 'bitir':
        await this.service.handBack(caseId, 'agent', agent);
        return;
      case 'adim':
      case 'adım': {
        const step = STEP_IDS[Number(arg) - 1];
        if (!/^[1-6]$/.test(arg) || !step) {
          await context.sendActivity(t('tr', 'handoff.agent.stepRefused'));
          return;
        }
        await this.cases.moveToStep(caseId, step, actor);
        await this.service.store.patch(caseId, { resumeFresh: true });
        await this.service.record(caseId, [
          { at, from: 'system', by: agent.name, text: `moved to step ${arg}` },
        ]);
        await context.sendActivity(
          t('tr', 'handoff.agent.stepMoved', { step: t('tr', `domain.step.${step}`) }),
        );
        return;
      }
      case 'onayla-isortagi':
      case 'onayla-işortağı':
        await this.confirmPartner(context, caseId, agent, arg);
        return;
      default:
        await context.sendActivity(
          t('tr', 'handoff.agent.unknownCommand', { commands: t('tr', 'handoff.agent.commands') }),
        );
    }
  }

  private async confirmPartner(context: TurnContext, caseId: string, agent: Agent, brand: string) {
    try {
      const brands = brand ? [brand] : undefined;
      const after = await this.cases.confirmPartnerAssignment(
        caseId,
        'agent',
        { kind: 'agent', id: agent.id },
        brands,
      );
      const confirmed = Object.keys(after?.data.partnerConfirmed ?? {}).join(', ') || '—';
      await context.sendActivity(t('tr', 'handoff.agent.partnerConfirmed', { brands: confirmed }));
    } catch (err) {
      await context.sendActivity(t('tr', 'handoff.agent.partnerRefused', { reason: (err as Error).message }));
    }
  }

  private async summary(caseId: string): Promise<string> {
    const current = await this.cases.get(caseId);
    if (!current) return '—';
    return caseSummary(current);
  }
}

/** One message an agent can read at a glance: company, step, what is pending, masked data. */
export function caseSummary(current: Case): string {
  const tr = translator('tr');
  const step = caseCurrentStep(current);
  const data = dataFacts(tr, current.data)
    .map(([label, value]) => `- ${label}: ${value}`)
    .join('\n');
  return tr('handoff.agent.summary', {
    company: current.data.tradeTitle ?? current.id,
    step: step ? tr(`domain.step.${step}`) : tr('domain.stepStatus.done'),
    pending:
      remindersDueFor(current)
        .map((r) => r.kind)
        .join(', ') || tr('handoff.card.nothingPending'),
    data: `${data}\n- ${tr('handoff.card.channel')}: ${channelLabel(latestAddress(current)?.channelId ?? '?')}`,
  });
}

/** The customer's message as the agent reads it in the thread (personal data masked like the transcript). */
export function relayedText(channelId: string, text: string | undefined, hasAttachments: boolean): string {
  const body = text && text.trim() ? maskText(text) : t('tr', 'handoff.agent.attachment');
  return t('tr', 'handoff.agent.fromCustomer', {
    channel: channelLabel(channelId),
    text: hasAttachments && text ? `${body} ${t('tr', 'handoff.agent.attachment')}` : body,
  });
}
