import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionPayload, signature, WebhookNotifier } from '../../../src/integrator/webhook-notifier';
import { createLogger } from '../../../src/observability/logger';
import { caseAt } from '../../support/case-fixtures';

describe('WebhookNotifier', () => {
  const completed = caseAt(
    'c_done',
    {
      tradeTitle: 'Örnek Gıda A.Ş.',
      vkn: '4540536920',
      iysCode: '654321',
      signatoryTckn: '17291716060',
      signatoryIdType: 'tckn',
    },
    ['preApplication', 'applicationStatus'],
  );
  const at = new Date('2026-11-22T10:00:00.000Z');

  it('posts the completion signed with HMAC-SHA256 over timestamp and body', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        // Two calls: restify, loaded in the same process by other suites, patches writeHead to return nothing.
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await new WebhookNotifier({ url, secret: 's3cret' }, createLogger('silent'), () => at).caseCompleted(
        completed,
      );
    } finally {
      server.close();
    }
    const [call] = received;
    expect(call).toBeDefined();
    const timestamp = String(call!.headers['x-iys-timestamp']);
    expect(timestamp).toBe(String(at.getTime() / 1000));
    expect(call!.headers['x-iys-signature']).toBe(`sha256=${signature('s3cret', timestamp, call!.body)}`);
    expect(JSON.parse(call!.body)).toMatchObject({
      event: 'case.completed',
      caseId: 'c_done',
      iysCode: '654321',
      vkn: '4540536920',
    });
    expect(call!.body).not.toContain('17291716060');
  });

  it('leaves a sole proprietor’s TCKN (11-digit tax number) out of the payload', () => {
    const soleProprietor = caseAt('c_sole', { vkn: '17291716060' }, []);
    expect(completionPayload(soleProprietor, at).vkn).toBeUndefined();
  });

  it('never throws when the receiver is down', async () => {
    const notifier = new WebhookNotifier(
      { url: 'http://127.0.0.1:9/hook', secret: 'x', timeoutMs: 500 },
      createLogger('silent'),
    );
    await expect(notifier.caseCompleted(completed)).resolves.toBeUndefined();
  });
});
