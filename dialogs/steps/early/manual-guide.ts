import type { TurnContext } from 'botbuilder';
import { renderEmailDraftCard } from '../../../cards';
import { draftPreApplicationEmail } from '../../../src/domain/email-drafts';
import type { IntegratorProfile } from '../../../src/domain/integrator';
import { IYS_CARGO_ADDRESS, IYS_EMAILS } from '../../../src/domain/iys-contacts';
import { say, sendCard } from '../../base/say';
import { sessionOf } from '../../ports';

/** The document list that fits the company: with MERSİS or without (DOMAIN.md step 1). */
export async function sendDocumentList(context: TurnContext): Promise<void> {
  const withMersis = sessionOf(context).case.data.hasMersis !== false;
  await say(
    context,
    withMersis ? 'dialogs.pre.manual.docsWithMersis' : 'dialogs.pre.manual.docsWithoutMersis',
  );
}

export async function sendCargoInstructions(context: TurnContext): Promise<void> {
  await say(context, 'dialogs.pre.manual.cargo', { ...IYS_CARGO_ADDRESS });
}

/**
 * The manual route: the ready e-mail to onkayit@ with the integrator in cc (a card where cards render,
 * plain text elsewhere so it can still be copied), the documents to attach and the cargo instructions.
 */
export async function sendManualGuide(context: TurnContext, integrator: IntegratorProfile): Promise<void> {
  const session = sessionOf(context);
  const draft = draftPreApplicationEmail(session.case.data, integrator);
  await say(context, 'dialogs.pre.manual.intro', {
    onkayit: IYS_EMAILS.preApplication,
    ccEmail: integrator.ccEmail,
  });
  await sendDocumentList(context);
  if (session.cardsSupported) {
    await sendCard(context, renderEmailDraftCard({ draft, kind: 'preApplication', locale: session.locale }));
  } else {
    await say(context, 'dialogs.pre.manual.draftText', {
      to: draft.to.join(', '),
      cc: draft.cc.join(', '),
      subject: draft.subject,
      body: draft.body.replace(/\r\n/g, '\n'),
    });
  }
  await sendCargoInstructions(context);
}
