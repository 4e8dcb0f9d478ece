import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { adaptiveCard } from '../../../cards';
import { choicesCard } from '../../../dialogs/base/choices';
import { cardActivity } from '../../../dialogs/base/say';
import { WA_LIMITS, renderReplies, whatsAppLimitProblems } from '../../../src/channels/whatsapp/outbound';
import { interactiveOf, render, say, squeeze, suggested, textOf } from './render-fixtures';

describe('cards', () => {
  it('a choices card becomes buttons of its titles', () => {
    const [message] = render([choicesCard('Hangi yolu seçiyorsunuz?', ['Online', 'Manuel'])]);
    expect(message).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Hangi yolu seçiyorsunuz?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'Online', title: 'Online' } },
            { type: 'reply', reply: { id: 'Manuel', title: 'Manuel' } },
          ],
        },
      },
    });
  });

  it('a choices card with many options becomes a list', () => {
    const titles = ['Bir', 'İki', 'Üç', 'Dört', 'Beş'];
    const interactive = interactiveOf(render([choicesCard('Kaç marka?', titles)])[0]);
    expect(interactive?.type === 'list' && interactive.action.sections[0]?.rows.map((r) => r.id)).toEqual(
      titles,
    );
  });

  it('any other card becomes text: headings bold, facts, rich text and links', () => {
    // Cards go out with their words as the prompt (sendCard); WhatsApp shows the words.
    const card = cardActivity(
      adaptiveCard(
        [
          { type: 'TextBlock', text: 'Paket özeti', weight: 'Bolder', size: 'Medium' },
          { type: 'TextBlock', text: 'Seçtiğiniz **paket**:', wrap: true },
          {
            type: 'FactSet',
            facts: [
              { title: 'Paket:', value: 'İLETİ 1' },
              { title: 'Tutar', value: '1.000 TL' },
            ],
          },
          {
            type: 'Container',
            items: [
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'Not: ', weight: 'Bolder' },
                  { type: 'TextRun', text: 'KDV dahil' },
                ],
              },
              { type: 'Input.Text', id: 'x', label: 'gizli' },
            ],
          },
          {
            type: 'ActionSet',
            actions: [{ type: 'Action.OpenUrl', title: 'Ödeme', url: 'https://pay.example/1' }],
          },
        ],
        [
          { type: 'Action.OpenUrl', title: 'İYS', url: 'https://iys.org.tr' },
          { type: 'Action.Submit', title: 'Gönder', data: { verb: 'form.submit' } },
        ],
      ),
    );
    const [message] = render([card]);
    expect(textOf(message)).toBe(
      [
        '*Paket özeti*',
        'Seçtiğiniz *paket*:',
        '*Paket*: İLETİ 1\n*Tutar*: 1.000 TL',
        '*Not:* KDV dahil',
        'İYS: https://iys.org.tr\nÖdeme: https://pay.example/1',
      ].join('\n\n'),
    );
  });

  it('other attachments are not sent, only their name or text', () => {
    const out = render([
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/pdf',
            contentUrl: 'https://files.example/a.pdf',
            name: 'taahhutname.pdf',
          },
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { title: 'Yardım', text: 'Bize yazın' },
          },
          { contentType: 'image/png', contentUrl: 'https://files.example/x.png' },
        ],
      },
    ]);
    expect(out).toEqual([{ type: 'text', text: { body: 'taahhutname.pdf\n\nYardım\nBize yazın' } }]);
  });
});

describe('every rendering stays within WhatsApp’s limits (property)', () => {
  const word = fc.stringMatching(/^[a-zA-ZçğıöşüÇĞİÖŞÜ0-9.,:;!?()'-]{1,30}$/);
  const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ');
  const prose = fc
    .array(fc.tuple(word, separator), { minLength: 1, maxLength: 400 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''))
    .filter((t) => t.trim() !== '');
  const longProse = fc
    .tuple(prose, fc.integer({ min: 1, max: 30 }))
    .map(([t, times]) => Array.from({ length: times }, () => t).join('\n\n'));
  const choice = fc.record({
    title: fc.oneof(word, fc.stringMatching(/^[a-zA-ZçğıöşüÇĞİÖŞÜ ]{1,60}$/)),
    value: fc.stringMatching(/^[a-z0-9._-]{1,40}$/),
  });
  const reply: fc.Arbitrary<Partial<Activity>> = fc.oneof(
    fc.oneof(prose, longProse).map(say),
    fc.constant<Partial<Activity>>({ type: 'typing' }),
    fc
      .tuple(fc.oneof(prose, fc.constant('')), fc.array(choice, { minLength: 1, maxLength: 14 }))
      .map(([text, choices]) =>
        suggested(
          text,
          choices.map((c) => [c.title, c.value] as const),
        ),
      ),
    fc
      .tuple(prose, fc.array(fc.oneof(word, prose), { minLength: 1, maxLength: 12 }))
      .map(([question, titles]) => choicesCard(question, [...new Set(titles)])),
  );

  it('holds for any turn of texts, questions and cards, and no text is lost', () => {
    fc.assert(
      fc.property(fc.array(reply, { minLength: 1, maxLength: 6 }), (activities) => {
        const out = renderReplies(activities);
        for (const message of out) expect(whatsAppLimitProblems(message)).toEqual([]);
        const sentText = out
          .map((m) =>
            m.type === 'text' ? m.text.body : m.type === 'interactive' ? m.interactive.body.text : '',
          )
          .join('');
        for (const activity of activities) {
          if (activity.text) expect(squeeze(sentText)).toContain(squeeze(activity.text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('texts alone: joined output equals the input modulo whitespace, in as few messages as fit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prose, longProse), { minLength: 1, maxLength: 4 }), (texts) => {
        const out = renderReplies(texts.map(say));
        for (const message of out) expect(whatsAppLimitProblems(message)).toEqual([]);
        expect(squeeze(out.map(textOf).join(''))).toBe(squeeze(texts.join('')));
        const total = texts.reduce((n, t) => n + t.length, 0);
        if (total + 2 * texts.length <= WA_LIMITS.text) expect(out).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
