import type { TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { TurnLock } from '../state/turn-lock';
import type { AfterSave } from './after-save';
import type { ConversationBot } from './bot-application';
import { createTurnHandler, type TurnLogic } from './turn-handler';

/** What a channel does at the end of each of its turns, still inside the conversation's lock. */
export interface ChannelTurnHooks {
  /** WhatsApp: sends the turn's collected replies together. Bot Framework channels replied already. */
  endTurn(context: TurnContext): Promise<void>;
}

export interface TurnPipelineDeps {
  readonly lock: TurnLock;
  readonly bot: ConversationBot;
  readonly afterSave: AfterSave;
  /** By channel id; a channel without hooks needs nothing at the end of a turn. */
  readonly channels: Readonly<Record<string, ChannelTurnHooks>>;
  readonly metrics: Metrics;
  readonly logger: Logger;
}

/**
 * One turn, the same for every channel, each stage named:
 * 1. lock: one turn at a time per conversation, each inbound activity at most once (turn-handler);
 * 2. load, gates, dialog, save: the teams-ai application (bot-application, turn-gates): the turn state in
 *    one read, the support-channel / takeover gates, the main dialog, the state in one compare-and-set;
 * 3. after-save effects: the turn's outcome (erasure, completion) and the case-changed event;
 * 4. channel end: the channel's endTurn hook (WhatsApp sends its replies), before the lock is released.
 *
 * With Redis a customer message costs three round trips (one client, so what is issued in one tick goes
 * out together and runs in order):
 *   1. the route's budget counters (per IP without an app id, per user), the lease request with the
 *      activity's claim, the turn state (MGET) and the handoff record, read under the lease it requests;
 *   2. the state's compare-and-set and the transcript lines (turn-state.ts: written with the save);
 *   3. the lease released and the claim settled, once the after-save effects and the channel are done.
 * Reads stand only when that first lease request took the lease (LeaseCompanion); else they are repeated.
 */
export function createTurnPipeline(deps: TurnPipelineDeps): TurnLogic {
  const stages = async (context: TurnContext): Promise<void> => {
    const session = await deps.bot.run(context);
    if (session) await deps.afterSave(context, session);
    await deps.channels[context.activity.channelId]?.endTurn(context);
  };
  return createTurnHandler({
    lock: deps.lock,
    run: stages,
    prefetch: (context) => deps.bot.prefetch(context),
    metrics: deps.metrics,
    logger: deps.logger,
  });
}
