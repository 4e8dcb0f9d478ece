/**
 * The chat channel of `npm run bench:reminders`, in a process of its own so that its clock readings and its
 * event loop are not the workers'. Takes `POST /v3/conversations/:id/activities`, throttles like a real
 * channel (each channel's configured rate over arrival times, a sliding window; above it: 429) and records
 * every accepted delivery with its arrival time. bench/reminders.ts forks it and asks it over IPC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { channelRates } from '../src/reminders/channel-rate-limiter';

/** One accepted delivery. Times are epoch milliseconds with sub-millisecond precision. */
export interface ArrivedDelivery {
  readonly caseId: string;
  readonly attempt: number;
  readonly scheduledFor: number;
  readonly arrivedAt: number;
}

export type ChannelRequest = { readonly type: 'progress' } | { readonly type: 'report' };
export type ChannelReply =
  | { readonly type: 'ready'; readonly port: number }
  /** `delivered`: distinct (case, attempt) pairs. */
  | { readonly type: 'progress'; readonly delivered: number; readonly rejected: number }
  | { readonly type: 'report'; readonly deliveries: ArrivedDelivery[]; readonly rejected: number };

/** Headers the benchmark's messenger adds so the channel can tell which reminder arrived. */
export const HEADERS = {
  channel: 'x-bench-channel',
  caseId: 'x-bench-case',
  attempt: 'x-bench-attempt',
  scheduledFor: 'x-bench-scheduled-for',
} as const;

function serve(channelRatesSpec: string): void {
  const rates = channelRates(loadConfig({ REMINDER_CHANNEL_RATES: channelRatesSpec }).reminders);
  /** Accepted arrivals (monotonic ms) still inside each channel's window, oldest first. */
  const windows = new Map<string, number[]>();
  const deliveries: ArrivedDelivery[] = [];
  /** (case, attempt) pairs delivered at least once. */
  const distinct = new Set<string>();
  let rejected = 0;

  const admit = (channelId: string, at: number): boolean => {
    const rate = rates(channelId);
    const window = windows.get(channelId) ?? [];
    windows.set(channelId, window);
    while (window.length > 0 && (window[0] as number) <= at - rate.perMs) window.shift();
    if (window.length >= rate.max) return false;
    window.push(at);
    return true;
  };

  const server = http.createServer((req, res) => {
    const monotonic = performance.now();
    const arrivedAt = performance.timeOrigin + monotonic;
    const header = (name: string) => String(req.headers[name] ?? '');
    req.resume();
    if (req.method !== 'POST' || !req.url?.startsWith('/v3/conversations/')) {
      req.on('end', () => res.writeHead(404).end());
      return;
    }
    // Judged on arrival, in arrival order, as a channel's throttling would.
    if (!admit(header(HEADERS.channel), monotonic)) {
      rejected += 1;
      req.on('end', () => res.writeHead(429, { 'retry-after': '1' }).end());
      return;
    }
    const delivery = {
      caseId: header(HEADERS.caseId),
      attempt: Number(header(HEADERS.attempt)),
      scheduledFor: Number(header(HEADERS.scheduledFor)),
      arrivedAt,
    };
    deliveries.push(delivery);
    distinct.add(`${delivery.caseId}#${delivery.attempt}`);
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}'));
  });
  server.keepAliveTimeout = 60_000;

  const send = (reply: ChannelReply) => process.send?.(reply);
  process.on('message', (request: ChannelRequest) => {
    if (request.type === 'progress') send({ type: 'progress', delivered: distinct.size, rejected });
    else send({ type: 'report', deliveries, rejected });
  });
  // The benchmark went away (finished or crashed): so does its channel.
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: (server.address() as AddressInfo).port }));
}

if (require.main === module) serve(process.argv[2] ?? '');
