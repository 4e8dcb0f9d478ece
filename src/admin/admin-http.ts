import type { Next, Request, RequestHandler, Response } from 'restify';
import type { z } from 'zod/v4';
import type { Actor } from '../domain/case';
import { adminAuthorized } from '../http/admin-auth';
import type { RequestLimits } from '../http/request-limits';
import { API_HEADERS, setHeaders } from '../http/security-headers';
import type { Logger } from '../observability/logger';

export const ADMIN_API_PATH = '/api/admin';
/** The admin token is one user for the per-user budget, whoever holds it. */
export const ADMIN_TOKEN_ACTOR: Actor = { kind: 'admin', id: 'admin-token' };
const RATE_SCOPE = 'admin';

/**
 * Runs before every admin API handler: the per-IP budget (so guessing tokens is throttled too), the
 * operations token (constant-time compare; 401 otherwise), then the token's per-user budget.
 */
export function adminGuard(deps: { adminToken: string; limits: RequestLimits }): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    setHeaders(res, API_HEADERS);
    const check = async (): Promise<boolean> => {
      if (!(await deps.limits.allowIp(RATE_SCOPE, req, res))) return false;
      if (!adminAuthorized(req.header('authorization'), deps.adminToken)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="IYS onboarding operations"');
        res.send(401, { code: 'Unauthorized', message: 'The operations token is required' });
        return false;
      }
      return deps.limits.allowUser(RATE_SCOPE, ADMIN_TOKEN_ACTOR.id, res);
    };
    check().then(
      (ok) => next(ok ? undefined : false),
      (err: unknown) => next(err as Error),
    );
  };
}

/** Staff may name themselves (X-Actor, percent-encoded UTF-8, e.g. from the console's login form). */
const ACTOR_NAME = /^[\p{L}\p{N} ._@'-]{1,60}$/u;

/** The actor of a request: the X-Actor name when given and valid, the token otherwise; null if invalid. */
export function actorOf(req: Request): Actor | null {
  const header = req.header('x-actor');
  if (!header) return ADMIN_TOKEN_ACTOR;
  let name: string;
  try {
    name = decodeURIComponent(header).trim();
  } catch {
    return null;
  }
  return ACTOR_NAME.test(name) ? { kind: 'admin', id: name } : null;
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

export function sendInvalid(res: Response, error: z.ZodError): void {
  res.send(400, {
    code: 'BadRequest',
    message: 'Invalid request',
    issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

export function sendNotFound(res: Response, caseId: string): void {
  res.send(404, { code: 'ResourceNotFound', message: `case ${caseId} does not exist` });
}

/** Case ids are `c_` plus base64url; anything else is not worth a storage read. */
export const CASE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Wraps an async handler: a failure is logged without request data and answered with JSON 500. */
export function handled(
  logger: Logger,
  name: string,
  handler: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      logger.error(
        { route: name, err: { name: (err as Error).name, message: (err as Error).message } },
        'admin request failed',
      );
      if (!res.headersSent)
        res.send(500, { code: 'InternalError', message: 'The request could not be processed' });
    }
  };
}
