import { z } from 'zod/v4';

const LocalizedTextSchema = z.object({ tr: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const PriceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('free_limited_time') }),
  z.object({
    kind: z.literal('paid'),
    amount: z.number().positive(),
    vatIncluded: z.boolean(),
    /** Prices change yearly: the catalog must say when and where a price was seen. */
    asOf: z.string().min(1),
    source: z.string().min(1),
  }),
]);

const TierSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  maxAddresses: z.number().int().positive(),
  price: PriceSchema,
  note: LocalizedTextSchema,
});
export type PackageTier = z.infer<typeof TierSchema>;

export const PackageCatalogSchema = z
  .object({
    currency: z.string().length(3),
    basic: z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      free: z.literal(true),
      integration: z.literal(false),
      note: LocalizedTextSchema,
    }),
    tiers: z.array(TierSchema).min(1),
    unlimited: z.object({ id: z.string().min(1), name: z.string().min(1), note: LocalizedTextSchema }),
    validityMonths: z.number().int().positive(),
  })
  .superRefine((catalog, ctx) => {
    catalog.tiers.forEach((tier, i) => {
      const previous = catalog.tiers[i - 1];
      if (previous && previous.maxAddresses >= tier.maxAddresses) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'maxAddresses'],
          message: 'tiers must grow strictly',
        });
      }
    });
    const ids = [catalog.basic.id, catalog.unlimited.id, ...catalog.tiers.map((t) => t.id)];
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'package ids must be unique' });
  });
export type PackageCatalog = z.infer<typeof PackageCatalogSchema>;

export class PackageCatalogError extends Error {
  override readonly name = 'PackageCatalogError';
}

/** Validates the package table (config/packages.json, already parsed from JSON); throws a readable error. */
export function parsePackageCatalog(json: unknown): PackageCatalog {
  const result = PackageCatalogSchema.safeParse(json);
  if (result.success) return result.data;
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new PackageCatalogError(`Invalid package catalog: ${detail}`);
}

/** The threshold below which the partner-assignment form must carry an explicit declaration. */
export const UNDER_5000_THRESHOLD = 5000;

export interface ApprovedCounts {
  readonly approvedPhones?: number;
  readonly approvedEmails?: number;
}

/** Address count = the larger of approved phone numbers and approved e-mail addresses. */
export function addressCount({ approvedPhones = 0, approvedEmails = 0 }: ApprovedCounts): number {
  return Math.max(approvedPhones, approvedEmails);
}

export type DecidingCount = 'phones' | 'emails' | 'equal';

export interface PackageRecommendation {
  readonly addressCount: number;
  readonly decidedBy: DecidingCount;
  /** The smallest tier that fits; undefined when the count exceeds every tier (then İLETİ+). */
  readonly tier?: PackageTier;
  readonly contactIys: boolean;
  /** Fewer than 5,000 approved addresses: the assignment form must say so explicitly. */
  readonly under5000: boolean;
  /** i18n key (domain.package.reason.*) and its params, for explaining the choice to the customer. */
  readonly reason: { readonly key: string; readonly params: Readonly<Record<string, string | number>> };
}

export function smallestTierFor(catalog: PackageCatalog, count: number): PackageTier | undefined {
  return catalog.tiers.find((tier) => tier.maxAddresses >= count);
}

function decidingCount({ approvedPhones = 0, approvedEmails = 0 }: ApprovedCounts): DecidingCount {
  if (approvedPhones === approvedEmails) return 'equal';
  return approvedPhones > approvedEmails ? 'phones' : 'emails';
}

/** Recommends the package for the approved address counts and says which count decided it. */
export function recommendPackage(catalog: PackageCatalog, counts: ApprovedCounts): PackageRecommendation {
  const count = addressCount(counts);
  const decidedBy = decidingCount(counts);
  const tier = smallestTierFor(catalog, count);
  const params = {
    count,
    phones: counts.approvedPhones ?? 0,
    emails: counts.approvedEmails ?? 0,
    package: tier?.name ?? catalog.unlimited.name,
    limit: tier?.maxAddresses ?? catalog.tiers[catalog.tiers.length - 1]?.maxAddresses ?? 0,
  };
  return {
    addressCount: count,
    decidedBy,
    ...(tier ? { tier } : {}),
    contactIys: tier === undefined,
    under5000: count < UNDER_5000_THRESHOLD,
    reason: { key: tier ? `domain.package.reason.${decidedBy}` : 'domain.package.reason.aboveAll', params },
  };
}
