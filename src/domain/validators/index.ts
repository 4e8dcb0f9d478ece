export { validateCount, parseCount, normalizeCount } from './count';
export { validateEmail, normalizeEmail, isFreeMailDomain, FREE_MAIL_DOMAINS } from './email';
export {
  validateIysCode,
  validateBrandCode,
  validateApplicationNo,
  normalizeCode,
  normalizeApplicationNo,
} from './iys-codes';
export { validateMersis, normalizeMersis } from './mersis';
export { validatePassport, normalizePassport } from './passport';
export { validateMobile, validateContactPhone, normalizePhone } from './phone';
export { validateProvince, findProvince, suggestProvinces, normalizeProvince } from './province';
export { validateSmsSender, normalizeSmsSender, SMS_SENDER_MIN, SMS_SENDER_MAX } from './sms-sender';
export { validateTckn, normalizeTckn, isValidTckn } from './tckn';
export {
  textValidator,
  validateTradeTitle,
  validateTaxOffice,
  validateDistrict,
  validateAddress,
  validatePersonName,
  validateBrandName,
  type TextRule,
} from './text';
export { validateVkn, normalizeVkn, isValidVkn, type TaxNumber, type TaxNumberKind } from './vkn';
export { validateWebsite, normalizeWebsite } from './website';
export * from './schemas';
