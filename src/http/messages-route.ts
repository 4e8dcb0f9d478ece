import { createHash } from 'node:crypto';
import { StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { plugins, type Request, type Response, type Server } from 'restify';
import type { BotHttpAdapter } from '../bot/adapter';
import { classifyAuthenticationFailure } from '../bot/caching-authentication';
import { setTurnAdmission } from '../bot/turn-admission';
import type { TurnLogic } from '../bot/turn-handler';
import { resolveLocale, t } from '../i18n';
import type { Logger } from '../observability/logger';
import { describeActivityProblems } from './activity-schema';
import type { RequestLimits } from './request-limits';

const RATE_SCOPE = 'messages';
/** Signing keys unreachable: the Bot Connector is asked to come back after this many seconds. */
const KEYS_UNAVAILABLE_RETRY_AFTER_S = 30;
/** At most one log line per this interval while the signing keys cannot be fetched. */
const KEYS_UNAVAILABLE_LOG_INTERVAL_MS = 60_000;

/**
 * Bot Framework endpoint. The body is parsed with a size cap (413 past it, 400 for bad JSON) and checked
 * against our activity schema; the token is then checked and the turn runs.
 *
 * With an app id, what proves a request is its token, not its address: a request whose Bot Framework token
 * is valid is never refused by the per-IP budget (all Teams traffic comes from a few Bot Connector
 * addresses, or one proxy's). Only requests without a token or with a refused one spend it: 401 while the
 * address has budget left, 429 once it has not. Forged tokens are mostly refused from their form alone
 * (`screenBearerToken`), before any key lookup. When the signing keys cannot be fetched the answer is 503
 * with Retry-After (the Bot Connector retries; nothing runs unauthenticated), logged once a minute.
 *
 * Without an app id (the Emulator, the Agents Playground) nothing is authenticated and every request
 * spends the per-IP budget, counted in the turn's first Redis round trip (see withBudgets).
 *
 * Per user (the activity's from.id, read only once the token is accepted so a forged request cannot spend
 * a real user's budget): a user over HTTP_RATE_PER_USER still has every message processed (an activity the
 * Bot Connector delivered must not be lost or come back as a retry), and is told once a window, in their
 * language, to slow down.
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
    limits?: RequestLimits;
  },
): void {
  const parseBody = plugins.bodyParser({ maxBodySize: deps.bodyLimitBytes, mapParams: false });
  const gate = createAdmission(deps);

  server.post('/api/messages', parseBody, async (req, res) => {
    const authorization = req.header('authorization') ?? '';
    if (deps.authRequired && !authorization) {
      await gate.refuseUnproven(req, res, 'A Bot Framework bearer token is required');
      return;
    }
    const problems = describeActivityProblems(req.body);
    if (problems) {
      res.send(400, { code: 'BadRequest', message: `Not a Bot Framework activity: ${problems}` });
      return;
    }
    const activity = withDates(req.body as Activity);
    // Without an app id nothing is proven and every request spends the per-IP budget. That count is not
    // awaited here: it goes out with the turn's first round trip, and the turn runs only if it allows.
    const ipAllowed =
      !deps.authRequired && deps.limits ? deps.limits.allowIp(RATE_SCOPE, req, res) : undefined;
    const admitted = deps.authRequired ? await gate.admit(req, res, authorization, activity) : authorization;
    if (admitted === undefined) return;
    const logic = withBudgets(deps.turnLogic, deps.limits, deps.logger, ipAllowed);
    try {
      const invokeResponse = await deps.adapter.processValidatedActivity(admitted, activity, logic);
      // Over the per-IP budget the turn did not run, and the 429 is already sent.
      if (ipAllowed && !(await ipAllowed)) return;
      res.send(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body ?? '');
    } catch (err) {
      if (ipAllowed && !(await ipAllowed)) return;
      if (err instanceof AuthenticationError) {
        res.send(401, { code: 'Unauthorized', message: 'The bearer token was not accepted' });
        return;
      }
      deps.logger.error({ err }, 'activity failed');
      res.send(500, { code: 'InternalError', message: 'The activity could not be processed' });
    }
  });
}

interface Admission {
  /** 401, or 429 once the address has spent its budget on requests that proved nothing. */
  refuseUnproven(req: Request, res: Response, message: string): Promise<undefined>;
  /**
   * Whether the request may run a turn: its token must be accepted (refusals spend the per-IP budget,
   * unreadable signing keys give 503). Answers the request itself when it may not, and returns undefined
   * then. Only with an app id; without one the per-IP budget is checked with the turn (withBudgets).
   */
  admit(
    req: Request,
    res: Response,
    authorization: string,
    activity: Activity,
  ): Promise<string | AuthenticateRequestResult | undefined>;
}

