import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { translator } from '../../src/i18n';
import { askChoice, chosen } from '../base/choices';
import { formComplete } from '../base/form-complete';
import { say } from '../base/say';
import { StepDialog } from '../base/step-dialog';
import { CONTINUE, PAUSE } from '../base/step-outcome';
import type { CodeCheckResult, DialogDeps } from '../ports';
import { brandNamesOf, codeLines, mainBrandHintApplies } from './late/codes-text';
import { YES_NO, flags } from './late/options';

interface CodesOptions {
  /** The customer said the codes were wrong: open the form again although it is filled. */
  readonly reopen?: boolean;
  /** The customer has one more brand to describe before the codes. */
  readonly addBrand?: boolean;
}

const BRAND_ASKED = 'brandAsked';
const CODES_ASKED = 'codesAsked';

/**
 * Step 3: the İYSKod and one BrandKod per brand from İYS's approval e-mail, read back for confirmation.
 * A customer who skipped the pre-application has no brand yet, so the brand form comes first.
 */
export class CodesDialog extends StepDialog {
  constructor(deps: DialogDeps) {
    super('codes', deps);
    this.steps([
      this.start.bind(this),
      this.askMoreBrands.bind(this),
      this.openCodes.bind(this),
      this.confirmCodes.bind(this),
      this.finish.bind(this),
    ]);
  }

  private async start(step: WaterfallStepContext<CodesOptions>): Promise<DialogTurnResult> {
    this.mark(step, 'in_progress');
    const options = step.options ?? {};
    const noBrand = brandNamesOf(this.session(step).case.data).length === 0;
    if (!options.reopen && !options.addBrand) await say(step.context, 'dialogs.codes.intro');
    if (!noBrand && !options.addBrand) return step.next();
    if (noBrand) await say(step.context, 'dialogs.codes.noBrand');
    flags(step)[BRAND_ASKED] = true;
    return this.form(step, 'brand');
  }

  private async askMoreBrands(step: WaterfallStepContext<CodesOptions>): Promise<DialogTurnResult> {
    if (!flags(step)[BRAND_ASKED]) return step.next();
    if (!this.formSaved(step)) return this.pause(step);
    return askChoice(step, 'dialogs.codes.moreBrands', YES_NO);
  }

  private async openCodes(step: WaterfallStepContext<CodesOptions>): Promise<DialogTurnResult> {
    if (flags(step)[BRAND_ASKED] && chosen(step) === 'yes')
      return step.replaceDialog(this.initialDialogId, { addBrand: true } satisfies CodesOptions);
    const data = this.session(step).case.data;
    const params = { brands: brandNamesOf(data) };
    // Codes already known (typed in an earlier chat) are not asked again, only read back.
    if (!step.options?.reopen && formComplete('iysCodes', data, params)) return step.next();
    flags(step)[CODES_ASKED] = true;
    return this.form(step, 'iysCodes', params);
  }

  private async confirmCodes(step: WaterfallStepContext<CodesOptions>): Promise<DialogTurnResult> {
    if (flags(step)[CODES_ASKED] && !this.formSaved(step)) return this.pause(step);
    const session = this.session(step);
    const tr = translator(session.locale);
    const data = session.case.data;
    await step.context.sendActivity(tr('dialogs.codes.summary', { codes: codeLines(tr, data) }));
    const checked = this.deps.codeCheck ? await this.deps.codeCheck(data) : undefined;
    if (checked) await this.tellCheck(step, checked, data.iysCode ?? '');
    if (mainBrandHintApplies(data) && checked?.status !== 'verified') {
      await say(step.context, 'dialogs.codes.mainBrandHint');
    }
    return askChoice(step, 'dialogs.codes.confirm', YES_NO);
  }

  private async finish(step: WaterfallStepContext<CodesOptions>): Promise<DialogTurnResult> {
    if (chosen(step) === 'no') {
      await say(step.context, 'dialogs.codes.fix');
      return step.replaceDialog(this.initialDialogId, { reopen: true } satisfies CodesOptions);
    }
    this.mark(step, 'done');
    await say(step.context, 'dialogs.codes.done');
    return step.endDialog(CONTINUE);
  }

  /** İYS's view, shown before the customer confirms: they decide, İYS's answer only informs them. */
  private async tellCheck(step: WaterfallStepContext, checked: CodeCheckResult, iysCode: string) {
    const tr = translator(this.session(step).locale);
    if (checked.status === 'verified') {
      await say(step.context, 'dialogs.codes.verified');
    } else if (checked.status === 'mismatch' && checked.unknownIysCode) {
      await say(step.context, 'dialogs.codes.unknownIysCode', { iysCode });
    } else if (checked.status === 'mismatch') {
      const lines = checked.unmatched.map((u) =>
        u.suggestedCode
          ? tr('dialogs.codes.mismatchSuggestion', { brand: u.brand, code: u.suggestedCode })
          : tr('dialogs.codes.mismatchLine', { brand: u.brand }),
      );
      await say(step.context, 'dialogs.codes.mismatch', { lines: lines.join('\n') });
    }
  }

  private async pause(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await say(step.context, 'dialogs.codes.paused');
    return step.endDialog(PAUSE);
  }
}
