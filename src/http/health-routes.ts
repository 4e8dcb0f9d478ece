import type { Server } from 'restify';

export interface Readiness {
  readonly ready: boolean;
  readonly reason?: string;
}

/** Liveness says the process serves HTTP; readiness says its dependencies answer. */
export function registerHealthRoutes(server: Server, checkReadiness: () => Promise<Readiness>): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness();
    if (readiness.ready) res.send(200, { status: 'ready' });
    else res.send(503, { status: 'unavailable', reason: readiness.reason ?? 'unknown' });
  });
}
