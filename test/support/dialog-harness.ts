import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import type { DialogDeps } from '../../dialogs/ports';
import { createStepDialogs } from '../../dialogs/steps';
import { createMemoryBackend } from '../../src/backend';
import { createAfterSave } from '../../src/bot/after-save';
import { createBotApplication } from '../../src/bot/bot-application';
import type { TurnLogic } from '../../src/bot/turn-handler';
import { createTurnPipeline } from '../../src/bot/turn-pipeline';
import { botFrameworkMessengers } from '../../src/channels/bot-framework/bot-framework-messenger';
import { caseIdFor } from '../../src/cases/case-keys';
import { CaseRepository } from '../../src/cases/case-repository';
import { CaseService } from '../../src/cases/case-service';
import { loadPackageCatalog } from '../../src/cases/package-catalog-file';
import { loadConfig, type Config } from '../../src/config';
import { STEP_IDS, type Case, type CaseData, type StepId, type StepStatus } from '../../src/domain/case';
import { createHandoff, type Handoff, type HandoffOptions } from '../../src/handoff/handoff-setup';
import { WebhookNotifier } from '../../src/integrator/webhook-notifier';
import { iysClientFromConfig } from '../../src/iys/client-from-config';
import { iysCodeCheck } from '../../src/iys/code-check';
import { createLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import type { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { createReminders } from '../../src/reminders/reminder-setup';
import type { AdaptiveCardLike } from './channel-simulator';
import type { ReceivedActivity } from './local-connector';

/**
 * Runs the bot's dialogs without HTTP: the same teams-ai application, MainDialog and step dialogs that
 * `src/app.ts` builds, with in-memory storage, handoff and reminders, driven by an in-memory channel that
 * hands each activity straight to the application and keeps what the bot sends, per conversation.
 *
 * The turn itself is production's `createTurnPipeline` (lock, load, gates, dialog, save, after-save). What
 * `createApp` wires privately (the dialogs' ports, the case service's subscribers) is repeated here in its
 * minimum; an exported `createConversationCore(config, { adapter, storage })` from `src/app.ts` returning
 * `{ turnLogic, cases, reminders, handoff }` would remove the copy.
 */

const SERVICE_URL = 'https://channel.test.invalid/';
const BOT = { id: 'bot', name: 'İYS Asistanı', role: 'bot' };

export interface SendOptions {
  readonly locale?: string;
  /** A card submit (Action.Submit `data` plus the inputs). */
  readonly value?: unknown;
}

/**
 * A Bot Framework adapter with no connector: `process` runs one inbound activity through the middleware
 * and the bot; everything sent (replies, proactive posts, updates) is kept by conversation id.
 */
export class InMemoryChannel extends BotAdapter {
  readonly serviceUrl = SERVICE_URL;
  private readonly sent = new Map<string, Partial<Activity>[]>();
  private readonly updated = new Map<string, Partial<Activity>[]>();
  private nextId = 1;

  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(
    _context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      const id = `reply-${this.nextId++}`;
      const conversationId = activity.conversation?.id ?? '';
      // What the channel would receive on the wire: plain JSON, no shared references into the bot's state.
      const wire = JSON.parse(JSON.stringify({ ...activity, id })) as Partial<Activity>;
      const list = this.sent.get(conversationId) ?? [];
      list.push(wire);
      this.sent.set(conversationId, list);
      return { id };
    });
  }

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const conversationId = activity.conversation?.id ?? '';
    const list = this.updated.get(conversationId) ?? [];
    list.push(JSON.parse(JSON.stringify(activity)) as Partial<Activity>);
    this.updated.set(conversationId, list);
  }

  override async deleteActivity(): Promise<void> {}

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.process(activity, logic);
  }

  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: unknown,
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const logic = (typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic) as (
      context: TurnContext,
    ) => Promise<void>;
    await this.continueConversation(reference, logic);
  }

  /** Messages (not events) the bot sent in a conversation, in order. */
  messages(conversationId: string): ReceivedActivity[] {
    return this.all(conversationId).filter((a) => a.type === ActivityTypes.Message);
  }

  /** Events (e.g. handoff events) the bot sent in a conversation. */
  events(conversationId: string, name?: string): ReceivedActivity[] {
    return this.all(conversationId).filter(
      (a) => a.type === ActivityTypes.Event && (name === undefined || a.name === name),
    );
  }

  /** Activities the bot replaced in a conversation. */
  updates(conversationId: string): ReceivedActivity[] {
    return (this.updated.get(conversationId) ?? []) as ReceivedActivity[];
  }

  /** Every conversation the bot wrote to (customers, the support channel, its threads). */
  conversations(): string[] {
    return [...this.sent.keys()];
  }

  private all(conversationId: string): ReceivedActivity[] {
    return (this.sent.get(conversationId) ?? []) as ReceivedActivity[];
  }
}

