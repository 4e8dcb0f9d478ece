import { ChannelSimulator } from '../support/channel-simulator';
import { startInProcessBot } from '../support/in-process-bot';
import { LocalConnector } from '../support/local-connector';

describe('bot service over HTTP (embedded mode)', () => {
  let bot: Awaited<ReturnType<typeof startInProcessBot>>;
  const connector = new LocalConnector();

  beforeAll(async () => {
    await connector.start();
    bot = await startInProcessBot();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${bot.url}/no/such/route`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toMatchObject({ code: 'ResourceNotFound' });
  });

  it('rejects bad bodies with JSON errors and keeps serving', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await post('{"type": "message",');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'InvalidContent' });
    const array = await post('[1,2,3]');
    expect(array.status).toBe(400);
    const oversize = await post(JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }));
    expect(oversize.status).toBe(413);
    expect(await oversize.json()).toMatchObject({ code: 'PayloadTooLarge' });
    const notAnActivity = await post(JSON.stringify({ hello: 'world' }));
    expect(notAnActivity.status).toBe(400);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('greets in Turkish, asks for the privacy notice before anything else, then shows the six steps', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    const greeting = await user.send('merhaba');
    expect(greeting[0]?.text).toMatch(/^Merhaba! Ben .* İYS kayıt asistanıyım/);
    expect(greeting[1]?.text).toMatch(/altı adımda/);
    expect(greeting[2]?.text).toMatch(/^Aydınlatma metni \(sürüm 2026-11\)/);
    expect(JSON.stringify(greeting[3]?.attachments)).toContain('Kabul ediyorum');
    const retry = await user.send('belki');
    expect(JSON.stringify(retry[0]?.attachments)).toContain('Kabul ediyorum');
    const accepted = await user.send('Kabul ediyorum');
    expect(accepted[0]?.text).toBe('Teşekkürler, kaydettim.');
    expect(ChannelSimulator.cards(accepted.slice(1, 2))[0]?.body).toBeDefined();
    expect(accepted[0]?.replyToId).toBeDefined();
  });

  it('speaks English to a client that asks for it', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    const replies = await user.send('hello', { locale: 'en-US' });
    expect(replies[0]?.text).toMatch(/^Hello! I am .* İYS registration assistant/);
    expect(replies[2]?.text).toMatch(/^Privacy notice/);
  });
});
