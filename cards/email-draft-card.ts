import { isMessageKey, translator, type Locale, type Translator } from '../src/i18n';
import type { EmailDraft } from '../src/domain/email-drafts';
import { submitAction, type CardActionSpec } from './card-action';
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from './card-json';
import { factSet, heading, textBlock } from './card-parts';

export const EMAIL_DRAFT_CARD_ID = 'emailDraft';

export type EmailDraftKind = 'preApplication' | 'packageOffer' | 'partnerAssignment';

export interface EmailDraftCardOptions {
  readonly draft: EmailDraft;
  readonly kind: EmailDraftKind;
  readonly locale: Locale;
  readonly actions?: readonly CardActionSpec[];
}

/** Missing data is named by its form label where there is one, so the customer knows what to add. */
function missingLabel(tr: Translator, fieldId: string): string {
  // Form labels that only make sense inside their form (e.g. "Full name") have an e-mail-specific text.
  const own = `cards.email.field.${fieldId}`;
  const form = `forms.field.${fieldId}.label`;
  if (isMessageKey(own)) return tr(own);
  return isMessageKey(form) ? tr(form) : fieldId;
}

function bodyBlock(body: string): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'small',
    items: [{ ...textBlock(body.replace(/\r\n/g, '\n'), { size: 'small' }), fontType: 'monospace' }],
  };
}

/** A ready-to-send e-mail: recipients, subject, body and a mailto button that opens it in the mail app. */
export function renderEmailDraftCard(options: EmailDraftCardOptions): AdaptiveCardJson {
  const { draft, locale } = options;
  const tr = translator(locale);
  const body: CardElement[] = heading(tr(`cards.email.title.${options.kind}`), tr('cards.email.intro'));
  const facts: [string, string][] = [[tr('cards.email.to'), draft.to.join(', ')]];
  if (draft.cc.length > 0) facts.push([tr('cards.email.cc'), draft.cc.join(', ')]);
  facts.push([tr('cards.email.subject'), draft.subject]);
  body.push(factSet(facts));
  if (draft.missing.length > 0) {
    const fields = draft.missing.map((id) => missingLabel(tr, id)).join(', ');
    body.push(textBlock(tr('cards.email.missing', { fields }), { color: 'warning' }));
  }
  body.push(
    textBlock(tr('cards.email.body'), { weight: 'bolder', spacing: 'medium' }),
    bodyBlock(draft.body),
  );
  body.push(textBlock(tr('cards.email.copyHint'), { size: 'small', isSubtle: true }));
  const actions: CardElement[] = [
    { type: 'Action.OpenUrl', title: tr('cards.email.open'), url: draft.mailto },
    ...(options.actions ?? []).map((a) => submitAction(EMAIL_DRAFT_CARD_ID, a)),
  ];
  return adaptiveCard(body, actions);
}
