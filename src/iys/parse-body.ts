import type { z } from 'zod/v4';
import { IysApiError, LOCAL_ERROR_CODES } from './errors';

const MAX_ISSUES = 3;

function invalid(operation: string, status: number, reason: string): IysApiError {
  // Not retryable: the same request would get the same unexpected answer; the schema needs a look.
  return new IysApiError({
    code: LOCAL_ERROR_CODES.invalidResponse,
    status,
    message: `İYS ${operation} returned an unexpected body: ${reason}`,
    retryable: false,
  });
}

/**
 * Parses and validates a 2xx body. Zod's messages name the path and the expected type only, never the
 * received value, so a token or a password inside a malformed body cannot leak into the error.
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  bodyText: string,
  operation: string,
  status: number,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(bodyText) as unknown;
  } catch {
    throw invalid(operation, status, 'not JSON');
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  throw invalid(operation, status, issues.join('; '));
}
