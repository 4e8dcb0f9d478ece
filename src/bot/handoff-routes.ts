import type { Application } from '@microsoft/teams-ai';
import { TurnContext, type Activity } from 'botbuilder';
import { HANDOFF_CLAIM_VERB, HANDOFF_REFRESH_VERB } from '../../cards/handoff-card';
import type { AdaptiveCardJson } from '../../cards/card-json';
import { agentOf, relayedText, type AgentThread } from '../handoff/agent-thread';
import type { TurnCallbackOffers } from '../handoff/callback-request';
import type { HandoffService } from '../handoff/handoff-service';
import type { HandoffRecord } from '../handoff/handoff-store';
import type { TranscriptLine } from '../handoff/transcript-store';
import { t } from '../i18n';
import type { AppTurnState } from './turn-state';

export interface HandoffRouting {
  readonly service: HandoffService;
  readonly thread: AgentThread;
  /** Where the takeover gate leaves the record it read, for the dialogs' callback-offer answer. */
  readonly callbackOffers?: TurnCallbackOffers;
  /** Who may register the support channel; empty = any member of a Teams channel (or the Emulator). */
  readonly adminUserIds?: readonly string[];
}

const REGISTER_COMMAND = /^\/destek-kanal[ıi](?:-kaydet)?$/iu;

/** "Devral" and Teams' automatic refresh of the card (Universal Actions). */
export function registerHandoffActions(app: Application<AppTurnState>, routing: HandoffRouting): void {
  app.adaptiveCards.actionExecute<{ caseId?: string }>(HANDOFF_CLAIM_VERB, async (context, _state, data) => {
    if (!data.caseId) return t('tr', 'handoff.agent.notOwned');
    const { card } = await routing.service.claim(data.caseId, agentOf(context));
    return asCard(card) ?? t('tr', 'handoff.card.closed', { reason: '—' });
  });
  app.adaptiveCards.actionExecute<{ caseId?: string }>(
    HANDOFF_REFRESH_VERB,
    async (_context, _state, data) => {
      const card = data.caseId ? await routing.service.card(data.caseId) : undefined;
      return asCard(card) ?? t('tr', 'handoff.card.closed', { reason: '—' });
    },
  );
}

// teams-ai types its card as the adaptivecards package's class; ours is the same JSON.
function asCard(card: AdaptiveCardJson | undefined): never | undefined {
  return card as never;
}

/**
 * Agents' side: the admin command that registers the support channel, and messages in a request's
 * thread. True when the activity was handled here (the customer dialog must not run for it).
 */
export async function handleSupportMessage(context: TurnContext, routing: HandoffRouting): Promise<boolean> {
  const activity = context.activity;
  if (REGISTER_COMMAND.test((activity.text ?? '').trim())) {
    await registerSupportChannel(context, routing);
    return true;
  }
  const inChannel = activity.conversation.conversationType === 'channel';
  if (!inChannel) return false;
  if (await routing.thread.onMessage(context)) return true;
  // Other talk in the support channel is between agents; the bot stays out of it.
  return true;
}

async function registerSupportChannel(context: TurnContext, routing: HandoffRouting): Promise<void> {
  const activity = context.activity;
  const admins = routing.adminUserIds ?? [];
  const agent = agentOf(context);
  const allowed =
    admins.length > 0
      ? admins.includes(agent.id) || admins.includes(activity.from.id)
      : activity.conversation.conversationType === 'channel' || activity.channelId === 'emulator';
  if (!allowed) {
    await context.sendActivity(t('tr', 'handoff.agent.notRegistered'));
    return;
  }
  const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { activityId, ...rest } = reference;
  const conversation = { ...activity.conversation, id: activity.conversation.id.split(';')[0] ?? '' };
  await routing.service.store.setSupportChannel({ ...rest, conversation });
  await context.sendActivity(t('tr', 'handoff.agent.registered'));
}

/**
 * The customer's side, before the dialog: while an agent owns the case the message goes to the agent's
 * thread and the bot says nothing. After an agent moved the case to another step, the dialog starts over
 * at that step. Says whether the message was relayed, and otherwise hands on the record it read (one read
 * per turn: the callback offer looks at the same record).
 */
export async function gateCustomer(
  context: TurnContext,
  state: AppTurnState,
  routing: HandoffRouting,
  caseId: string,
  /** The record, when it was already read in this turn (with the lease request). */
  read?: Promise<HandoffRecord | undefined>,
): Promise<{ relayed: true } | { relayed: false; record: HandoffRecord | undefined }> {
  const { store } = routing.service;
  const record = await (read ?? store.get(caseId));
  if (!record) return { relayed: false, record };
  if (record.state === 'owned' && record.thread) {
    const activity = context.activity;
    const hasAttachments = (activity.attachments ?? []).length > 0 || activity.value !== undefined;
    await routing.service.tellAgents(
      record.thread.reference,
      relayedText(activity.channelId, activity.text, hasAttachments),
    );
    const at = routing.service.now().toISOString();
    await routing.service.record(caseId, [customerLine(activity, at)]);
    await store.patch(caseId, { lastActivityAt: at });
    return { relayed: true };
  }
  if (record.state === 'closed' && record.resumeFresh) {
    state.conversation.dialogState = undefined;
    state.conversation.formHistory = [];
    await store.patch(caseId, { resumeFresh: false });
  }
  return { relayed: false, record };
}

/**
 * Records the customer's message and the bot's replies of this turn in the case transcript, in one write
 * after the turn. Returns the function that writes them.
 */
export function recordTurn(
  context: TurnContext,
  routing: HandoffRouting,
  caseId: string,
): () => Promise<void> {
  const at = routing.service.now().toISOString();
  const lines: TranscriptLine[] = [customerLine(context.activity, at)];
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const sent of activities) {
      if (sent.type !== 'message') continue;
      const text = sent.text ?? cardTitle(sent);
      if (text) lines.push({ at, from: 'bot', text });
    }
    return next();
  });
  return () => routing.service.record(caseId, lines);
}

function customerLine(activity: Activity, at: string): TranscriptLine {
  const text = activity.text?.trim() || (activity.value !== undefined ? '[form]' : '[attachment]');
  return { at, from: 'customer', channel: activity.channelId, text };
}

/** The first text of a card reply, so the transcript says what the customer was shown. */
function cardTitle(activity: Partial<Activity>): string {
  const content = activity.attachments?.[0]?.content as
    { body?: { type?: string; text?: string }[] } | undefined;
  const first = content?.body?.find((b) => b.type === 'TextBlock' && b.text);
  return first?.text ? `[card] ${first.text}` : activity.attachments?.length ? '[card]' : '';
}
