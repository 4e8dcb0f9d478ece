import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Next, Request, Response, Server } from 'restify';
import { ADMIN_CHALLENGE, adminAuthorized } from './admin-auth';
import type { RequestLimits } from './request-limits';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board (the reminder queue: delayed, waiting, failed jobs; retry and clean) at /admin/queues,
 * behind the operations token. Bull Board ships as an Express app; restify hands it the raw request
 * once the token is checked and does nothing further with it. Job data holds ids and counters only, so
 * the board shows no personal data.
 */
export function registerQueueBoardRoute(
  server: Server,
  deps: { queues: Queue[]; adminToken: string; limits?: Pick<RequestLimits, 'allowIp'> },
): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'İYS hatırlatmalar' } },
  });
  const app = board.getRouter() as (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
  const serve = async (req: Request, res: Response) => {
    // The same per-IP budget as the admin API, so the token cannot be guessed here faster than there.
    if (deps.limits && !(await deps.limits.allowIp('admin', req, res))) return;
    if (!adminAuthorized(req.header('authorization'), deps.adminToken)) {
      res.setHeader('WWW-Authenticate', ADMIN_CHALLENGE);
      res.send(401, { code: 'Unauthorized', message: 'The operations token is required' });
      return;
    }
    // The Express router sees the path below the board's mount point.
    const url = req.url ?? '/';
    req.url = url.slice(QUEUE_BOARD_PATH.length) || '/';
    app(req, res, () => {
      res.send(404, { code: 'ResourceNotFound', message: `${url} does not exist` });
    });
  };
  // Callback style: the chain ends here (Express answers), so `next` is never called. (restify takes an
  // async handler only with two parameters, and Express needs the raw request unconsumed.)
  const handler = (req: Request, res: Response, _next: Next) => {
    serve(req, res).catch(() => res.send(500, { code: 'InternalError', message: 'Queue board failed' }));
  };
  for (const path of [QUEUE_BOARD_PATH, `${QUEUE_BOARD_PATH}/*`]) {
    server.get(path, handler);
    server.post(path, handler);
    server.put(path, handler);
    server.del(path, handler);
  }
}
