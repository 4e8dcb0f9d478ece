import type { z } from 'zod/v4';
import { invalid, valid, type ValidationResult } from '../validation';
import { CURRENT_SCHEMA_VERSION, CaseSchema, type Case } from './case-schema';

/** Turns a stored document of version n into version n + 1 (plain JSON in, plain JSON out). */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

export interface Migrator<T> {
  (raw: unknown): ValidationResult<T> & { readonly migratedFrom?: number };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds a migrator: reads `schemaVersion` (a document without one is version 0), applies the migrations
 * in order up to `target` and validates the result. Separate from the case so tests can drive the mechanism
 * with made-up versions before any real v2 exists.
 */
export function createMigrator<T>(
  schema: z.ZodType<T>,
  target: number,
  migrations: Readonly<Record<number, Migration>>,
): Migrator<T> {
  return (raw) => {
    if (!isRecord(raw)) return invalid('domain.case.invalid', { detail: 'not an object' });
    const version = raw.schemaVersion ?? 0;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      return invalid('domain.case.invalid', { detail: 'schemaVersion' });
    }
    if (version > target) return invalid('domain.case.newerVersion', { version, supported: target });
    let doc = raw;
    for (let v = version; v < target; v += 1) {
      const step = migrations[v];
      if (!step) return invalid('domain.case.noMigration', { from: v, to: v + 1 });
      doc = { ...step(doc), schemaVersion: v + 1 };
    }
    const parsed = schema.safeParse(doc);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
      return invalid('domain.case.invalid', { detail });
    }
    return version === target ? valid(parsed.data) : { ...valid(parsed.data), migratedFrom: version };
  };
}

/** Version 1 is the first stored version; add `1: (doc) => …` here when version 2 appears. */
export const CASE_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Reads a stored case of any supported version and returns it as the current version. */
export const migrateCase: Migrator<Case> = createMigrator(
  CaseSchema,
  CURRENT_SCHEMA_VERSION,
  CASE_MIGRATIONS,
);
