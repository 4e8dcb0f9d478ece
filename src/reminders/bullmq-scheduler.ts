import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createClient } from 'redis';
import { AppError, TemporarilyUnavailableError } from '../errors';
import { reminderDeliveryKey, reminderJobDataSchema, reminderJobIds, type ReminderJobData } from './job-id';
import { REMINDER_KINDS, type PendingReminder, type ReminderKind } from '../domain/reminders/reminder-kinds';
import {
  DEFAULT_DELIVERY_TRIES,
  DEFAULT_RETRY_BACKOFF_MS,
  RETRY_JITTER,
  UnrecoverableReminderError,
  type DueReminder,
  type ReminderDeliveryOptions,
  type ReminderHandler,
  type ReminderScheduler,
} from './reminder-scheduler';

/** How many finished jobs BullMQ keeps for inspection (Bull Board), and for how long. */
export interface KeepJobs {
  readonly count: number;
  readonly ageSeconds: number;
}

export interface BullMqReminderSchedulerOptions extends ReminderDeliveryOptions {
  readonly redisUrl: string;
  /** The project's key prefix, e.g. `iys:`; the queue's keys are `${keyPrefix}${queueName}:…`. */
  readonly keyPrefix: string;
  /** Default `reminders`; BullMQ forbids ':' in it. */
  readonly queueName?: string;
  /** Handlers running at once in this process (default 10). */
  readonly concurrency?: number;
  /** A killed worker's running job is redelivered about this long after it stopped renewing (default 30 s). */
  readonly lockDurationMs?: number;
  /** How often workers look for such abandoned jobs (default 30 s). */
  readonly stalledIntervalMs?: number;
  /**
   * How often one job may be abandoned (its worker killed or force-closed) and still be redelivered; once
   * more and BullMQ fails it, ending the case's reminders (default 5; BullMQ's own default is 1).
   */
  readonly maxStalledCount?: number;
  /** How long the worker pauses after a failed fetch, e.g. while Redis restarts (default 2 s). */
  readonly fetchRetryDelayMs?: number;
  readonly keepCompleted?: KeepJobs;
  readonly keepFailed?: KeepJobs;
  /** Connection-level problems (Redis away, a worker loop error); the scheduler keeps going on its own. */
  readonly onError?: (error: Error) => void;
}

type NodeRedisClient = ReturnType<typeof createClient>;

const PENDING_STATES: ReadonlySet<string> = new Set(['delayed', 'waiting', 'prioritized', 'paused']);
const RECONNECT = (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2_000);

/**
 * Reminders as BullMQ delayed jobs with deterministic ids (see job-id.ts for the two slots per (case, kind)).
 *
 * Connections: BullMQ 6 speaks node-redis natively, so this uses the `redis` package the bot's state already
 * uses (no ioredis). The queue's client fails fast while Redis is away (a turn answers "try again" instead of
 * hanging); the worker's connections queue commands until Redis is back, as BullMQ requires of workers
 * (ioredis' `maxRetriesPerRequest: null`). BullMQ uses a client it is given as is and leaves closing it to
 * us; it duplicates the worker's client for its blocking connection and closes that one itself.
 */
export class BullMqReminderScheduler implements ReminderScheduler {
  /** Exposed for Bull Board. */
  readonly queue: Queue;
  private readonly queueClient: NodeRedisClient;
  private workerClient?: NodeRedisClient;
  private worker?: Worker;
  private connectedBefore = false;

