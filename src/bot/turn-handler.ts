import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { withLogContext } from '../observability/log-context';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { LeaseCompanion, TurnLock } from '../state/turn-lock';
import { isTurnAdmitted, TurnNotAdmitted } from './turn-admission';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** Key that serialises turns: one conversation of one channel. */
export function conversationLockKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  return `${channelId ?? 'unknown'}/${conversation?.id ?? 'unknown'}`;
}

/**
 * The identity of an inbound activity for duplicate detection: the channel's activity id within its
 * conversation. Undefined for activities that are not deliveries of their own (no id, proactive events,
 * invokes, which must always get an invoke response).
 */
export function activityClaim(context: TurnContext): string | undefined {
  const { id, type } = context.activity;
  if (!id || type === 'event' || type === 'invoke') return undefined;
  return `${conversationLockKey(context)}/${id}`;
}

/**
 * Wraps the application's turn: one turn at a time per conversation, each inbound activity at most once
 * (a redelivered activity is answered 200 and runs no turn), timed and counted. Errors go on to the
 * adapter's onTurnError, which answers the user.
 */
export function createTurnHandler(deps: {
  readonly lock: TurnLock;
  readonly run: TurnLogic;
  /** The turn's reads, started with the lease request (see LeaseCompanion); absent = read after it. */
  readonly prefetch?: (context: TurnContext) => LeaseCompanion;
  readonly metrics: Metrics;
  readonly logger: Logger;
}): TurnLogic {
  return async (context) => {
    const channel = context.activity.channelId ?? 'unknown';
    const stopTimer = deps.metrics.turnDuration.startTimer({ channel });
    let outcome = 'ok';
    try {
      const key = conversationLockKey(context);
      const claim = activityClaim(context);
      const companion = deps.prefetch?.(context);
      // A turn the route's budget refuses fails inside the lease, so its claim is given back.
      const admitted = async () => {
        if (!(await isTurnAdmitted(context))) throw new TurnNotAdmitted();
        await deps.run(context);
      };
      // The activity id is the channel's; a turn id of our own also covers continued conversations.
      await withLogContext({ turnId: randomUUID() }, async () => {
        if (claim === undefined) return deps.lock.runExclusive(key, admitted, companion);
        const result = await deps.lock.runOnce(key, claim, admitted, companion);
        if (!result.ran) {
          outcome = 'duplicate';
          deps.logger.info({ channel }, 'duplicate activity ignored');
        }
      });
    } catch (err) {
      if (err instanceof TurnNotAdmitted) {
        outcome = 'refused';
        return;
      }
      outcome = 'error';
      throw err;
    } finally {
      stopTimer();
      deps.metrics.turns.inc({ channel, outcome });
    }
  };
}
