import type { Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import { STEP_IDS, type Case } from '../domain/case';
import { registerAdminActionRoutes } from './admin-action-routes';
import { viewOf, type AdminApiDeps } from './admin-deps';
import {
  actorOf,
  ADMIN_API_PATH,
  adminGuard,
  CASE_ID,
  handled,
  queryOf,
  sendInvalid,
  sendNotFound,
} from './admin-http';
import { CaseFilterSchema, matches, statsOf, stuckFirst, summarize, type CaseSummary } from './case-summary';
import { maskedData } from './case-view';
import { toCsv, type CsvCell } from './csv';

const PageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const RevealSchema = z.object({ reveal: z.enum(['0', '1']).optional() });

/**
 * The admin API under /api/admin (operations token required):
 * - GET  /cases?step&status&channel&minIdleDays&maxIdleDays&q&limit&offset  case summaries, stuck first
 * - GET  /stats                          counts per step and status, the funnel, stuck cases
 * - GET  /cases.csv?…filters&reveal=1    the filtered list as CSV (personal fields masked unless revealed)
 * - GET  /cases/:id?reveal=1             one case: data (masked unless revealed), steps, reminders,
 *                                        transcript, audit; a reveal is audited as `data.revealed`
 * - POST /cases/:id/codes, /cases/:id/partner-confirmation, /cases/:id/notes; DELETE /cases/:id
 */
export function registerAdminApi(server: Server, deps: AdminApiDeps): void {
  const guard = adminGuard(deps);
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;

  server.get(
    `${ADMIN_API_PATH}/cases`,
    guard,
    handled(log, 'list', (req, res) => list(deps, now(), req, res)),
  );
  server.get(
    `${ADMIN_API_PATH}/stats`,
    guard,
    handled(log, 'stats', (_req, res) => stats(deps, now(), res)),
  );
  server.get(
    `${ADMIN_API_PATH}/cases.csv`,
    guard,
    handled(log, 'csv', (req, res) => csv(deps, now(), req, res)),
  );
  server.get(
    `${ADMIN_API_PATH}/cases/:id`,
    guard,
    handled(log, 'detail', (req, res) => detail(deps, now(), req, res)),
  );
  registerAdminActionRoutes(server, deps, guard);
}

/** Walks every case once, keeping the summaries (and, for exports, the records) that pass the filter. */
async function collect(
  deps: AdminApiDeps,
  now: Date,
  keep: (s: CaseSummary) => boolean,
  records?: Map<string, Case>,
) {
  const summaries: CaseSummary[] = [];
  const { unreadable } = await deps.listing.forEach((record) => {
    const summary = summarize(record, now);
    if (!keep(summary)) return;
    summaries.push(summary);
    records?.set(record.id, record);
  });
  summaries.sort(stuckFirst);
  return { summaries, unreadable: unreadable.length };
}

async function list(deps: AdminApiDeps, now: Date, req: Request, res: Response): Promise<void> {
  const query = queryOf(req);
  const filter = CaseFilterSchema.safeParse(query);
  const page = PageSchema.safeParse(query);
  if (!filter.success) return sendInvalid(res, filter.error);
  if (!page.success) return sendInvalid(res, page.error);
  const { summaries, unreadable } = await collect(deps, now, (s) => matches(s, filter.data));
  const { limit, offset } = page.data;
  res.send(200, {
    total: summaries.length,
    offset,
    limit,
    unreadable,
    cases: summaries.slice(offset, offset + limit),
  });
}

async function stats(deps: AdminApiDeps, now: Date, res: Response): Promise<void> {
  const { summaries, unreadable } = await collect(deps, now, () => true);
  res.send(200, { ...statsOf(summaries), unreadable });
}

const CSV_FIELDS = ['signatoryName', 'signatoryEmail', 'signatoryMobile'] as const;
const CSV_HEADER = [
  'id',
  'tradeTitle',
  'vkn',
  'channel',
  'step',
  'status',
  'idleDays',
  'stuck',
  'createdAt',
  'updatedAt',
  ...STEP_IDS,
  'iysCode',
  'brands',
  'brandCodes',
  'packageTier',
  ...CSV_FIELDS,
];

function csvRow(summary: CaseSummary, record: Case, reveal: boolean): CsvCell[] {
  const data = reveal ? (record.data as Record<string, unknown>) : maskedData(record);
  const codes = Object.entries(record.data.brandCodes ?? {}).map(([brand, code]) => `${brand}=${code}`);
  return [
    summary.id,
    record.data.tradeTitle,
    record.data.vkn,
    summary.channel,
    summary.step,
    summary.status,
    summary.idleDays,
    summary.stuck,
    summary.createdAt,
    summary.updatedAt,
    ...STEP_IDS.map((id) => summary.steps[id]),
    record.data.iysCode,
    (record.data.brands ?? []).map((b) => b.name).join('; '),
    codes.join('; '),
    record.data.packageTier,
    ...CSV_FIELDS.map((id) => data[id] as string | undefined),
  ];
}

async function csv(deps: AdminApiDeps, now: Date, req: Request, res: Response): Promise<void> {
  const query = queryOf(req);
  const filter = CaseFilterSchema.safeParse(query);
  const reveal = RevealSchema.safeParse(query);
  if (!filter.success) return sendInvalid(res, filter.error);
  if (!reveal.success) return sendInvalid(res, reveal.error);
  const actor = actorOf(req);
  if (!actor) return void res.send(400, { code: 'BadRequest', message: 'Invalid X-Actor header' });
  const records = new Map<string, Case>();
  const { summaries } = await collect(deps, now, (s) => matches(s, filter.data), records);
  const revealed = reveal.data.reveal === '1';
  if (revealed) {
    for (const s of summaries) await deps.actions.recordReveal(s.id, actor, 'CSV export');
  }
  const rows = summaries.map((s) => csvRow(s, records.get(s.id) as Case, revealed));
  const body = toCsv(CSV_HEADER, rows);
  const name = `iys-cases-${now.toISOString().slice(0, 10)}.csv`;
  res.sendRaw(200, Buffer.from(body, 'utf8'), {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}"`,
  });
}

async function detail(deps: AdminApiDeps, now: Date, req: Request, res: Response): Promise<void> {
  const caseId = String(req.params?.id ?? '');
  const reveal = RevealSchema.safeParse(queryOf(req));
  if (!reveal.success) return sendInvalid(res, reveal.error);
  if (!CASE_ID.test(caseId)) return sendNotFound(res, caseId);
  const actor = actorOf(req);
  if (!actor) return void res.send(400, { code: 'BadRequest', message: 'Invalid X-Actor header' });
  const revealed = reveal.data.reveal === '1';
  const record = revealed
    ? await deps.actions.recordReveal(caseId, actor, 'case page')
    : await deps.cases.get(caseId);
  if (!record) return sendNotFound(res, caseId);
  res.send(200, await viewOf(deps, now, record, revealed));
}
