import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import { TemporarilyUnavailableError } from '../errors';
import { resolveLocale, t } from '../i18n';
import type { Logger } from '../observability/logger';
import type { ActivitySender } from './activity-sender';
import { CachingBotFrameworkAuthentication } from './caching-authentication';

/** CloudAdapter that lets our HTTP route hand it an activity it has already parsed and validated. */
export class BotHttpAdapter extends CloudAdapter {
  processValidatedActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * CloudAdapter with our connector-client cache. With no app id (local try in the Emulator or the Agents
 * Playground) botbuilder skips token validation; configuration refuses that combination in production.
 */
export function createAdapter(bot: Config['bot'], sender: ActivitySender, logger: Logger): BotHttpAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  });
  const adapter = new BotHttpAdapter(new CachingBotFrameworkAuthentication(auth, sender));
  adapter.onTurnError = (context, error) => apologise(context, error, logger);
  return adapter;
}

/** Logs the failure (without message text) and tells the user, in their language, that nothing was lost. */
async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const temporary = error instanceof TemporarilyUnavailableError;
  logger.error(
    {
      err: { name: error.name, message: error.message, cause: (error.cause as Error | undefined)?.message },
      activityId: context.activity.id,
      channelId: context.activity.channelId,
    },
    temporary ? 'turn failed: dependency unavailable' : 'turn failed',
  );
  const locale = resolveLocale(context.activity.locale);
  try {
    await context.sendActivity(t(locale, temporary ? 'bot.temporaryProblem' : 'bot.unexpectedError'));
  } catch (sendError) {
    logger.error({ err: { message: (sendError as Error).message } }, 'could not send the apology');
  }
}
