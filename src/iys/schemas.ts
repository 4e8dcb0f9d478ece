import { z } from 'zod/v4';
import { IYS_CHANNELS, type IysChannel } from '../domain/case';

/**
 * Response shapes of the İYS API, from its public developer documentation (dev.iys.org.tr, pages
 * "Jeton Alma", "Jeton Yenileme", "Marka Listeleme", "İş Ortaklarına Yetkilendirilmiş Marka Sorgulama").
 * Objects are not strict: İYS may add fields, and unknown fields are simply dropped.
 */

/** İYS sends codes as integers; the case stores digit strings. Accept both and compare as strings. */
const IysNumberSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,12}$/)])
  .transform((value) => String(value).replace(/^0+(?=\d)/, ''));

const SecondsSchema = z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]);

/** POST /oauth2/token, both grants. The documented examples spell the type `token_type` and `tokenType`. */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: SecondsSchema,
  refresh_expires_in: SecondsSchema.optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** `{errors:[{code:"H###", message, location}]}`; `location` is a field path, sent as a string or a list. */
export const IysErrorBodySchema = z.object({
  errors: z
    .array(
      z.object({
        code: z.string().min(1),
        message: z.string().optional(),
        location: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
      }),
    )
    .min(1),
});
export type IysErrorBody = z.infer<typeof IysErrorBodySchema>;

/** GET /sps/{iysCode}/brands: a bare array (no wrapper object); `stats` is ignored here. */
export const IysBrandSchema = z.object({
  brandCode: IysNumberSchema,
  name: z.string(),
  master: z.boolean().optional(),
});
export const IysBrandListSchema = z.array(IysBrandSchema);
export type IysBrand = z.infer<typeof IysBrandSchema>;

/**
 * ASSUMED SHAPE: the documentation of GET /integrator/{integratorCode}/sps/{iysCode} names the fields
 * `agreementControl` (reconciliation right) and `ARAMA` / `MESAJ` / `EPOSTA` ("yetki bilgisi" per channel,
 * i.e. read/write rights) but its example omits them, so their value shape is not documented. We assume
 * `{ read: boolean, write: boolean }` per channel (channel absent = no rights) and a boolean
 * `agreementControl`. If production answers differently, validation fails with a message naming the field;
 * correct this one schema (and the fake server's fixture) and nothing else needs to change.
 */
const AssumedChannelRightsSchema = z.object({
  read: z.boolean().default(false),
  write: z.boolean().default(false),
});

const IntegratorBrandRawSchema = z.object({
  brandCode: IysNumberSchema,
  name: z.string(),
  master: z.boolean().optional(),
  agreementControl: z.boolean().optional(),
  MESAJ: AssumedChannelRightsSchema.optional(),
  ARAMA: AssumedChannelRightsSchema.optional(),
  EPOSTA: AssumedChannelRightsSchema.optional(),
});

export interface ChannelRights {
  readonly read: boolean;
  readonly write: boolean;
}

/** One brand that authorised the integrator, normalised so callers never see the raw field names. */
export interface IntegratorBrandAuthorization {
  readonly brandCode: string;
  readonly name: string;
  readonly master?: boolean;
  readonly rights: Readonly<Record<IysChannel, ChannelRights>>;
  /** Mutabakat (reconciliation) right; undefined when İYS does not say. */
  readonly reconciliation?: boolean;
}

export const IntegratorAuthorizationSchema = z.array(
  IntegratorBrandRawSchema.transform((raw): IntegratorBrandAuthorization => {
    const none: ChannelRights = { read: false, write: false };
    const rights = Object.fromEntries(IYS_CHANNELS.map((ch) => [ch, raw[ch] ?? none])) as Record<
      IysChannel,
      ChannelRights
    >;
    return {
      brandCode: raw.brandCode,
      name: raw.name,
      ...(raw.master === undefined ? {} : { master: raw.master }),
      rights,
      ...(raw.agreementControl === undefined ? {} : { reconciliation: raw.agreementControl }),
    };
  }),
);
export type IntegratorAuthorization = readonly IntegratorBrandAuthorization[];
