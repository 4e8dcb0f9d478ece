import { createServer, type Server } from 'restify';
import type { Logger } from '../observability/logger';

/**
 * A restify server whose errors are JSON and logged once. Routes are registered by the composition root.
 * Unknown routes get restify's JSON 404 (`{"code":"ResourceNotFound",…}`).
 */
export function createHttpServer(logger: Logger): Server {
  const server = createServer({ name: 'iys-onboarding-bot', handleUncaughtExceptions: false });
  server.on('restifyError', (req, _res, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const entry = {
      method: req.method,
      path: req.getPath(),
      status,
      err: { name: err.name, message: err.message },
    };
    if (status >= 500) logger.error(entry, 'request failed');
    else logger.info(entry, 'request rejected');
    callback();
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting connections and waits for in-flight requests, then cuts whatever is left. */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
