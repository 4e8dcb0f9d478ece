import type { FormSpec } from '../form-spec';
import { requiredString } from './value-getters';

export type ApplicationRoute = 'online' | 'manual';
export interface RoutePatch {
  readonly route: ApplicationRoute;
}

export function routeForm(): FormSpec<RoutePatch> {
  return {
    id: 'route',
    params: {},
    title: 'forms.route.title',
    intro: 'forms.route.intro',
    fields: [
      {
        id: 'route',
        kind: 'choice',
        label: 'forms.field.route.label',
        help: 'forms.field.route.help',
        choices: [
          { id: 'online', label: 'forms.choice.route.online' },
          { id: 'manual', label: 'forms.choice.route.manual' },
        ],
        choiceStyle: 'expanded',
        required: true,
        maxLength: 20,
      },
    ],
    toPatch: (values) => ({ route: requiredString(values, 'route') === 'online' ? 'online' : 'manual' }),
  };
}