function createAdmission(deps: {
  adapter: BotHttpAdapter;
  authRequired: boolean;
  logger: Logger;
  limits?: RequestLimits;
}): Admission {
  const { limits, logger } = deps;
  const keysUnavailable = new OncePerInterval(KEYS_UNAVAILABLE_LOG_INTERVAL_MS);

  const refuseUnproven = async (req: Request, res: Response, message: string): Promise<undefined> => {
    if (limits && !(await limits.allowIp(RATE_SCOPE, req, res))) return undefined;
    res.send(401, { code: 'Unauthorized', message });
    return undefined;
  };

  const keysAreUnavailable = (res: Response, err: unknown): undefined => {
    const refusedSinceLastLine = keysUnavailable.record();
    if (refusedSinceLastLine !== undefined) {
      logger.error(
        { err, refusedSinceLastLine },
        'bot framework signing keys unavailable; activities answered 503',
      );
    }
    res.setHeader('Retry-After', String(KEYS_UNAVAILABLE_RETRY_AFTER_S));
    res.send(503, {
      code: 'ServiceUnavailable',
      message: 'The token cannot be checked right now; retry later',
    });
    return undefined;
  };

  const admit: Admission['admit'] = async (req, res, authorization, activity) => {
    try {
      return await deps.adapter.authenticate(authorization, activity);
    } catch (err) {
      if (classifyAuthenticationFailure(err) === 'unauthorized') {
        return refuseUnproven(req, res, 'The bearer token was not accepted');
      }
      return keysAreUnavailable(res, err);
    }
  };
  return { refuseUnproven, admit };
}

/**
 * The budgets, checked with the turn: the counts are sent now, in the tick the turn sends its lease request
 * and reads, and the turn awaits them once it holds the lease (setTurnAdmission).
 *
 * Per IP (without an app id): over the budget the turn does not run (the 429 is sent by `allowIp`).
 * Per user (HTTP_RATE_PER_USER): over the budget the turn still runs, since refusing an authenticated
 * activity either loses it or brings it back later as a Bot Connector retry. The user is told, once a
 * window (across replicas), in their language, that they are writing too fast.
 */
function withBudgets(
  turnLogic: TurnLogic,
  limits: RequestLimits | undefined,
  logger: Logger,
  ipAllowed: Promise<boolean> | undefined,
): TurnLogic {
  if (!limits) return turnLogic;
  return async (context) => {
    const userId = context.activity.from?.id;
    const userWithin = userId ? limits.userWithinBudget(RATE_SCOPE, userId) : undefined;
    setTurnAdmission(context, async () => {
      if (ipAllowed && !(await ipAllowed)) return false;
      if (userId && userWithin && !(await userWithin)) await slowDownNotice(context, limits, logger, userId);
      return true;
    });
    await turnLogic(context);
  };
}

/** Tells a user over HTTP_RATE_PER_USER, once a window, that every message is still processed. */
async function slowDownNotice(
  context: TurnContext,
  limits: RequestLimits,
  logger: Logger,
  userId: string,
): Promise<void> {
  if (!isFromThePerson(context) || !(await limits.firstNoticeInWindow(RATE_SCOPE, userId))) return;
  const user = createHash('sha256').update(userId).digest('base64url').slice(0, 16);
  logger.warn(
    { user, channelId: context.activity.channelId },
    'user over the per-user rate; told to slow down',
  );
  try {
    await context.sendActivity({
      type: 'message',
      text: t(resolveLocale(context.activity.locale), 'bot.slowDownStillProcessing'),
    });
  } catch (err) {
    logger.warn({ err: { message: (err as Error).message } }, 'could not send the slow-down notice');
  }
}

/** Something the person did (a message, a card action), as opposed to a membership or typing event. */
function isFromThePerson(context: TurnContext): boolean {
  return context.activity.type === 'message' || context.activity.type === 'invoke';
}

/** Counts events; `record` answers how many were skipped since the last logged one, once per interval. */
class OncePerInterval {
  private lastAt = Number.NEGATIVE_INFINITY;
  private skipped = 0;

  constructor(private readonly intervalMs: number) {}

  record(now = Date.now()): number | undefined {
    if (now - this.lastAt < this.intervalMs) {
      this.skipped += 1;
      return undefined;
    }
    const skipped = this.skipped;
    this.lastAt = now;
    this.skipped = 0;
    return skipped;
  }
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
