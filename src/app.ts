import type { TurnContext } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { MainDialog } from '../dialogs/main-dialog';
import type { DialogDeps } from '../dialogs/ports';
import { createStepDialogs } from '../dialogs/steps';
import {
  createServer,
  observeGauges,
  startApp,
  type Channels,
  type RunningApp,
  type ServedParts,
} from './app-server';
import { createBackend, type Backend } from './backend';
import { apologise, createAdapter } from './bot/adapter';
import { createAfterSave } from './bot/after-save';
import { createBotApplication } from './bot/bot-application';
import type { TurnLogic } from './bot/turn-handler';
import { createTurnPipeline } from './bot/turn-pipeline';
import { ActivitySender } from './channels/bot-framework/activity-sender';
import { botFrameworkMessengers } from './channels/bot-framework/bot-framework-messenger';
import { WHATSAPP_CHANNEL_ID } from './channels/whatsapp/types';
import { createWhatsAppChannel } from './channels/whatsapp/whatsapp-channel';
import { CaseRepository } from './cases/case-repository';
import { CaseService } from './cases/case-service';
import { loadPackageCatalog } from './cases/package-catalog-file';
import type { Config } from './config';
import { createHandoff, type Handoff, type HandoffOptions } from './handoff/handoff-setup';
import { WebhookNotifier } from './integrator/webhook-notifier';
import type { IysClient } from './iys';
import { iysClientFromConfig } from './iys/client-from-config';
import { iysCodeCheck } from './iys/code-check';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { createPrivacy, type Privacy } from './privacy';
import type { ReminderScheduler } from './reminders/reminder-scheduler';
import { createReminders, type Reminders } from './reminders/reminder-setup';

export type { RunningApp } from './app-server';

export interface App {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Cases outside a turn, for agents, workers, the admin API and tests. */
  readonly cases: CaseService;
  /** Pending reminders (for the admin API and tests). */
  readonly reminders: ReminderScheduler;
  /** Agent takeover (for the admin API and tests). */
  readonly handoff: Handoff;
  /** KVKK erasure (admin API: DELETE /api/admin/cases/:id) and the retention sweep. */
  readonly privacy: Privacy;
  start(): Promise<RunningApp>;
}

export interface AppOptions {
  logger?: Logger;
  handoff?: HandoffOptions;
  /** How outbound Bot Framework tokens are obtained; default: Azure AD (MSAL). Tests: a local endpoint. */
  botCredentials?: ServiceClientCredentialsFactory;
}

/** What every later part is built from. */
interface Base {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Redis or memory, decided once: every store below comes from it. */
  readonly backend: Backend;
  readonly channels: Channels;
  readonly iys: IysClient | undefined;
}

/** Everything the process serves, as the sub-factories below build it, in this order. */
interface Parts extends Base, ServedParts {}

/**
 * The composition root: builds every collaborator from Config, top to bottom, each from what was built
 * before it. The reminders follow case changes through the case service's `caseChanged` event.
 */
export function createApp(config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = new Metrics({ defaultMetrics: config.env !== 'test' });
  const backend = createBackend(config, logger, metrics);
  const channels = createChannels(config, backend, logger, metrics, options);
  const base: Base = { config, logger, metrics, backend, channels, iys: iysClientFromConfig(config) };
  const repository = new CaseRepository(backend.storage);
  const cases = new CaseService(repository, () => new Date());
  const handoff = createHandoffFor(base, cases, options);
  const reminders = createRemindersFor(base, repository, cases, handoff);
  // Erasure reaches every store of the kit: WhatsApp windows too, even with WhatsApp no longer configured.
  const privacy = createPrivacy({
    backend,
    repository,
    reminders: reminders.scheduler,
    policy: config.retention,
    logger,
  });
  const parts: Parts = { ...base, repository, cases, handoff, reminders, privacy };
  const server = createServer(parts, createTurnLogic(parts));
  observeGauges(parts);
  return {
    logger,
    metrics,
    cases,
    reminders: reminders.scheduler,
    handoff,
    privacy,
    start: () => startApp(parts, server),
  };
}

