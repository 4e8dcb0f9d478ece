import { StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { plugins, type Server } from 'restify';
import type { BotHttpAdapter } from '../bot/adapter';
import type { TurnLogic } from '../bot/turn-handler';
import type { Logger } from '../observability/logger';
import { describeActivityProblems } from './activity-schema';
import type { RequestLimits } from './request-limits';

const RATE_SCOPE = 'messages';

/**
 * Bot Framework endpoint. The body is parsed with a size cap (413 past it, 400 for bad JSON) and checked
 * against our activity schema; the adapter then authenticates it (401 without a valid token when an app
 * id is configured) and runs the turn.
 *
 * This does what `CloudAdapter.process` does for HTTP, minus its per-request schema construction (it
 * builds zod schemas on every call, a measurable share of a turn) and its console logging.
 */
export function registerMessagesRoute(
  server: Server,
  deps: {
    adapter: BotHttpAdapter;
    turnLogic: TurnLogic;
    bodyLimitBytes: number;
    authRequired: boolean;
    logger: Logger;
    /**
     * Per-IP budget before anything else; per-user (the activity's from.id) once the token is accepted, so
     * a forged request cannot spend a real user's budget.
     */
    limits?: RequestLimits;
  },
): void {
  const parseBody = plugins.bodyParser({ maxBodySize: deps.bodyLimitBytes, mapParams: false });
  server.post('/api/messages', parseBody, async (req, res) => {
    const authorization = req.header('authorization') ?? '';
    if (deps.authRequired && !authorization) {
      res.send(401, { code: 'Unauthorized', message: 'A Bot Framework bearer token is required' });
      return;
    }
    const problems = describeActivityProblems(req.body);
    if (problems) {
      res.send(400, { code: 'BadRequest', message: `Not a Bot Framework activity: ${problems}` });
      return;
    }
    const activity = withDates(req.body as Activity);
    const limits = deps.limits;
    if (limits && !(await limits.allowIp(RATE_SCOPE, req, res))) return;
    let overBudget = false;
    const logic: TurnLogic = limits
      ? async (context) => {
          const userId = context.activity.from?.id;
          if (userId && !(await limits.userWithinBudget(RATE_SCOPE, userId))) {
            overBudget = true;
            return;
          }
          await deps.turnLogic(context);
        }
      : deps.turnLogic;
    try {
      const invokeResponse = await deps.adapter.processValidatedActivity(authorization, activity, logic);
      if (overBudget) {
        res.setHeader('Retry-After', '60');
        res.send(429, { code: 'TooManyRequests', message: 'Too many requests from this user; retry later' });
        return;
      }
      res.send(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body ?? '');
    } catch (err) {
      if (err instanceof AuthenticationError) {
        res.send(401, { code: 'Unauthorized', message: 'The bearer token was not accepted' });
        return;
      }
      deps.logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        'activity failed',
      );
      res.send(500, { code: 'InternalError', message: 'The activity could not be processed' });
    }
  });
}

/** botbuilder expects Date objects in `timestamp`/`localTimestamp` and the original strings beside them. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & { rawTimestamp?: unknown; rawLocalTimestamp?: unknown };
  if (typeof raw.timestamp === 'string') {
    raw.rawTimestamp = raw.timestamp;
    raw.timestamp = new Date(raw.timestamp);
  }
  if (typeof raw.localTimestamp === 'string') {
    raw.rawLocalTimestamp = raw.localTimestamp;
    raw.localTimestamp = new Date(raw.localTimestamp);
  }
  return activity;
}
