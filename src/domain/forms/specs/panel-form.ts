import { PANEL_CHOICES } from '../../case';
import type { FormSpec } from '../form-spec';
import { booleanValue, requiredString } from './value-getters';

type PanelChoice = (typeof PANEL_CHOICES)[number];

export interface PanelPatch {
  readonly panelChoice: PanelChoice;
  readonly panelAccuracyAccepted: boolean;
}

const LABELS = {
  integrator_assigned: 'forms.choice.panel.integrator_assigned',
  ngo_not_subject: 'forms.choice.panel.ngo_not_subject',
  self_managed: 'forms.choice.panel.self_managed',
} as const;

function asPanelChoice(id: string): PanelChoice {
  return PANEL_CHOICES.find((choice) => choice === id) ?? 'integrator_assigned';
}

/** Step 6 on the integrator's panel: assigned us / NGO not subject to İYS / self-managed. */
export function panelForm(): FormSpec<PanelPatch> {
  return {
    id: 'panel',
    params: {},
    title: 'forms.panel.title',
    intro: 'forms.panel.intro',
    fields: [
      {
        id: 'panelChoice',
        kind: 'choice',
        label: 'forms.field.panelChoice.label',
        choices: PANEL_CHOICES.map((id) => ({ id, label: LABELS[id] })),
        choiceStyle: 'expanded',
        required: true,
        maxLength: 40,
      },
      {
        id: 'panelAccuracyAccepted',
        kind: 'toggle',
        label: 'forms.field.panelAccuracyAccepted.label',
        required: true,
        maxLength: 10,
      },
    ],
    toPatch: (values) => ({
      panelChoice: asPanelChoice(requiredString(values, 'panelChoice')),
      panelAccuracyAccepted: booleanValue(values, 'panelAccuracyAccepted'),
    }),
  };
}
