import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { withLogContext } from '../observability/log-context';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { TurnLock } from '../state/turn-lock';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** Key that serialises turns: one conversation of one channel. */
export function conversationLockKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  return `${channelId ?? 'unknown'}/${conversation?.id ?? 'unknown'}`;
}

/**
 * Wraps the application's turn: one turn at a time per conversation, timed and counted. Errors go on to
 * the adapter's onTurnError, which answers the user.
 */
export function createTurnHandler(deps: {
  readonly lock: TurnLock;
  readonly run: TurnLogic;
  readonly metrics: Metrics;
  readonly logger: Logger;
}): TurnLogic {
  return async (context) => {
    const channel = context.activity.channelId ?? 'unknown';
    const stopTimer = deps.metrics.turnDuration.startTimer({ channel });
    let outcome = 'ok';
    try {
      // The activity id is the channel's; a turn id of our own also covers continued conversations.
      await withLogContext({ turnId: randomUUID() }, () =>
        deps.lock.runExclusive(conversationLockKey(context), () => deps.run(context)),
      );
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      stopTimer();
      deps.metrics.turns.inc({ channel, outcome });
    }
  };
}
