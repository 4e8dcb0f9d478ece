import { createHash } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { agentOfferActivity } from '../../dialogs/base/agent-offer';
import { findSession } from '../../dialogs/ports';
import type { Config } from '../config';
import { TemporarilyUnavailableError } from '../errors';
import { resolveLocale, t } from '../i18n';
import type { Logger } from '../observability/logger';
import type { ActivitySender } from './activity-sender';
import { CachingBotFrameworkAuthentication } from './caching-authentication';
import { rendersCards } from './case-session';

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
export async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const temporary = error instanceof TemporarilyUnavailableError;
  logger.error(
    {
      err: { name: error.name, message: error.message, cause: (error.cause as Error | undefined)?.message },
      // Hashed: some channels' message ids embed the sender (WhatsApp's wamid holds the phone number).
      activityId: context.activity.id
        ? createHash('sha256').update(context.activity.id).digest('base64url').slice(0, 16)
        : undefined,
      channelId: context.activity.channelId,
    },
    temporary ? 'turn failed: dependency unavailable' : 'turn failed',
  );
  const locale = findSession(context)?.locale ?? resolveLocale(context.activity.locale);
  const text = t(locale, temporary ? 'bot.temporaryProblem' : 'bot.unexpectedError');
  try {
    // With a one-tap way to a person: a customer stuck on an error should not have to know the word.
    await context.sendActivity(agentOfferActivity(text, locale, rendersCards(context.activity.channelId)));
  } catch (sendError) {
    logger.error({ err: { message: (sendError as Error).message } }, 'could not send the apology');
  }
}
