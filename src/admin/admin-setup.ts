import type { Server } from 'restify';
import type { Storage } from 'botbuilder';
import { CaseListing, isListableStorage } from '../cases/case-listing';
import type { CaseRepository } from '../cases/case-repository';
import type { CaseService } from '../cases/case-service';
import type { Case } from '../domain/case';
import type { TranscriptStore } from '../handoff/transcript-store';
import type { RequestLimits } from '../http/request-limits';
import type { Logger } from '../observability/logger';
import type { ReminderScheduler } from '../reminders/reminder-scheduler';
import { AdminCaseActions, type CaseEraser } from './admin-actions';
import { registerAdminApi } from './admin-routes';
import { registerConsoleRoutes } from './console-routes';

/** The admin API at /api/admin and the operations console at /admin, both behind the operations token. */
export function registerOperations(
  server: Server,
  deps: {
    adminToken: string;
    /** The backend kit's (src/backend): the cases are listed from its storage. */
    backend: { readonly storage: Storage; readonly transcripts?: TranscriptStore };
    repository: CaseRepository;
    cases: CaseService;
    onChange?: (before: Case, after: Case) => Promise<void>;
    reminders: Pick<ReminderScheduler, 'pending'>;
    /** KVKK erasure of everything of a case (src/privacy). */
    eraser: CaseEraser;
    limits: RequestLimits;
    bodyLimitBytes: number;
    logger: Logger;
  },
): void {
  const { storage, transcripts } = deps.backend;
  if (!isListableStorage(storage)) throw new Error('the admin API needs a storage that can list its keys');
  const actions = new AdminCaseActions({
    repository: deps.repository,
    cases: deps.cases,
    ...(deps.onChange ? { onChange: deps.onChange } : {}),
    ...(transcripts ? { transcripts } : {}),
  });
  registerAdminApi(server, {
    adminToken: deps.adminToken,
    listing: new CaseListing(storage),
    cases: deps.cases,
    actions,
    eraser: deps.eraser,
    reminders: deps.reminders,
    ...(transcripts ? { transcripts } : {}),
    limits: deps.limits,
    bodyLimitBytes: deps.bodyLimitBytes,
    logger: deps.logger.child({ component: 'admin' }),
  });
  registerConsoleRoutes(server);
}
