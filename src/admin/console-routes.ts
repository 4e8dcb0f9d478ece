import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { CONSOLE_HEADERS } from '../http/security-headers';

export const CONSOLE_PATH = '/admin';
const ASSETS_PATH = '/admin/console';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * The console's files sit beside this module in the sources; a compiled build finds them there too when
 * they are copied into `dist/src/admin/console`, else in the working directory's `src/admin/console`.
 */
export function defaultConsoleDir(): string {
  const candidates = [join(__dirname, 'console'), resolve('src', 'admin', 'console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string);
}

/**
 * The operations console: static HTML, CSS and plain JavaScript that talk to the admin API with the token
 * the user types in. The page itself holds no data, so it is served without the token; it is served only
 * when an operations token is configured. Files are read once and only the known ones are served.
 * `/admin/queues` (Bull Board) is a separate route and is not shadowed.
 */
export function registerConsoleRoutes(server: Server, dir: string = defaultConsoleDir()): void {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of ['index.html', 'console.css', 'console.js']) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    files.set(name, {
      body: readFileSync(join(dir, name)),
      type: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    });
  }
  const serve = (name: string, res: Response) => {
    const file = files.get(name);
    if (!file) {
      res.send(404, { code: 'ResourceNotFound', message: `${name} does not exist` });
      return;
    }
    res.sendRaw(200, file.body, {
      ...CONSOLE_HEADERS,
      'Content-Type': file.type,
      'Cache-Control': 'no-cache',
    });
  };
  server.get(CONSOLE_PATH, async (_req: Request, res: Response) => serve('index.html', res));
  server.get(`${ASSETS_PATH}/:file`, async (req: Request, res: Response) =>
    serve(String(req.params?.file ?? ''), res),
  );
}
