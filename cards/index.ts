export * from './card-json';
export type { CardActionSpec } from './card-action';
export { renderFormCard, type FormCardOptions } from './form-card';
export {
  renderStepOverviewCard,
  STEP_OVERVIEW_CARD_ID,
  type StepOverviewOptions,
} from './step-overview-card';
export { renderPackageCard, PACKAGE_CARD_ID, type PackageCardOptions } from './package-card';
export {
  renderEmailDraftCard,
  EMAIL_DRAFT_CARD_ID,
  type EmailDraftCardOptions,
  type EmailDraftKind,
} from './email-draft-card';
export { renderSummaryCard, SUMMARY_CARD_ID, type SummaryCardOptions } from './summary-card';
export { describeIssue, describeIssues } from './issue-text';
export {
  start as startPrompt,
  answer as answerPrompt,
  repeat as repeatPrompt,
  currentFieldId,
} from './prompts/prompt-machine';
export { parsePromptState, promptStateSchema } from './prompts/prompt-state';
export * from './prompts/prompt-types';
export * from './outbound-prompt';
export { renderChoicesCard, CHOICE_VERB } from './choices-card';
export { cardText } from './card-text';
