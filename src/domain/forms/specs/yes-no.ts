import type { ChoiceSpec } from '../form-spec';

/** Yes/no questions use "true"/"false" ids so they read like toggles and format back from booleans. */
export const YES_NO_CHOICES: readonly ChoiceSpec[] = [
  { id: 'true', label: 'forms.choice.yes' },
  { id: 'false', label: 'forms.choice.no' },
];