  constructor(private readonly options: BullMqReminderSchedulerOptions) {
    const onError = (err: Error) => options.onError?.(err);
    this.queueClient = createClient({
      url: options.redisUrl,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: RECONNECT },
    });
    this.queueClient.on('error', onError);
    this.queue = new Queue(options.queueName ?? 'reminders', {
      connection: this.queueClient,
      prefix: bullPrefix(options.keyPrefix),
      // The event stream is for dashboards only; keep it small (BullMQ's default is 10 000 entries).
      streams: { events: { maxLen: 1_000 } },
    });
    this.queue.on('error', onError);
  }

  async schedule(caseId: string, kind: ReminderKind, at: Date, attempt = 0): Promise<void> {
    const data: ReminderJobData = { caseId, kind, attempt, at: at.getTime() };
    await this.call('schedule', async () => {
      const free = await this.clearSlots(caseId, kind);
      if (free === undefined) throw new TemporarilyUnavailableError('reminder: both slots are running');
      await this.queue.add(kind, data, {
        jobId: free,
        delay: Math.max(0, data.at - Date.now()),
        attempts: this.options.deliveryTries ?? DEFAULT_DELIVERY_TRIES,
        backoff: {
          type: 'exponential',
          delay: this.options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS,
          jitter: RETRY_JITTER,
        },
      });
    });
  }

  async cancel(caseId: string, kind: ReminderKind): Promise<void> {
    await this.call('cancel', () => this.clearSlots(caseId, kind));
  }

  async pending(caseId: string): Promise<PendingReminder[]> {
    const found = await this.call('pending', () =>
      Promise.all(REMINDER_KINDS.map((kind) => this.pendingJob(caseId, kind))),
    );
    return found
      .filter((job): job is Job => job !== undefined)
      .map((job) => toPending(reminderJobDataSchema.parse(job.data)))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  start(handler: ReminderHandler): void {
    if (this.worker) throw new Error('reminder scheduler already started');
    const o = this.options;
    const keep = (k: KeepJobs | undefined, count: number) => ({
      count: k?.count ?? count,
      age: k?.ageSeconds ?? 7 * 24 * 3600,
    });
    this.workerClient = createClient({ url: o.redisUrl, socket: { reconnectStrategy: RECONNECT } });
    this.workerClient.on('error', (err: Error) => o.onError?.(err));
    this.workerClient.on('ready', () => this.wakeWorkerAfterReconnect());
    this.worker = new Worker(this.queue.name, (job, token) => this.process(job, handler, token), {
      connection: this.workerClient,
      prefix: bullPrefix(o.keyPrefix),
      concurrency: o.concurrency ?? 10,
      lockDuration: o.lockDurationMs ?? 30_000,
      stalledInterval: o.stalledIntervalMs ?? 30_000,
      maxStalledCount: o.maxStalledCount ?? 5,
      // BullMQ waits 15 s by default; reminders must not be that late after a short Redis blip.
      runRetryDelay: o.fetchRetryDelayMs ?? 2_000,
      // Here rather than on each job: job options are stored in every job hash.
      removeOnComplete: keep(o.keepCompleted, 1_000),
      removeOnFail: keep(o.keepFailed, 5_000),
    });
    this.worker.on('error', (err) => o.onError?.(err));
  }

  /**
   * Worker first (by default it waits for running handlers), then the queue, then our clients.
   * `force` abandons running handlers (a shutdown deadline passed); their jobs are redelivered later.
   */
  async close(options: { force?: boolean } = {}): Promise<void> {
    await this.worker?.close(options.force ?? false);
    await this.queue.close();
    await Promise.all([closeClient(this.workerClient), closeClient(this.queueClient)]);
  }

  /**
   * A worker whose blocking wait broke on a lost connection blocks up to 10 s afterwards, and the marker
   * that would have woken it for the next delayed job was consumed before the loss: reminders due in that
   * window would come late. A "something is waiting" marker (what BullMQ writes when a job is added) makes
   * it look again at once; it promotes only jobs that are due, so nothing fires early.
   */
  private wakeWorkerAfterReconnect(): void {
    if (!this.connectedBefore) {
      this.connectedBefore = true;
      return;
    }
    this.workerClient?.zAdd(this.queue.toKey('marker'), { score: 0, value: '0' }).catch(() => undefined);
  }

  /**
   * Removes whatever the (case, kind) slots hold unless it is running (BullMQ refuses to remove a locked
   * job) and names a slot that is now empty: undefined only when both are running.
   */
  private async clearSlots(caseId: string, kind: ReminderKind): Promise<string | undefined> {
    const ids = reminderJobIds(caseId, kind);
    const jobs = await Promise.all(ids.map((id) => this.queue.getJob(id)));
    const removed = await Promise.all(
      ids.map(async (id, i) => !jobs[i] || (await this.queue.remove(id, { removeChildren: false })) === 1),
    );
    return ids.find((_, i) => removed[i]);
  }

  /** The newest job of (case, kind) that waits to fire; a retry superseded by a newer one is not it. */
  private async pendingJob(caseId: string, kind: ReminderKind): Promise<Job | undefined> {
    const jobs = await Promise.all(reminderJobIds(caseId, kind).map((id) => this.queue.getJob(id)));
    const states = await Promise.all(jobs.map((job) => job?.getState()));
    return jobs
      .filter((job, i): job is Job => job !== undefined && PENDING_STATES.has(states[i] ?? ''))
      .sort((a, b) => b.timestamp - a.timestamp)[0];
  }

  private async process(job: Job, handler: ReminderHandler, token?: string): Promise<void> {
    const parsed = reminderJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw safeError(new UnrecoverableError('reminder job data is invalid'));
    const data = parsed.data;
    // BullMQ promotes jobs by the clocks of the processes involved; never deliver before the time.
    if (Date.now() < data.at) {
      await job.moveToDelayed(data.at, token);
      throw new DelayedError();
    }
    if (job.attemptsMade > 0 && (await this.superseded(job, data))) return;
    // A redelivered job gets a new lock token: the run id that tells its handler an earlier run died.
    const due = toDue(data, token ?? `${job.id}:${job.attemptsStarted}`);
    try {
      await handler(due);
    } catch (err) {
      const tries = this.options.deliveryTries ?? DEFAULT_DELIVERY_TRIES;
      const unrecoverable = err instanceof UnrecoverableReminderError;
      this.options.onDeliveryFailed?.(due, err, !unrecoverable && job.attemptsMade + 1 < tries);
      throw safeError(
        unrecoverable ? new UnrecoverableError(failureReason(err)) : new Error(failureReason(err)),
      );
    }
  }

  /** A retry whose (case, kind) got a newer reminder while it ran gives way to it. */
  private async superseded(job: Job, data: ReminderJobData): Promise<boolean> {
    const sibling = reminderJobIds(data.caseId, data.kind).find((id) => id !== job.id);
    return sibling !== undefined && PENDING_STATES.has(await this.queue.getJobState(sibling));
  }

  private async call<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new TemporarilyUnavailableError(`reminder ${op} failed`, { cause: err });
    }
  }
}

