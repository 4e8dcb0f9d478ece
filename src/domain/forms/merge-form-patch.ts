import type { Ahs, Brand, BrandRights, CaseData } from '../case';
import type { FormSpec } from './form-spec';

/** What any form's `toPatch` returns: a subset of the case's fields. */
export type FormPatch = Partial<CaseData>;

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('tr-TR') === b.trim().toLocaleLowerCase('tr-TR');
}

/** Replaces the edited brand (or one of the same name) in place, otherwise appends. */
function mergeBrands(current: readonly Brand[], incoming: readonly Brand[], edited?: string): Brand[] {
  const next = [...current];
  for (const brand of incoming) {
    const index = next.findIndex(
      (b) => sameName(b.name, edited ?? brand.name) || sameName(b.name, brand.name),
    );
    if (index >= 0) next[index] = brand;
    else next.push(brand);
  }
  return next;
}

function mergeRecord<T>(
  current: Readonly<Record<string, T>> | undefined,
  incoming: Readonly<Record<string, T>>,
) {
  return { ...current, ...incoming };
}

/**
 * Turns a form's patch into a case patch for `applyPatch`: per-brand forms carry only their brand, while the
 * case stores whole lists and records, so those are merged with what the case already holds.
 */
export function mergeFormPatch(spec: FormSpec, patch: FormPatch, current: Partial<CaseData>): FormPatch {
  const merged: FormPatch = { ...patch };
  if (patch.brands) merged.brands = mergeBrands(current.brands ?? [], patch.brands, spec.params.brand);
  if (patch.partnerRights) {
    merged.partnerRights = mergeRecord<BrandRights>(current.partnerRights, patch.partnerRights);
  }
  if (patch.ahs) merged.ahs = mergeRecord<Ahs[]>(current.ahs, patch.ahs);
  if (patch.brandCodes) merged.brandCodes = mergeRecord<string>(current.brandCodes, patch.brandCodes);
  return merged;
}
