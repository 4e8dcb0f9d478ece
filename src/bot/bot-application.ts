import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { attachSession } from '../../dialogs/ports';
import { CaseCache } from '../cases/case-cache';
import { caseIdFor } from '../cases/case-keys';
import { agentPickAsText } from './agent-picks';
import { answerCallbackOffer } from './callback-offer';
import { isConsumedCardAction, TurnCaseSession } from './case-session';
import { choicePickAsText } from './choice-picks';
import { DialogStateAccessor } from './dialog-state-accessor';
import {
  gateCustomer,
  handleSupportMessage,
  recordTurn,
  registerHandoffActions,
  type HandoffRouting,
} from './handoff-routes';
import { AppTurnState } from './turn-state';

export interface BotApplicationDeps {
  readonly storage: Storage;
  readonly mainDialog: Dialog;
  readonly now?: () => Date;
  /** Agent takeover; without it the bot serves every message itself. */
  readonly handoff?: HandoffRouting;
}

/**
 * The teams-ai `Application` is only the activity router; the conversation itself is a botbuilder dialog
 * stack stored in the conversation scope of the turn state.
 */
export function createBotApplication(deps: BotApplicationDeps): Application<AppTurnState> {
  const app = new Application<AppTurnState>({
    storage: deps.storage,
    turnStateFactory: () => new AppTurnState(),
    // Replies come within milliseconds; a typing timer would only add an outbound call per turn.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const now = deps.now ?? (() => new Date());
  const caseCache = new CaseCache();

  app.activity(ActivityTypes.Message, async (context, state) => {
    // A click on a card whose submit already took effect (ten clicks at once, a late second click): the
    // customer already has the next question, so this one has no effect and no reply.
    if (isConsumedCardAction(state, context.activity.value)) return;
    const stats = state.conversation.stats ?? { messages: 0, lastMessageAt: '' };
    state.conversation.stats = { messages: stats.messages + 1, lastMessageAt: now().toISOString() };
    const handoff = deps.handoff;
    if (handoff && (await handleSupportMessage(context, handoff))) return;
    const caseId = caseIdFor(context.activity.channelId, context.activity.from.id);
    const gate = handoff ? await gateCustomer(context, state, handoff, caseId) : undefined;
    if (gate?.relayed) return;
    const flushTranscript = handoff ? recordTurn(context, handoff, caseId) : undefined;
    choicePickAsText(context);
    agentPickAsText(context);
    const session = new TurnCaseSession(state, context, now, caseCache);
    attachSession(context, session);
    const offer = handoff ? await answerCallbackOffer(context, handoff, session, gate?.record) : 'none';
    if (offer !== 'handled') await runDialog(context, state, deps.mainDialog, offer === 'resume');
    await flushTranscript?.();
  });

  if (deps.handoff) registerHandoffActions(app, deps.handoff);

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (humans.length === 0) return;
    attachSession(context, new TurnCaseSession(state, context, now, caseCache));
    await runDialog(context, state, deps.mainDialog);
  });

  return app;
}

async function runDialog(
  context: TurnContext,
  state: AppTurnState,
  mainDialog: Dialog,
  /** Ask the open question again instead of reading this message as its answer. */
  reprompt = false,
): Promise<void> {
  const dialogs = new DialogSet(new DialogStateAccessor(state));
  dialogs.add(mainDialog);
  const dc = await dialogs.createContext(context);
  if (reprompt && dc.activeDialog) {
    await dc.repromptDialog();
    return;
  }
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog(mainDialog.id);
}