async function closeClient(client: NodeRedisClient | undefined): Promise<void> {
  if (!client?.isOpen) return;
  await client.close().catch(() => client.destroy());
}

/** BullMQ joins its prefix and the queue name with ':'; our prefixes already end with one. */
function bullPrefix(keyPrefix: string): string {
  return keyPrefix.endsWith(':') ? keyPrefix.slice(0, -1) : keyPrefix;
}

function toPending(data: ReminderJobData): PendingReminder {
  return { caseId: data.caseId, kind: data.kind, attempt: data.attempt, at: new Date(data.at) };
}

function toDue(data: ReminderJobData, runId: string): DueReminder {
  const scheduledFor = new Date(data.at);
  return {
    caseId: data.caseId,
    kind: data.kind,
    attempt: data.attempt,
    scheduledFor,
    deliveryKey: reminderDeliveryKey(data.caseId, data.kind, data.attempt, scheduledFor),
    runId,
  };
}

/** BullMQ stores the failure reason on the job: a code, never the handler's message (it may name people). */
function failureReason(err: unknown): string {
  const code = err instanceof AppError ? err.code : err instanceof Error ? err.name : typeof err;
  return `reminder handler failed: ${code}`;
}

/** BullMQ also stores the stack on the job; ours says nothing useful and costs memory per failed try. */
function safeError<E extends Error>(err: E): E {
  err.stack = `${err.name}: ${err.message}`;
  return err;
}
