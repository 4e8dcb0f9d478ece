import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { attachSession } from '../../dialogs/ports';
import { CaseCache } from '../cases/case-cache';
import { caseIdFor } from '../cases/case-keys';
import type { HandoffRecord } from '../handoff/handoff-store';
import type { LeaseCompanion } from '../state/turn-lock';
import { TurnCaseSession } from './case-session';
import { DialogStateAccessor } from './dialog-state-accessor';
import { registerHandoffActions, type HandoffRouting } from './handoff-routes';
import { passGates } from './turn-gates';
import { AppTurnState } from './turn-state';

export interface BotApplicationDeps {
  readonly storage: Storage;
  readonly mainDialog: Dialog;
  readonly now?: () => Date;
  /** Agent takeover; without it the bot serves every message itself. */
  readonly handoff?: HandoffRouting;
}

/** The conversation part of a turn: load → gates → dialog → save. */
export interface ConversationBot {
  /**
   * Runs the turn and saves its state. Resolves with the case session when the dialogs ran (its outcome
   * and changes are what the after-save stage acts on), undefined when a gate answered the activity.
   */
  run(context: TurnContext): Promise<TurnCaseSession | undefined>;
  /** The turn's reads (its state, a message's handoff record), to start with the lease request. */
  prefetch(context: TurnContext): LeaseCompanion;
}

/**
 * The teams-ai `Application` is only the activity router and the turn state's loader and saver; the
 * conversation itself is a botbuilder dialog stack stored in the conversation scope of the turn state.
 */
export function createBotApplication(deps: BotApplicationDeps): ConversationBot {
  const app = new Application<AppTurnState>({
    storage: deps.storage,
    turnStateFactory: () => new AppTurnState(),
    // Replies come within milliseconds; a typing timer would only add an outbound call per turn.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  const now = deps.now ?? (() => new Date());
  const caseCache = new CaseCache();
  const sessions = new WeakMap<TurnContext, TurnCaseSession>();
  const handoffReads = new WeakMap<TurnContext, Promise<HandoffRecord | undefined>>();
  const runDialogStage = async (context: TurnContext, state: AppTurnState) => {
    const session = new TurnCaseSession(state, context, now, caseCache);
    attachSession(context, session);
    sessions.set(context, session);
    await runDialog(context, state, deps.mainDialog);
  };

  app.activity(ActivityTypes.Message, async (context, state) => {
    const handoffRead = handoffReads.get(context);
    handoffReads.delete(context);
    const gate = await passGates(context, state, {
      now,
      ...(deps.handoff ? { handoff: deps.handoff } : {}),
      ...(handoffRead ? { handoffRead } : {}),
    });
    if (!gate.pass) return;
    await runDialogStage(context, state);
    // The transcript lines leave with the state's compare-and-set, in one round trip.
    state.sendWithSave(gate.afterDialog);
  });

  if (deps.handoff) registerHandoffActions(app, deps.handoff);

  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (humans.length === 0) return;
    await runDialogStage(context, state);
  });

  return {
    async run(context) {
      await app.run(context);
      return sessions.get(context);
    },
    prefetch: (context) => ({
      start() {
        AppTurnState.prefetch(context, deps.storage);
        const { type, channelId, from } = context.activity;
        if (!deps.handoff || type !== ActivityTypes.Message || !from?.id) return;
        const read = deps.handoff.service.store.get(caseIdFor(channelId, from.id));
        read.catch(() => undefined);
        handoffReads.set(context, read);
      },
      discard() {
        AppTurnState.forgetPrefetchedState(context);
        handoffReads.delete(context);
      },
    }),
  };
}

/** The main dialog continues the conversation, or begins it (again) when nothing is open. */
async function runDialog(context: TurnContext, state: AppTurnState, mainDialog: Dialog): Promise<void> {
  const dialogs = new DialogSet(new DialogStateAccessor(state));
  dialogs.add(mainDialog);
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog(mainDialog.id);
}
