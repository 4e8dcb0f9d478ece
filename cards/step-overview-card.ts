import { isMessageKey, translator, type Locale, type Translator } from '../src/i18n';
import { currentStep, STEP_IDS, type StepId, type StepStates, type StepStatus } from '../src/domain/case';
import { submitAction, type CardActionSpec } from './card-action';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { heading, textBlock } from './card-parts';

export const STEP_OVERVIEW_CARD_ID = 'stepOverview';

export interface StepOverviewOptions {
  readonly steps: StepStates;
  readonly locale: Locale;
  /** Overrides the default next-action text of the current step (e.g. "waiting for İYS's e-mail"). */
  readonly nextAction?: string;
  readonly actions?: readonly CardActionSpec[];
}

/** Plain symbols rather than emoji: they render in any font and take the status colour. */
const MARKS: Readonly<Record<StepStatus, string>> = {
  done: '✔',
  skipped: '↷',
  in_progress: '▶',
  waiting: '◷',
  not_started: '○',
};
const COLORS: Readonly<Record<StepStatus, 'good' | 'accent' | 'warning' | 'default'>> = {
  done: 'good',
  skipped: 'default',
  in_progress: 'accent',
  waiting: 'warning',
  not_started: 'default',
};

function stepRow(
  tr: Translator,
  id: StepId,
  index: number,
  status: StepStatus,
  current: boolean,
): CardElement {
  const name = `${index + 1}. ${tr(`domain.step.${id}`)}`;
  const statusText = textBlock(tr(`domain.stepStatus.${status}`), {
    size: 'small',
    color: COLORS[status],
    spacing: 'none',
  });
  return {
    type: 'ColumnSet',
    spacing: 'small',
    ...(current ? { style: 'emphasis' } : {}),
    columns: [
      { type: 'Column', width: '24px', items: [textBlock(MARKS[status], { color: COLORS[status] })] },
      {
        type: 'Column',
        width: 'stretch',
        items: [textBlock(name, current ? { weight: 'bolder' } : {}), statusText],
      },
    ],
  };
}

function nextText(tr: Translator, step: StepId | null, override?: string): string {
  if (override) return override;
  if (step === null) return tr('cards.steps.allDone');
  const key = `cards.steps.next.${step}`;
  return isMessageKey(key) ? tr(key) : '';
}

/** The six İYS steps with their statuses, the current one highlighted, and what to do next. */
export function renderStepOverviewCard(options: StepOverviewOptions): AdaptiveCardJson {
  const tr = translator(options.locale);
  const current = currentStep(options.steps);
  const body: CardElement[] = heading(tr('cards.steps.title'), tr('cards.steps.intro'));
  STEP_IDS.forEach((id, i) => body.push(stepRow(tr, id, i, options.steps[id].status, id === current)));
  body.push(textBlock(tr('cards.steps.nextTitle'), { weight: 'bolder', spacing: 'medium', separator: true }));
  body.push(textBlock(nextText(tr, current, options.nextAction), { spacing: 'small' }));
  const actions = (options.actions ?? []).map((a, i) => submitAction(STEP_OVERVIEW_CARD_ID, a, i === 0));
  return adaptiveCard(body, actions);
}
