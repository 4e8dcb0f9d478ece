import type { CaseListing } from '../cases/case-listing';
import type { CaseService } from '../cases/case-service';
import type { Case } from '../domain/case';
import type { TranscriptStore } from '../handoff/transcript-store';
import type { RequestLimits } from '../http/request-limits';
import type { Logger } from '../observability/logger';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import type { AdminCaseActions, CaseEraser } from './admin-actions';
import { caseView, TRANSCRIPT_LINES, type CaseView } from './case-view';

export interface AdminApiDeps {
  readonly adminToken: string;
  readonly listing: CaseListing;
  readonly cases: CaseService;
  readonly actions: AdminCaseActions;
  readonly eraser: CaseEraser;
  readonly reminders: Pick<ReminderScheduler, 'pending'>;
  readonly transcripts?: Pick<TranscriptStore, 'last'>;
  readonly limits: RequestLimits;
  /** Admin bodies are small JSON; the lower of this and 16 KB applies. */
  readonly bodyLimitBytes: number;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** The case page: the case with its pending reminders and the last transcript lines. */
export async function viewOf(
  deps: AdminApiDeps,
  now: Date,
  record: Case,
  reveal: boolean,
): Promise<CaseView> {
  const [pending, transcript] = await Promise.all([
    deps.reminders.pending(record.id),
    deps.transcripts ? deps.transcripts.last(record.id, TRANSCRIPT_LINES) : Promise.resolve([]),
  ]);
  return caseView(record, { now, reveal, pending, transcript });
}
