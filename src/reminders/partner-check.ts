import type { Case } from '../domain/case';
import { partnerAssignmentStatus, type AssignmentStatus, type IysClient } from '../iys';

/** What İYS says about a case's partner assignment, brand by brand (undefined: nothing to ask yet). */
export type PartnerCheck = (record: Case) => Promise<AssignmentStatus | undefined>;

/**
 * Asks İYS which of the case's brands authorised us (needs the İYSKod and BrandKods). İYS is the source
 * of truth here; the customer's own declaration only starts the waiting.
 */
export function iysPartnerCheck(client: IysClient): PartnerCheck {
  return async (record) => {
    if (!record.data.iysCode || !record.data.brandCodes) return undefined;
    const authorization = await client.getIntegratorAuthorization(record.data.iysCode);
    return partnerAssignmentStatus(record.data, authorization);
  };
}

/** Brands İYS lists as authorising us, and a short line per brand or channel still missing. */
export function summariseAssignment(status: AssignmentStatus): { confirmed: string[]; missing: string[] } {
  const confirmed: string[] = [];
  const missing: string[] = [];
  for (const brand of status.brands) {
    if (brand.status !== 'confirmed') {
      missing.push(brand.brand);
      continue;
    }
    confirmed.push(brand.brand);
    for (const gap of brand.gaps) missing.push(`${brand.brand} (${gap.channel})`);
  }
  return { confirmed, missing };
}
