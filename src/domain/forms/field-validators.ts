import type { FieldValue } from './form-spec';
import {
  validateAddress,
  validateApplicationNo,
  validateBrandCode,
  validateBrandName,
  validateContactPhone,
  validateCount,
  validateDistrict,
  validateEmail,
  validateIysCode,
  validateMersis,
  validateMobile,
  validatePassport,
  validatePersonName,
  validateProvince,
  validateSmsSender,
  validateTaxOffice,
  validateTckn,
  validateTradeTitle,
  validateVkn,
  validateWebsite,
} from '../validators';
import { valid, type ValidationResult, type Validator } from '../validation';

/** Adapts a validator whose value is an object to the plain value a form field stores. */
function mapValue<A, B extends FieldValue>(validator: Validator<A>, pick: (value: A) => B): Validator<B> {
  return (input, context): ValidationResult<B> => {
    const result = validator(input, context);
    return result.ok ? valid(pick(result.value), result.warnings) : result;
  };
}

/** The domain validators each form field uses: the single place forms are wired to `src/domain/validators`. */
export const fieldValidators = {
  tradeTitle: validateTradeTitle,
  mersisNo: validateMersis,
  vkn: mapValue(validateVkn, (tax) => tax.number),
  taxOffice: validateTaxOffice,
  website: validateWebsite,
  contactPhone: validateContactPhone,
  city: mapValue(validateProvince, (province) => province.name),
  district: validateDistrict,
  address: validateAddress,
  tckn: validateTckn,
  passport: validatePassport,
  personName: validatePersonName,
  email: validateEmail,
  mobile: validateMobile,
  brandName: validateBrandName,
  smsSender: validateSmsSender,
  count: validateCount,
  applicationNo: validateApplicationNo,
  iysCode: validateIysCode,
  brandCode: validateBrandCode,
} satisfies Record<string, Validator<FieldValue>>;
