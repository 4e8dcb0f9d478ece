import { AppError } from '../errors';
import { migrateCase, type Case } from '../domain/case';

/** A stored case whose JSON no longer fits the schema: never overwritten, surfaced to operations. */
export class UnreadableCaseError extends AppError {
  constructor(
    readonly caseId: string,
    detail: string,
  ) {
    super('case_unreadable', `stored case ${caseId} cannot be read: ${detail}`);
  }
}

/** True for the empty value a storage scope holds before the first save (possibly just an eTag). */
export function isEmptyRecord(raw: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(raw).every((key) => key === 'eTag');
}

/** Parses (and migrates) a stored case; the storage eTag is not part of the case. */
export function readCaseRecord(caseId: string, raw: Readonly<Record<string, unknown>>): Case {
  const result = migrateCase(raw);
  if (!result.ok) {
    throw new UnreadableCaseError(
      caseId,
      result.errors.map((e) => String(e.params?.detail ?? e.code)).join('; '),
    );
  }
  return result.value;
}
