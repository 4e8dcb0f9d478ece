import type { CaseData } from '../case';
import type { FieldValue, FormSpec, FormValues } from './form-spec';

/**
 * What a form shows prefilled from the case, so nothing is asked twice. Field ids are canonical ids or
 * dotted paths below them; brand-scoped forms read below their brand.
 */
export function valuesFromCase(spec: FormSpec, data: Partial<CaseData>): FormValues {
  const values: Record<string, FieldValue | undefined> = {};
  for (const field of spec.fields) values[field.id] = lookup(spec, data, field.id);
  return values;
}

function lookup(spec: FormSpec, data: Partial<CaseData>, id: string): FieldValue | undefined {
  const brand = spec.params.brand;
  switch (spec.id) {
    case 'brand':
      return asValue(
        data.brands?.find((b) => b.name === brand)?.[id as keyof NonNullable<CaseData['brands']>[number]],
      );
    case 'iysCodes': {
      const match = /^brandCodes\.(\d+)$/.exec(id);
      if (!match) return asValue(data.iysCode);
      const name = spec.params.brands?.[Number(match[1])];
      return name === undefined ? undefined : asValue(data.brandCodes?.[name]);
    }
    case 'partnerRights':
      return partnerValue(data, brand ?? '', id);
    default:
      return asValue(path(data, id));
  }
}

function partnerValue(data: Partial<CaseData>, brand: string, id: string): FieldValue | undefined {
  const rights = data.partnerRights?.[brand];
  const channel = /^partnerRights\.(MESAJ|ARAMA|EPOSTA)$/.exec(id)?.[1] as
    'MESAJ' | 'ARAMA' | 'EPOSTA' | undefined;
  if (channel && rights) {
    const right = rights[channel];
    if (!right) return undefined;
    return right.read && right.write ? 'readWrite' : right.read ? 'read' : right.write ? 'write' : 'none';
  }
  if (id === 'partnerRights.reconciliation') return rights?.reconciliation;
  if (id === 'under5000Declared') return data.under5000Declared;
  const ahs = data.ahs?.[brand]?.[0];
  if (id === 'ahs.name') return ahs?.name;
  if (id === 'ahs.channels') return ahs?.channels;
  return undefined;
}

function path(data: unknown, id: string): unknown {
  return id
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      data,
    );
}

function asValue(value: unknown): FieldValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}
