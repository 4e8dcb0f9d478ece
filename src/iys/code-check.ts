import type { CodeCheck } from '../../dialogs/ports';
import { IysApiError } from './errors';
import type { IysClient } from './iys-client';
import { compareCodes } from './verification';

/**
 * The codes dialog's check against İYS: GET /sps/{iysCode}/brands, compared with the BrandKods entered.
 * A 404 means İYS has no service provider under that İYSKod (a typo, or a pre-application number typed
 * instead); any other failure leaves the customer's word standing.
 */
export function iysCodeCheck(client: Pick<IysClient, 'getBrands'>): CodeCheck {
  return async (data) => {
    if (!data.iysCode) return { status: 'unavailable' };
    let brands;
    try {
      brands = await client.getBrands(data.iysCode);
    } catch (err) {
      if (err instanceof IysApiError && err.status === 404) {
        return { status: 'mismatch', unknownIysCode: true, unmatched: [] };
      }
      return { status: 'unavailable' };
    }
    const comparison = compareCodes(data, brands);
    if (comparison.allMatched) return { status: 'verified' };
    const unmatched = [
      ...comparison.unmatched.map((u) => ({
        brand: u.brand,
        ...(u.suggestion ? { suggestedCode: u.suggestion.brandCode } : {}),
      })),
      ...comparison.withoutCode.map((brand) => ({ brand })),
    ];
    return { status: 'mismatch', unknownIysCode: false, unmatched };
  };
}
