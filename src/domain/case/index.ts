export * from './case-data';
export * from './steps';
export * from './audit';
export * from './channel-address';
export * from './case-schema';
export { CasePatchSchema, parseCasePatch, type ParsedPatch, type PatchParseResult } from './case-patch';
export { applyPatch, type CaseChangeResult } from './apply-patch';
export * from './case-ops';
export * from './migrate';
export { maskValue } from './mask';
export { maskText } from './mask-text';
export {
  anonymiseCase,
  isFinished,
  isRetentionDue,
  lastActivity,
  withoutPersonalData,
  type RetentionPolicy,
} from './anonymise';