/** One customer in one conversation; `send`, `submitCard` and `pick` return what the bot answered. */
export class DialogCustomer {
  readonly conversationId: string;
  readonly userId: string;
  readonly caseId: string;
  private counter = 0;

  constructor(
    private readonly harness: DialogHarness,
    readonly channelId: string,
    options: { userId?: string; conversationId?: string; locale?: string } = {},
  ) {
    this.userId = options.userId ?? `user-${randomUUID()}`;
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.caseId = caseIdFor(channelId, this.userId);
    this.locale = options.locale ?? 'tr-TR';
  }

  /** The client's locale sent with every message unless a message says otherwise. */
  locale: string;

  activity(text: string, options: SendOptions = {}): Partial<Activity> {
    this.counter += 1;
    return {
      type: ActivityTypes.Message,
      id: `${this.conversationId}-in-${this.counter}`,
      timestamp: new Date(),
      channelId: this.channelId,
      serviceUrl: this.harness.channel.serviceUrl,
      from: { id: this.userId, name: 'Test Kullanıcı', role: 'user' },
      recipient: BOT,
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      locale: options.locale ?? this.locale,
      text,
      ...(options.value !== undefined ? { value: options.value } : {}),
    };
  }

  /** Sends one message (text and/or a card submit value) and returns the messages the bot sent in that turn. */
  async send(text: string, options: SendOptions = {}): Promise<ReceivedActivity[]> {
    const before = this.messages().length;
    await this.harness.turn(this.activity(text, options));
    return this.messages().slice(before);
  }

  /** Submits the most recent card with this action (default: a form's submit), with these inputs. */
  submitCard(
    inputs: Record<string, string>,
    verb = 'form.submit',
    options: Omit<SendOptions, 'value'> = {},
  ): Promise<ReceivedActivity[]> {
    return this.send('', { ...options, value: { ...inputs, ...this.lastCardAction(verb) } });
  }

  /** Presses the button with this title on the most recent multiple-choice card (as Web Chat sends it). */
  pick(title: string): Promise<ReceivedActivity[]> {
    for (const card of [...cardsIn(this.messages())].reverse()) {
      const action = card.actions?.find((a) => a.title === title && a.data?.verb === 'choice.pick');
      if (action?.data) return this.send('', { value: action.data });
    }
    throw new Error(`no choice button “${title}” in ${this.conversationId}`);
  }

  /** The `data` of the named action on the last Adaptive Card the bot sent (verb, formId, nonce). */
  lastCardAction(verb = 'form.submit'): Record<string, unknown> {
    for (const card of [...cardsIn(this.messages())].reverse()) {
      const action = card.actions?.find((a) => a.data?.verb === verb);
      if (action?.data) return action.data;
    }
    throw new Error(`no card with a ${verb} action in ${this.conversationId}`);
  }

  /** Everything the bot sent this customer so far. */
  messages(): ReceivedActivity[] {
    return this.harness.channel.messages(this.conversationId);
  }
}

/** Adaptive Card attachments of some replies. */
export function cardsIn(replies: readonly ReceivedActivity[]): AdaptiveCardLike[] {
  return replies.flatMap((r) =>
    ((r.attachments ?? []) as { contentType?: string; content?: AdaptiveCardLike }[])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
      .map((a) => a.content as AdaptiveCardLike),
  );
}

export interface DialogHarnessOptions {
  /** Configuration as environment variables, over `NODE_ENV=test` (REDIS_URL is ignored: no Redis here). */
  readonly env?: Record<string, string>;
  readonly handoff?: HandoffOptions;
}

/** The dialogs, their state and the services around them, in memory, for one test file. */
export class DialogHarness {
  readonly channel = new InMemoryChannel();
  readonly config: Config;
  readonly cases: CaseService;
  readonly reminders: ReminderScheduler;
  readonly handoff: Handoff;
  private readonly logic: TurnLogic;

