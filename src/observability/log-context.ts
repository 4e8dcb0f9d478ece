import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that tie log lines to one unit of work: a turn or a reminder job. Never personal data. */
export interface LogContext {
  readonly turnId?: string;
  readonly jobId?: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `ids` added to every log line written inside it, however deep the call goes. */
export function withLogContext<T>(ids: LogContext, work: () => Promise<T>): Promise<T> {
  return context.run({ ...context.getStore(), ...ids }, work);
}

/** The ids of the work in progress, for the logger's mixin. */
export function currentLogContext(): LogContext {
  return context.getStore() ?? {};
}
