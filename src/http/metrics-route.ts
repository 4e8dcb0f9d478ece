import type { Server } from 'restify';
import type { Metrics } from '../observability/metrics';

/** Prometheus scrape endpoint; the metrics carry counts and timings only, never personal data. */
export function registerMetricsRoute(server: Server, metrics: Metrics): void {
  server.get('/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(body);
  });
}
