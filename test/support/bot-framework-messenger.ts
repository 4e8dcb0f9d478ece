import { ActivitySender } from '../../src/channels/bot-framework/activity-sender';
import { createAdapter } from '../../src/bot/adapter';
import { BotFrameworkMessenger } from '../../src/channels/bot-framework/bot-framework-messenger';
import { createLogger } from '../../src/observability/logger';

/** A proactive messenger with no app id (Emulator protocol), and the sender to close after the tests. */
export function localMessenger(): { messenger: BotFrameworkMessenger; sender: ActivitySender } {
  const sender = new ActivitySender();
  const adapter = createAdapter({ appType: 'MultiTenant' }, sender, createLogger('silent'));
  return { messenger: new BotFrameworkMessenger(adapter, undefined), sender };
}
