import type { TurnContext } from 'botbuilder';
import { caseIdFor } from '../cases/case-keys';
import type { HandoffRecord } from '../handoff/handoff-store';
import { isConsumedCardAction } from './case-session';
import { gateCustomer, handleSupportMessage, recordTurn, type HandoffRouting } from './handoff-routes';
import type { AppTurnState } from './turn-state';

/** `pass`: the dialogs answer this message, then `afterDialog` (the transcript write) runs. */
export type GateResult = { readonly pass: false } | { readonly pass: true; afterDialog(): Promise<void> };

const STOP: GateResult = { pass: false };

/**
 * The gates a customer message passes before the dialogs run, in order: a duplicate card click (no effect,
 * no reply), the support channel (agents' messages and the registration command), the takeover (an agent
 * owns the case: relay and stop). The takeover gate's record is left for the dialogs' callback-offer
 * answer, and the message and the bot's replies are recorded in the case transcript.
 */
export async function passGates(
  context: TurnContext,
  state: AppTurnState,
  deps: {
    readonly now: () => Date;
    readonly handoff?: HandoffRouting;
    /** The case's handoff record, when it was read with the lease request. */
    readonly handoffRead?: Promise<HandoffRecord | undefined>;
  },
): Promise<GateResult> {
  // A click on a card whose submit already took effect (ten clicks at once, a late second click): the
  // customer already has the next question, so this one has no effect and no reply.
  if (isConsumedCardAction(state, context.activity.value)) return STOP;
  const stats = state.conversation.stats ?? { messages: 0, lastMessageAt: '' };
  state.conversation.stats = { messages: stats.messages + 1, lastMessageAt: deps.now().toISOString() };
  const handoff = deps.handoff;
  if (!handoff) return { pass: true, afterDialog: async () => {} };
  if (await handleSupportMessage(context, handoff)) return STOP;
  const caseId = caseIdFor(context.activity.channelId, context.activity.from.id);
  const gate = await gateCustomer(context, state, handoff, caseId, deps.handoffRead);
  if (gate.relayed) return STOP;
  handoff.callbackOffers?.remember(context, gate.record);
  return { pass: true, afterDialog: recordTurn(context, handoff, caseId) };
}
