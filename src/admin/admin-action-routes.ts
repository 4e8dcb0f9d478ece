import { plugins, type Request, type RequestHandler, type Response, type Server } from 'restify';
import { z } from 'zod/v4';
import type { Actor } from '../domain/case';
import { actorOf, ADMIN_API_PATH, CASE_ID, handled, sendInvalid, sendNotFound } from './admin-http';
import { viewOf, type AdminApiDeps } from './admin-deps';

const MAX_ADMIN_BODY = 16 * 1024;

const CodesBody = z.strictObject({
  iysCode: z.string().max(30),
  brandCodes: z.record(z.string().max(250), z.string().max(30)).default({}),
});
const ConfirmBody = z.strictObject({ brands: z.array(z.string().min(1).max(250)).max(100).optional() });
const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });

type Action = (req: Request, res: Response, caseId: string, actor: Actor) => Promise<void>;

/** The admin API's changes; each is audited on the case with the acting staff member. */
export function registerAdminActionRoutes(server: Server, deps: AdminApiDeps, guard: RequestHandler): void {
  const parseBody = plugins.bodyParser({
    maxBodySize: Math.min(deps.bodyLimitBytes, MAX_ADMIN_BODY),
    mapParams: false,
  });
  const route = (name: string, action: Action) =>
    handled(deps.logger, name, async (req, res) => {
      const caseId = String(req.params?.id ?? '');
      if (!CASE_ID.test(caseId)) return sendNotFound(res, caseId);
      const actor = actorOf(req);
      if (!actor) return void res.send(400, { code: 'BadRequest', message: 'Invalid X-Actor header' });
      await action(req, res, caseId, actor);
    });
  const actions = adminActions(deps);
  const path = `${ADMIN_API_PATH}/cases/:id`;
  server.post(`${path}/codes`, guard, parseBody, route('codes', actions.codes));
  server.post(`${path}/partner-confirmation`, guard, parseBody, route('confirm', actions.confirm));
  server.post(`${path}/notes`, guard, parseBody, route('note', actions.note));
  server.del(path, guard, route('erase', actions.erase));
}

/** Each action once the case id and the acting staff member are known. */
function adminActions(deps: AdminApiDeps): Record<'codes' | 'confirm' | 'note' | 'erase', Action> {
  const now = () => (deps.now ?? (() => new Date()))();
  return {
    codes: async (req, res, caseId, actor) => {
      const body = CodesBody.safeParse(req.body);
      if (!body.success) return sendInvalid(res, body.error);
      const result = await deps.actions.setCodes(caseId, body.data, actor);
      if (!result) return sendNotFound(res, caseId);
      if (!result.ok) return void res.send(422, { code: 'ValidationFailed', errors: result.errors });
      res.send(200, { warnings: result.warnings, case: await viewOf(deps, now(), result.case, false) });
    },
    confirm: async (req, res, caseId, actor) => {
      const body = ConfirmBody.safeParse(req.body ?? {});
      if (!body.success) return sendInvalid(res, body.error);
      let after;
      try {
        after = await deps.actions.confirmPartnerAssignment(caseId, actor, body.data.brands);
      } catch (err) {
        const message = (err as Error).message;
        if (/^unknown brand|refused/.test(message))
          return void res.send(422, { code: 'ValidationFailed', message });
        throw err;
      }
      if (!after) return sendNotFound(res, caseId);
      res.send(200, { case: await viewOf(deps, now(), after, false) });
    },
    note: async (req, res, caseId, actor) => {
      const body = NoteBody.safeParse(req.body);
      if (!body.success) return sendInvalid(res, body.error);
      const event = await deps.actions.addNote(caseId, body.data.text, actor);
      if (!event) return sendNotFound(res, caseId);
      res.send(201, { event });
    },
    erase: async (_req, res, caseId, actor) => {
      // No read of the case first: a case that can no longer be decrypted must still be erasable.
      const { found } = await deps.eraser.erase(caseId, actor);
      if (!found) return sendNotFound(res, caseId);
      res.send(204);
    },
  };
}
