import type { FieldSpec, FormSpec, ParsedValues } from '../form-spec';
import { fieldValidators as v } from '../field-validators';
import { requiredNumber } from './value-getters';

export interface StatisticsPatch {
  readonly statsMessagesSent: number;
  readonly statsNumbersAdded: number;
  readonly statsRefusals: number;
}

const IDS = ['statsMessagesSent', 'statsNumbersAdded', 'statsRefusals'] as const;
const LABELS = {
  statsMessagesSent: 'forms.field.statsMessagesSent.label',
  statsNumbersAdded: 'forms.field.statsNumbersAdded.label',
  statsRefusals: 'forms.field.statsRefusals.label',
} as const;

const FIELDS: readonly FieldSpec[] = IDS.map((id): FieldSpec => ({
  id,
  kind: 'number',
  label: LABELS[id],
  required: true,
  maxLength: 30,
  validate: v.count,
}));

function toPatch(values: ParsedValues): StatisticsPatch {
  return {
    statsMessagesSent: requiredNumber(values, 'statsMessagesSent'),
    statsNumbersAdded: requiredNumber(values, 'statsNumbersAdded'),
    statsRefusals: requiredNumber(values, 'statsRefusals'),
  };
}

/** Last year's figures İYS asks for before the declaration checkbox. */
export function statisticsForm(): FormSpec<StatisticsPatch> {
  return {
    id: 'statistics',
    params: {},
    title: 'forms.statistics.title',
    intro: 'forms.statistics.intro',
    fields: FIELDS,
    toPatch,
  };
}
