import { z } from 'zod/v4';
import type { ValidationContext, ValidationResult } from '../validation';
import { validateCount } from './count';
import { validateEmail } from './email';
import { validateApplicationNo, validateBrandCode, validateIysCode } from './iys-codes';
import { validateMersis } from './mersis';
import { validatePassport } from './passport';
import { validateContactPhone, validateMobile } from './phone';
import { validateProvince } from './province';
import { validateSmsSender } from './sms-sender';
import { validateTckn } from './tckn';
import {
  validateAddress,
  validateBrandName,
  validateDistrict,
  validatePersonName,
  validateTaxOffice,
  validateTradeTitle,
} from './text';
import { validateVkn } from './vkn';
import { validateWebsite } from './website';

/**
 * Wraps a validator as a zod schema that outputs the normalised value. Each error becomes a zod issue whose
 * message is the i18n code and whose params carry the message placeholders. Warnings cannot be expressed in
 * zod, so code that shows them calls the validator itself.
 */
export function schemaFrom<T>(
  validate: (input: unknown, context?: ValidationContext) => ValidationResult<T>,
) {
  return z.unknown().transform((input, ctx): T => {
    const result = validate(input);
    if (result.ok) return result.value;
    for (const issue of result.errors) {
      ctx.addIssue({
        code: 'custom',
        message: issue.code,
        ...(issue.params ? { params: issue.params } : {}),
      });
    }
    return z.NEVER;
  });
}

export const tcknSchema = schemaFrom(validateTckn);
/** Outputs the tax number digits; use validateVkn to learn whether it was a VKN or a sole proprietor's TCKN. */
export const vknSchema = schemaFrom((input) => {
  const result = validateVkn(input);
  return result.ok ? { ...result, value: result.value.number } : result;
});
/** Without the VKN at hand the MERSİS/VKN comparison (a warning only) is skipped. */
export const mersisSchema = schemaFrom(validateMersis);
export const passportSchema = schemaFrom(validatePassport);
export const mobileSchema = schemaFrom(validateMobile);
export const contactPhoneSchema = schemaFrom(validateContactPhone);
export const emailSchema = schemaFrom(validateEmail);
export const websiteSchema = schemaFrom((input) => validateWebsite(input));
/** Outputs the official province name. */
export const provinceSchema = schemaFrom((input) => {
  const result = validateProvince(input);
  return result.ok ? { ...result, value: result.value.name } : result;
});
export const smsSenderSchema = schemaFrom(validateSmsSender);
export const iysCodeSchema = schemaFrom(validateIysCode);
export const brandCodeSchema = schemaFrom(validateBrandCode);
export const applicationNoSchema = schemaFrom(validateApplicationNo);
export const tradeTitleSchema = schemaFrom(validateTradeTitle);
export const taxOfficeSchema = schemaFrom(validateTaxOffice);
export const districtSchema = schemaFrom(validateDistrict);
export const addressSchema = schemaFrom(validateAddress);
export const personNameSchema = schemaFrom(validatePersonName);
export const brandNameSchema = schemaFrom(validateBrandName);
export const countSchema = schemaFrom(validateCount);
