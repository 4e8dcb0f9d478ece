import type { TurnContext } from 'botbuilder';
import { renderEmailDraftCard, type EmailDraftKind } from '../../../cards';
import type { EmailDraft } from '../../../src/domain/email-drafts';
import { t } from '../../../src/i18n';
import { sendCard } from '../../base/say';
import { sessionOf } from '../../ports';

/**
 * A ready e-mail: as a card with a mailto button where cards render; elsewhere (WhatsApp) as plain text the
 * customer can copy, since a card would not show at all there.
 */
export async function sendEmailDraft(
  context: TurnContext,
  draft: EmailDraft,
  kind: EmailDraftKind,
): Promise<void> {
  const session = sessionOf(context);
  if (session.cardsSupported) {
    await sendCard(context, renderEmailDraftCard({ draft, kind, locale: session.locale }));
    return;
  }
  const tr = (key: Parameters<typeof t>[1]) => t(session.locale, key);
  const header = [
    `*${tr(`cards.email.title.${kind}`)}*`,
    `${tr('cards.email.to')}: ${draft.to.join(', ')}`,
    ...(draft.cc.length > 0 ? [`${tr('cards.email.cc')}: ${draft.cc.join(', ')}`] : []),
    `${tr('cards.email.subject')}: ${draft.subject}`,
  ];
  await context.sendActivity(`${header.join('\n')}\n\n${draft.body.replace(/\r\n/g, '\n')}`);
}
