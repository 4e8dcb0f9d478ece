import type { Activity, ConversationResourceResponse, ResourceResponse } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { ActivitySender } from '../channels/bot-framework/activity-sender';

interface HeaderSink {
  headers: { set(name: string, value: string): void };
}

/**
 * Routes a connector client's two hot calls (reply to an activity, send to a conversation) through a light
 * JSON POST instead of the generated client's model serialiser and per-request pipeline, which cost more
 * CPU than the rest of a turn. The URL, body and bearer token are what the generated client sends.
 * Everything else (members, attachments, …) stays on the generated client.
 */
export function installFastReplies(
  client: ConnectorClient,
  serviceUrl: string,
  sender: ActivitySender,
): ConnectorClient {
  const base = serviceUrl.replace(/\/+$/, '');
  const authorization = async (): Promise<string | undefined> => {
    let value: string | undefined;
    const sink: HeaderSink = {
      headers: { set: (name, v) => name.toLowerCase() === 'authorization' && (value = v) },
    };
    await client.credentials.signRequest(
      sink as unknown as Parameters<typeof client.credentials.signRequest>[0],
    );
    return value;
  };
  const conversations = client.conversations as unknown as {
    replyToActivity(
      conversationId: string,
      activityId: string,
      activity: Partial<Activity>,
    ): Promise<ResourceResponse>;
    sendToConversation(
      conversationId: string,
      activity: Partial<Activity>,
    ): Promise<ConversationResourceResponse>;
  };
  conversations.replyToActivity = async (conversationId, activityId, activity) =>
    (await sender.postJson(
      `${base}/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`,
      activity,
      await authorization(),
    )) as ResourceResponse;
  conversations.sendToConversation = async (conversationId, activity) =>
    (await sender.postJson(
      `${base}/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      activity,
      await authorization(),
    )) as ConversationResourceResponse;
  return client;
}