  constructor(options: DialogHarnessOptions = {}) {
    const { REDIS_URL: _ignored, ...env } = options.env ?? {};
    const config = loadConfig({ NODE_ENV: 'test', ...env });
    this.config = config;
    const logger = createLogger(process.env.HARNESS_LOG ?? 'silent');
    // The embedded mode's kit, as createApp builds it without REDIS_URL.
    const backend = createMemoryBackend(config);
    const storage = backend.storage;
    // Typed as CloudAdapter there; handoff and reminders only use continueConversationAsync.
    const adapter = this.channel as unknown as CloudAdapter;
    const repository = new CaseRepository(storage);
    this.cases = new CaseService(repository, () => new Date());
    const messengers = botFrameworkMessengers(adapter, config.bot.appId);
    const handoff = createHandoff({
      config,
      adapter,
      messengers,
      backend,
      cases: this.cases,
      logger,
      ...(options.handoff ? { options: options.handoff } : {}),
    });
    this.handoff = handoff;
    // As src/app.ts builds them (private there): the dialogs' ports.
    const iys = iysClientFromConfig(config);
    const deps: DialogDeps = {
      integrator: config.integrator,
      packageCatalog: loadPackageCatalog(config.onboarding.packagesFile),
      handoff: { requestAgent: (request) => handoff.port.requestAgent(request) },
      callbackOffer: handoff.callbackOffers,
      privacyNoticeVersion: config.onboarding.privacyNoticeVersion,
      now: () => new Date(),
      ...(iys ? { codeCheck: iysCodeCheck(iys) } : {}),
    };
    const mainDialog = new MainDialog(deps, createStepDialogs(deps));
    const bot = createBotApplication({ storage, mainDialog, handoff: handoff.routing });
    const reminders = createReminders({
      confirmPartner: async (caseId, brands) => {
        await this.cases.confirmPartnerAssignment(
          caseId,
          'iys_api',
          { kind: 'system', id: 'iys-api' },
          brands,
        );
      },
      config,
      cases: repository,
      caseChanges: this.cases,
      backend,
      messengers,
      ...(iys ? { iys } : {}),
      handoff,
      logger,
    });
    this.reminders = reminders.scheduler;
    const events = new WebhookNotifier(
      {
        ...(config.integrator.webhookUrl ? { url: config.integrator.webhookUrl } : {}),
        ...(config.integrator.webhookSecret ? { secret: config.integrator.webhookSecret } : {}),
      },
      logger,
    );
    const afterSave = createAfterSave({
      events,
      caseChanged: (before, after) => this.cases.caseChanged(before, after),
      eraseCase: async () => {
        throw new Error('KVKK erasure is not wired in the dialog harness (test it end to end)');
      },
    });
    this.logic = createTurnPipeline({
      lock: backend.lock,
      bot,
      afterSave,
      channels: {},
      metrics: new Metrics(),
      logger,
    });
  }

  /** Runs one inbound activity to the end of its turn (state saved, after-save work done). */
  turn(activity: Partial<Activity>): Promise<void> {
    return this.channel.process(activity, this.logic);
  }

  /** A new customer; `emulator` renders cards, `sms` stands for any channel without them. */
  customer(channelId: 'emulator' | 'sms' = 'emulator', options: { locale?: string } = {}): DialogCustomer {
    return new DialogCustomer(this, channelId, options);
  }

  /** Stores this case as the customer's (its id is replaced by the customer's case id). */
  async seed(user: DialogCustomer, record: Case): Promise<void> {
    await this.cases.replace({ ...record, id: user.caseId });
  }

  async caseOf(user: DialogCustomer): Promise<Case> {
    const found = await this.cases.get(user.caseId);
    if (!found) throw new Error(`no case stored for ${user.caseId}`);
    return found;
  }

  async statuses(user: DialogCustomer): Promise<Record<StepId, StepStatus>> {
    const current = await this.caseOf(user);
    return Object.fromEntries(STEP_IDS.map((id) => [id, current.steps[id].status])) as Record<
      StepId,
      StepStatus
    >;
  }

  /** Replaces data and step statuses of a stored case (the fixtures' "as if the customer had sent it"). */
  async patch(
    user: DialogCustomer,
    change: { data?: Partial<CaseData>; steps?: Partial<Record<StepId, StepStatus>> },
  ): Promise<void> {
    const current = await this.caseOf(user);
    const steps = { ...current.steps };
    for (const [id, status] of Object.entries(change.steps ?? {}) as [StepId, StepStatus][]) {
      steps[id] = { ...steps[id], status };
    }
    await this.cases.replace({ ...current, data: { ...current.data, ...change.data }, steps });
  }

  async stop(): Promise<void> {
    await this.handoff.stopSweep();
    await this.reminders.close();
  }
}
