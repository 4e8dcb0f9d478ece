import { IYS_CHANNELS, type CaseData, type IysChannel } from '../domain/case';
import type { ChannelRights, IntegratorAuthorization, IntegratorBrandAuthorization } from './schemas';

/**
 * Pure checks of what the customer told us against what İYS says. Codes decide; names are only a hint,
 * since the customer types brand names freely and İYS stores them as registered.
 */

export interface BrandRef {
  readonly brandCode: string;
  readonly name: string;
}

/** Lower-case, Turkish-aware, without diacritics, spaces or punctuation: "Şeker A.Ş." → "sekeras". */
export function normaliseBrandName(name: string): string {
  return name
    .toLocaleLowerCase('tr')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Codes compare as numbers written without leading zeros ("012345" is İYS's 12345). */
function normaliseCode(code: string): string {
  return code.trim().replace(/^0+(?=\d)/, '');
}

function sameName(a: string, b: string): boolean {
  return normaliseBrandName(a) === normaliseBrandName(b);
}

/** The case's brands in the order the customer gave them, plus any that only appear in brandCodes. */
function caseBrandNames(data: CaseData): string[] {
  const names = [...(data.brands ?? []).map((b) => b.name), ...Object.keys(data.brandCodes ?? {})];
  return [...new Set(names)];
}

export interface MatchedCode {
  readonly brand: string;
  readonly brandCode: string;
  readonly iysName: string;
  /** False when the code matches but İYS registered the brand under a different-looking name (a hint). */
  readonly nameMatches: boolean;
}

export interface UnmatchedCode {
  readonly brand: string;
  readonly brandCode: string;
  /** An İYS brand whose name looks like this one: probably the code the customer meant. */
  readonly suggestion?: BrandRef;
}

export interface UnmentionedBrand extends BrandRef {
  /** A case brand with a similar name, whose entered code differs (a hint, never a conclusion). */
  readonly similarTo?: string;
}

export interface CodeComparison {
  readonly matched: readonly MatchedCode[];
  readonly unmatched: readonly UnmatchedCode[];
  /** Case brands for which no BrandKod was entered yet. */
  readonly withoutCode: readonly string[];
  /** Brands İYS lists under the İYSKod that none of the entered codes refer to. */
  readonly unmentioned: readonly UnmentionedBrand[];
  readonly allMatched: boolean;
}

/** Which of the customer's BrandKods İYS knows under their İYSKod, which not, and what İYS lists besides. */
export function compareCodes(data: CaseData, iysBrands: readonly BrandRef[]): CodeComparison {
  const byCode = new Map(iysBrands.map((b) => [normaliseCode(b.brandCode), b]));
  const matched: MatchedCode[] = [];
  const unmatched: UnmatchedCode[] = [];
  const withoutCode: string[] = [];
  for (const brand of caseBrandNames(data)) {
    const entered = data.brandCodes?.[brand];
    if (entered === undefined) {
      withoutCode.push(brand);
      continue;
    }
    const hit = byCode.get(normaliseCode(entered));
    if (hit) {
      matched.push({
        brand,
        brandCode: hit.brandCode,
        iysName: hit.name,
        nameMatches: sameName(brand, hit.name),
      });
      continue;
    }
    const suggestion = iysBrands.find((b) => sameName(b.name, brand));
    unmatched.push({ brand, brandCode: entered, ...(suggestion ? { suggestion: refOf(suggestion) } : {}) });
  }
  const mentioned = new Set(matched.map((m) => normaliseCode(m.brandCode)));
  const unmentioned = iysBrands
    .filter((b) => !mentioned.has(normaliseCode(b.brandCode)))
    .map((b) => {
      const similarTo = unmatched.find((u) => sameName(u.brand, b.name))?.brand;
      return { ...refOf(b), ...(similarTo ? { similarTo } : {}) };
    });
  const allMatched = unmatched.length === 0 && withoutCode.length === 0 && matched.length > 0;
  return { matched, unmatched, withoutCode, unmentioned, allMatched };
}

function refOf(b: BrandRef): BrandRef {
  return { brandCode: b.brandCode, name: b.name };
}

/** Rights the customer said they would grant but İYS does not show yet, for one channel. */
export interface ChannelGap {
  readonly channel: IysChannel;
  readonly read: boolean;
  readonly write: boolean;
}

export type BrandAssignment =
  | { readonly brand: string; readonly status: 'no_code' }
  | { readonly brand: string; readonly brandCode: string; readonly status: 'missing' }
  | {
      readonly brand: string;
      readonly brandCode: string;
      readonly status: 'confirmed';
      readonly rights: Readonly<Record<IysChannel, ChannelRights>>;
      readonly reconciliation?: boolean;
      /** Declared rights İYS does not show yet, e.g. EPOSTA write on a brand otherwise assigned. */
      readonly gaps: readonly ChannelGap[];
      /** The customer declared reconciliation (Mutabakat) but İYS says it is not granted. */
      readonly reconciliationMissing: boolean;
      readonly complete: boolean;
    };

export interface AssignmentStatus {
  readonly brands: readonly BrandAssignment[];
  /** Every case brand is listed by İYS (rights may still be incomplete). */
  readonly allConfirmed: boolean;
  /** Every case brand is listed and shows every right the customer declared. */
  readonly allComplete: boolean;
}

function channelGaps(
  declared: CaseData['partnerRights'],
  brand: string,
  found: IntegratorBrandAuthorization,
) {
  const wanted = declared?.[brand];
  if (!wanted) return [];
  return IYS_CHANNELS.flatMap((channel): ChannelGap[] => {
    const read = wanted[channel].read && !found.rights[channel].read;
    const write = wanted[channel].write && !found.rights[channel].write;
    return read || write ? [{ channel, read, write }] : [];
  });
}

function confirmedBrand(data: CaseData, brand: string, found: IntegratorBrandAuthorization): BrandAssignment {
  const gaps = channelGaps(data.partnerRights, brand, found);
  // Only a definite "false" from İYS counts as missing: the field's presence is not documented.
  const reconciliationMissing =
    data.partnerRights?.[brand]?.reconciliation === true && found.reconciliation === false;
  return {
    brand,
    brandCode: found.brandCode,
    status: 'confirmed',
    rights: found.rights,
    ...(found.reconciliation === undefined ? {} : { reconciliation: found.reconciliation }),
    gaps,
    reconciliationMissing,
    complete: gaps.length === 0 && !reconciliationMissing,
  };
}

/** Per brand of the case: has it authorised the integrator in İYS, and with every right the customer declared? */
export function partnerAssignmentStatus(
  data: CaseData,
  authorization: IntegratorAuthorization,
): AssignmentStatus {
  const byCode = new Map(authorization.map((a) => [normaliseCode(a.brandCode), a]));
  const brands = caseBrandNames(data).map((brand): BrandAssignment => {
    const entered = data.brandCodes?.[brand];
    if (entered === undefined) return { brand, status: 'no_code' };
    const found = byCode.get(normaliseCode(entered));
    return found ? confirmedBrand(data, brand, found) : { brand, brandCode: entered, status: 'missing' };
  });
  const allConfirmed = brands.length > 0 && brands.every((b) => b.status === 'confirmed');
  const allComplete = allConfirmed && brands.every((b) => b.status === 'confirmed' && b.complete);
  return { brands, allConfirmed, allComplete };
}