function createChannels(
  config: Config,
  backend: Backend,
  logger: Logger,
  metrics: Metrics,
  options: AppOptions,
): Channels {
  const sender = new ActivitySender();
  const credentials = options.botCredentials ? { credentialsFactory: options.botCredentials } : {};
  const adapter = createAdapter(config.bot, sender, logger, credentials);
  const onBotFramework = botFrameworkMessengers(adapter, config.bot.appId);
  if (!config.whatsapp) return { sender, adapter, messengers: () => onBotFramework };
  const whatsapp = createWhatsAppChannel({
    config: config.whatsapp,
    bodyLimitBytes: config.http.bodyLimitBytes,
    backend,
    logger,
    metrics,
    onTurnError: apologise,
  });
  // WhatsApp's messenger uses the purpose's template outside the 24-hour window (reminder, agentMessage).
  const messengers = (purpose: 'reminder' | 'agentMessage') => ({
    ...onBotFramework,
    [WHATSAPP_CHANNEL_ID]: whatsapp.messenger(purpose),
  });
  return { sender, adapter, whatsapp, messengers };
}

function createHandoffFor(base: Base, cases: CaseService, options: AppOptions): Handoff {
  const { config, backend, channels, logger } = base;
  return createHandoff({
    config,
    adapter: channels.adapter,
    // Agents' replies reach customers through their channel's messenger; tests may add their own.
    messengers: channels.messengers('agentMessage'),
    backend,
    cases,
    logger,
    ...(options.handoff ? { options: options.handoff } : {}),
  });
}

function createRemindersFor(
  { config, backend, channels, iys, metrics, logger }: Base,
  repository: CaseRepository,
  cases: CaseService,
  handoff: Handoff,
): Reminders {
  return createReminders({
    // The worker confirms what İYS shows through the case service, whose change settles the reminders.
    confirmPartner: async (caseId, brands) => {
      await cases.confirmPartnerAssignment(caseId, 'iys_api', { kind: 'system', id: 'iys-api' }, brands);
    },
    caseChanges: cases,
    config,
    cases: repository,
    backend,
    messengers: channels.messengers('reminder'),
    ...(iys ? { iys } : {}),
    handoff,
    metrics,
    logger,
  });
}

/** The dialogs, the teams-ai application around them and the turn pipeline every channel runs. */
function createTurnLogic(parts: Parts): TurnLogic {
  const { config, backend, handoff, cases, privacy, channels, iys, metrics, logger } = parts;
  const dialogDeps: DialogDeps = {
    integrator: config.integrator,
    packageCatalog: loadPackageCatalog(config.onboarding.packagesFile),
    handoff: handoff.port,
    callbackOffer: handoff.callbackOffers,
    privacyNoticeVersion: config.onboarding.privacyNoticeVersion,
    now: () => new Date(),
    ...(iys ? { codeCheck: iysCodeCheck(iys) } : {}),
  };
  const mainDialog = new MainDialog(dialogDeps, createStepDialogs(dialogDeps));
  const events = new WebhookNotifier(
    {
      ...(config.integrator.webhookUrl ? { url: config.integrator.webhookUrl } : {}),
      ...(config.integrator.webhookSecret ? { secret: config.integrator.webhookSecret } : {}),
    },
    logger,
  );
  const eraseCase = async (ctx: TurnContext, caseId: string): Promise<void> => {
    const { channelId, recipient, conversation, from } = ctx.activity;
    const here = { channelId, botId: recipient.id, conversationId: conversation.id, userId: from.id };
    await privacy.eraser.eraseInTurn(caseId, { kind: 'customer', id: caseId }, here);
  };
  return createTurnPipeline({
    lock: backend.lock,
    bot: createBotApplication({ storage: backend.storage, mainDialog, handoff: handoff.routing }),
    afterSave: createAfterSave({ events, caseChanged: (b, a) => cases.caseChanged(b, a), eraseCase }),
    channels: channels.whatsapp ? { [WHATSAPP_CHANNEL_ID]: channels.whatsapp.adapter } : {},
    metrics,
    logger,
  });
}
