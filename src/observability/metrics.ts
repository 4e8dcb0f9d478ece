import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per running app (no global default registry), so tests and benchmarks can run several
 * apps in one process.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly turnDuration = new Histogram({
    name: 'iys_turn_duration_seconds',
    help: 'Time to process one incoming activity, lock wait included',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly turns = new Counter({
    name: 'iys_turns_total',
    help: 'Incoming activities processed, by outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly stateRoundTrips = new Counter({
    name: 'iys_state_redis_roundtrips_total',
    help: 'Redis round trips made by the conversation state storage',
    labelNames: ['op'] as const,
    registers: [this.registry],
  });

  readonly reminders = new Counter({
    name: 'iys_reminder_jobs_total',
    help: 'Reminder jobs handled, by kind and outcome (sent, skipped, deferred, paused, unreachable, …)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly reminderFailures = new Counter({
    name: 'iys_reminder_failures_total',
    help: 'Reminder deliveries that failed, by kind and whether they will be retried',
    labelNames: ['kind', 'retry'] as const,
    registers: [this.registry],
  });

  readonly reminderResends = new Counter({
    name: 'iys_reminder_resend_after_crash_total',
    help: 'Reminders (customer) or escalations (support) sent again because the run that began sending them died; each may have arrived twice',
    labelNames: ['kind', 'target'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'iys_rate_limited_total',
    help: 'Requests or messages refused for exceeding a per-IP or per-user budget',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  readonly whatsAppStatuses = new Counter({
    name: 'iys_whatsapp_statuses_total',
    help: 'Delivery reports received from WhatsApp for messages the bot sent, by status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** `iys_handoffs_open`: requests waiting for an agent or owned by one, read when scraped. */
  observeOpenHandoffs(count: () => Promise<number>): void {
    new Gauge({
      name: 'iys_handoffs_open',
      help: 'Agent takeovers requested or in progress',
      registers: [this.registry],
      async collect() {
        this.set(await count().catch(() => 0));
      },
    });
  }

  /**
   * `iys_cases{step}`: cases by the step they are at ('finished' when all six are done). Counting reads
   * every case, so a scrape reuses a count younger than `maxAgeMs`.
   */
  observeCasesPerStep(count: () => Promise<Record<string, number>>, maxAgeMs = 60_000): void {
    let cached: { at: number; counts: Record<string, number> } | undefined;
    new Gauge({
      name: 'iys_cases',
      help: 'Onboarding cases by current step',
      labelNames: ['step'] as const,
      registers: [this.registry],
      async collect() {
        if (!cached || Date.now() - cached.at > maxAgeMs) {
          const counts = await count().catch(() => cached?.counts ?? {});
          cached = { at: Date.now(), counts };
        }
        this.reset();
        for (const [step, n] of Object.entries(cached.counts)) this.set({ step }, n);
      },
    });
  }
}
