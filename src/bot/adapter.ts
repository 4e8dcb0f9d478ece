import { createHash } from 'node:crypto';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { agentOfferActivity } from '../../dialogs/base/agent-offer';
import { findSession } from '../../dialogs/ports';
import type { Config } from '../config';
import { classifyFailure, errorChain } from '../errors';
import { resolveLocale, t } from '../i18n';
import type { Logger } from '../observability/logger';
import type { ActivitySender } from '../channels/bot-framework/activity-sender';
import { CachingBotFrameworkAuthentication } from './caching-authentication';
import { rendersCards } from './case-session';

/**
 * CloudAdapter that lets our HTTP route authenticate a request on its own (to tell a refused token from
 * unreachable signing keys, and to exempt proven Bot Connector traffic from the per-IP budget) and then
 * hand it an activity it has already parsed, validated and authenticated.
 */
export class BotHttpAdapter extends CloudAdapter {
  /** Checks the request's token and prepares the reply connector; throws when the token is not accepted. */
  authenticate(authorization: string, activity: Activity): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  processValidatedActivity(
    authorization: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return typeof authorization === 'string'
      ? this.processActivity(authorization, activity, logic)
      : this.processActivity(authorization, activity, logic);
  }
}

/**
 * CloudAdapter with our connector-client cache. With no app id (local try in the Emulator or the Agents
 * Playground) botbuilder skips token validation; configuration refuses that combination in production.
 *
 * `bot.openIdMetadataUrl` replaces only where inbound token keys are fetched; everything else stays the
 * public cloud's (botbuilder takes an all-or-nothing set of endpoints once any one is given).
 * `credentialsFactory` replaces how outbound tokens are obtained (tests: a local token endpoint).
 */
export function createAdapter(
  bot: Config['bot'],
  sender: ActivitySender,
  logger: Logger,
  options: { credentialsFactory?: ServiceClientCredentialsFactory } = {},
): BotHttpAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
    ...(bot.openIdMetadataUrl
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, options.credentialsFactory);
  const adapter = new BotHttpAdapter(
    new CachingBotFrameworkAuthentication(auth, sender, { screenTokens: Boolean(bot.appId) }),
  );
  adapter.onTurnError = (context, error) => apologise(context, error, logger);
  return adapter;
}

/**
 * Logs the failure (without message text) and tells the user, in their language, that nothing was lost.
 * A dependency that is not answering (Redis anywhere in the cause chain, in any store) is the "temporary
 * problem" answer and a `turn failed: dependency unavailable` line naming the store; anything else is ours.
 */
export async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const failure = classifyFailure(error);
  const temporary = failure.kind === 'dependency';
  const root = errorChain(error).at(-1);
  logger.error(
    {
      err: {
        name: error.name,
        message: error.message,
        cause: (error.cause as Error | undefined)?.message,
        ...(root !== error && root instanceof Object ? { root: describeRoot(root) } : {}),
      },
      ...(failure.kind === 'dependency' ? { dependency: failure.dependency, store: failure.store } : {}),
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

/** The innermost error of a chain, as `Class: message` (node-redis errors all have the name "Error"). */
function describeRoot(root: object): string {
  const message = (root as { message?: unknown }).message;
  return `${root.constructor?.name ?? 'Object'}: ${typeof message === 'string' ? message : ''}`;
}
