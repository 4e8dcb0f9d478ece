import { z } from 'zod/v4';
import {
  caseCurrentStep,
  FINISHED,
  STEP_IDS,
  STEP_STATUSES,
  StepStatusSchema,
  type Case,
  type StepId,
  type StepStatus,
} from '../domain/case';

const DAY_MS = 24 * 3600_000;
/** An unfinished case untouched this long is "stuck": listed first and counted on the console. */
export const STUCK_AFTER_DAYS = 7;

export type StepOrFinished = StepId | 'finished';

/** One line of the case list: no personal data, so it needs no masking. */
export interface CaseSummary {
  readonly id: string;
  readonly tradeTitle?: string;
  /** The channel the customer used last (msteams, whatsapp, …). */
  readonly channel?: string;
  readonly channels: readonly string[];
  /** The step the customer is on, or `finished`. */
  readonly step: StepOrFinished;
  /** Status of that step (`done` once finished). */
  readonly status: StepStatus;
  readonly steps: Readonly<Record<StepId, StepStatus>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Whole days since the last change. */
  readonly idleDays: number;
  readonly stuck: boolean;
}

export function lastChannel(record: Case): string | undefined {
  const seen = (c: Case['channels'][number]) => Date.parse(c.lastSeenAt ?? c.addedAt);
  return [...record.channels].sort((a, b) => seen(b) - seen(a))[0]?.channelId;
}

export function summarize(record: Case, now: Date): CaseSummary {
  const step = caseCurrentStep(record);
  const idleDays = Math.max(0, Math.floor((now.getTime() - Date.parse(record.updatedAt)) / DAY_MS));
  const channel = lastChannel(record);
  return {
    id: record.id,
    ...(record.data.tradeTitle ? { tradeTitle: record.data.tradeTitle } : {}),
    ...(channel ? { channel } : {}),
    channels: [...new Set(record.channels.map((c) => c.channelId))],
    step: step ?? 'finished',
    status: step ? record.steps[step].status : 'done',
    steps: Object.fromEntries(STEP_IDS.map((id) => [id, record.steps[id].status])) as Record<
      StepId,
      StepStatus
    >,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    idleDays,
    stuck: step !== null && idleDays >= STUCK_AFTER_DAYS,
  };
}

const optionalDays = z.coerce.number().int().min(0).max(100_000).optional();

/** The list's query parameters; unknown parameters are ignored, malformed ones refused. */
export const CaseFilterSchema = z.object({
  step: z.enum([...STEP_IDS, 'finished']).optional(),
  status: StepStatusSchema.optional(),
  channel: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  minIdleDays: optionalDays,
  maxIdleDays: optionalDays,
  q: z.string().trim().min(1).max(100).optional(),
});
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

/**
 * `step` is the step the customer is on; `status` the status of that step; `channel` any channel the
 * customer used; idle days count from the last change; `q` is part of the trade title (or the case id).
 */
export function matches(summary: CaseSummary, filter: CaseFilter): boolean {
  if (filter.step && summary.step !== filter.step) return false;
  if (filter.status && summary.status !== filter.status) return false;
  if (filter.channel && !summary.channels.includes(filter.channel)) return false;
  if (filter.minIdleDays !== undefined && summary.idleDays < filter.minIdleDays) return false;
  if (filter.maxIdleDays !== undefined && summary.idleDays > filter.maxIdleDays) return false;
  if (filter.q) {
    const needle = filter.q.toLocaleLowerCase('tr');
    const hay = `${summary.tradeTitle ?? ''}\n${summary.id}`.toLocaleLowerCase('tr');
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Stuck cases first: unfinished ones by longest idle, then finished ones, most recent first. */
export function stuckFirst(a: CaseSummary, b: CaseSummary): number {
  const aDone = a.step === 'finished';
  const bDone = b.step === 'finished';
  if (aDone !== bDone) return aDone ? 1 : -1;
  const byTime = aDone ? b.updatedAt.localeCompare(a.updatedAt) : a.updatedAt.localeCompare(b.updatedAt);
  return byTime !== 0 ? byTime : a.id.localeCompare(b.id);
}

export interface CaseStats {
  readonly total: number;
  /** Cases per step the customer is on (and finished). */
  readonly byStep: Readonly<Record<StepOrFinished, number>>;
  /** For each step, the statuses of the cases currently on it. */
  readonly byStatus: Readonly<Record<StepId, Readonly<Record<StepStatus, number>>>>;
  /** For each step: cases that got that far, and cases that finished it. */
  readonly funnel: readonly { step: StepId; reached: number; finished: number }[];
  readonly stuck: number;
}

export function statsOf(summaries: readonly CaseSummary[]): CaseStats {
  const zeroStatuses = () =>
    Object.fromEntries(STEP_STATUSES.map((s) => [s, 0])) as Record<StepStatus, number>;
  const byStep = Object.fromEntries([...STEP_IDS, 'finished'].map((s) => [s, 0])) as Record<
    StepOrFinished,
    number
  >;
  const byStatus = Object.fromEntries(STEP_IDS.map((s) => [s, zeroStatuses()])) as Record<
    StepId,
    Record<StepStatus, number>
  >;
  const funnel = STEP_IDS.map((step) => ({ step, reached: 0, finished: 0 }));
  let stuck = 0;
  for (const s of summaries) {
    byStep[s.step] += 1;
    if (s.step !== 'finished') byStatus[s.step][s.status] += 1;
    const at = s.step === 'finished' ? STEP_IDS.length : STEP_IDS.indexOf(s.step);
    funnel.forEach((row, i) => {
      if (i <= at) row.reached += 1;
      if (FINISHED.has(s.steps[row.step])) row.finished += 1;
    });
    if (s.stuck) stuck += 1;
  }
  return { total: summaries.length, byStep, byStatus, funnel, stuck };
}
