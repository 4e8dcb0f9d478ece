import { Agent, request } from 'node:http';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/**
 * Closed-loop load: `concurrency` workers, each owning its own conversations, post one Emulator-style
 * message at a time and wait for the HTTP answer (in the default delivery mode that answer comes after
 * the bot has delivered its replies to the connector, so latency covers the whole turn).
 */
export async function runLoad(options: {
  botUrl: string;
  serviceUrl: string;
  label: string;
  concurrency: number;
  conversationsPerWorker: number;
  requests: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let turn = 0; ; turn++) {
        if (next >= options.requests) return;
        next += 1;
        const slot = turn % options.conversationsPerWorker;
        const conversation = `${options.label}-w${worker}-c${slot}`;
        const conversationTurn = Math.floor(turn / options.conversationsPerWorker);
        const t0 = process.hrtime.bigint();
        const status = await post(
          agent,
          options.botUrl,
          activity(conversation, options.serviceUrl, conversationTurn),
        );
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) errors += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
  };
}

function activity(conversation: string, serviceUrl: string, turn: number): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversation}-${turn}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: `${conversation}-user`, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversation },
    locale: 'tr-TR',
    text: scriptedText(turn),
  });
}

/**
 * What a customer types, turn by turn: a greeting (welcome, privacy notice), the acceptance (the first step
 * starts with a card), then status and help questions at that step (case and dialog state loaded, a card or
 * text rendered, state saved). The echo baseline just echoes the same texts.
 */
function scriptedText(turn: number): string {
  if (turn === 0) return 'merhaba';
  if (turn === 1) return 'Kabul ediyorum';
  return turn % 2 === 0 ? 'durum' : 'yardım';
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
