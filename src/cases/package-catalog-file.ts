import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePackageCatalog, type PackageCatalog } from '../domain/packages';

/**
 * Reads and validates the İLETİ package table at start (a relative path is relative to the working
 * directory, the repository root or the image's /app); a bad file stops the process with the reason.
 */
export function loadPackageCatalog(file: string): PackageCatalog {
  const resolved = path.resolve(file);
  return parsePackageCatalog(JSON.parse(readFileSync(resolved, 'utf8')));
}
