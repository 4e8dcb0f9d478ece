/**
 * The baseline of `npm run bench`: the plainest botbuilder + restify echo bot, as the Bot Framework
 * samples build it (CloudAdapter with default settings, ConversationState on MemoryStorage).
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';
import { createServer, plugins } from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const turns = conversationState.createProperty<number>('turns');

const server = createServer();
server.use(plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === 'message') {
      await turns.set(context, (await turns.get(context, 0)) + 1);
      await context.sendActivity(`Echo: ${context.activity.text}`);
    }
    await conversationState.saveChanges(context);
  });
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
