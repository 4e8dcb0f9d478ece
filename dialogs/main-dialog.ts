import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { resolveLocale, t, type Locale } from '../src/i18n';

const WATERFALL = 'mainWaterfall';
const TRADE_TITLE_PROMPT = 'tradeTitlePrompt';

export interface MainDialogOptions {
  readonly integratorName: string;
}

function localeOf(step: { context: { activity: { locale?: string } } }): Locale {
  return resolveLocale(step.context.activity.locale);
}

/**
 * Walking skeleton of the onboarding: greets, asks the trade title and repeats it back. It exists to prove
 * the plumbing (dialog state in Redis across restarts and processes); the onboarding issue replaces it.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = 'main';

  constructor(private readonly options: MainDialogOptions) {
    super(MainDialog.id);
    this.addDialog(new TextPrompt(TRADE_TITLE_PROMPT, (p) => this.validateTradeTitle(p)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [this.askTradeTitle.bind(this), this.confirmTradeTitle.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async askTradeTitle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step);
    await step.context.sendActivity(
      t(locale, 'bot.greeting', { integratorName: this.options.integratorName }),
    );
    return step.prompt(TRADE_TITLE_PROMPT, {
      prompt: t(locale, 'bot.askTradeTitle'),
      retryPrompt: t(locale, 'bot.tradeTitleInvalid'),
    });
  }

  private async confirmTradeTitle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const tradeTitle = String(step.result).trim();
    await step.context.sendActivity(t(localeOf(step), 'bot.tradeTitleSaved', { tradeTitle }));
    return step.endDialog(tradeTitle);
  }

  private async validateTradeTitle(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const value = prompt.recognized.value?.trim() ?? '';
    return value.length >= 2 && value.length <= 250;
  }
}
