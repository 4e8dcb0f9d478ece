import fc from 'fast-check';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { choicesCard } from '../../../dialogs/base/choices';
import {
  WA_LIMITS,
  renderReplies,
  splitText,
  toWhatsAppMarkdown,
  whatsAppLimitProblems,
} from '../../../src/whatsapp/outbound';
import type { WaOutbound } from '../../../src/whatsapp/types';

/** Renders and holds every payload to WhatsApp's limits, as the Graph API would. */
function render(activities: Partial<Activity>[]): WaOutbound[] {
  const out = renderReplies(activities);
  for (const message of out) expect(whatsAppLimitProblems(message)).toEqual([]);
  return out;
}

const say = (text: string): Partial<Activity> => ({ type: 'message', text });
const suggested = (text: string, options: readonly (readonly [string, string])[]): Partial<Activity> =>
  MessageFactory.suggestedActions(
    options.map(([title, value]) => ({ type: 'imBack', title, value })),
    text,
  );
const squeeze = (text: string) => text.replace(/\s+/g, '');
const textOf = (m: WaOutbound | undefined) => (m?.type === 'text' ? m.text.body : undefined);
const interactiveOf = (m: WaOutbound | undefined) => (m?.type === 'interactive' ? m.interactive : undefined);

describe('markdown', () => {
  it.each([
    ['**kalın** ve __da kalın__', '*kalın* ve *da kalın*'],
    ['# Başlık', '*Başlık*'],
    ['## **Adım 2** ##', '*Adım 2*'],
    ['[İYS](https://iys.org.tr) sitesi', 'İYS (https://iys.org.tr) sitesi'],
    ['[https://iys.org.tr](https://iys.org.tr)', 'https://iys.org.tr'],
    ['<https://iys.org.tr>', 'https://iys.org.tr'],
    ['~~eski~~ yeni, _italik_', '~eski~ yeni, _italik_'],
    ['Liste:\n- bir\n- iki\n* üç', 'Liste:\n- bir\n- iki\n* üç'],
  ])('%j → %j', (input, expected) => {
    expect(toWhatsAppMarkdown(input)).toBe(expected);
  });

  it('maps the text of every reply', () => {
    const [message] = render([say('**Dikkat:** [panel](https://panel.example)')]);
    expect(textOf(message)).toBe('*Dikkat:* panel (https://panel.example)');
  });
});

describe('what is sent and what is dropped', () => {
  it('drops typing and other non-message activities', () => {
    expect(render([{ type: 'typing' }, { type: 'event', name: 'x' }, { type: 'delay', value: 500 }])).toEqual(
      [],
    );
    expect(render([{ type: 'typing' }, say('Merhaba')])).toEqual([
      { type: 'text', text: { body: 'Merhaba' } },
    ]);
  });

  it('merges the texts of one turn into one message (the per-customer pair rate)', () => {
    const out = render([say('Bir'), { type: 'typing' }, say('İki'), say('Üç')]);
    expect(out).toEqual([{ type: 'text', text: { body: 'Bir\n\nİki\n\nÜç' } }]);
  });

  it('keeps merged texts under 4096 characters', () => {
    const paragraph = 'a'.repeat(3000);
    const out = render([say(paragraph), say(paragraph), say(paragraph)]);
    expect(out).toHaveLength(3);
    expect(out.map(textOf)).toEqual([paragraph, paragraph, paragraph]);
  });

  it('splits a long text at paragraph boundaries and loses nothing', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `${i}. paragraf `.repeat(60).trim());
    const text = paragraphs.join('\n\n');
    const out = render([say(text)]);
    expect(out.length).toBeGreaterThan(1);
    for (const m of out) expect(textOf(m)?.length).toBeLessThanOrEqual(WA_LIMITS.text);
    // Every piece ends where a paragraph ends.
    for (const m of out) expect(paragraphs).toContain(textOf(m)?.split('\n\n').at(-1));
    expect(squeeze(out.map(textOf).join(''))).toBe(squeeze(text));
  });

  it('splits a paragraph without breaks at words, and a word longer than a message anywhere', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `kelime${i}`).join(' ');
    const pieces = splitText(words, WA_LIMITS.text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(words.includes(p)).toBe(true);
    const blob = 'x'.repeat(10_000);
    expect(splitText(blob, WA_LIMITS.text).map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });

  it('never cuts an emoji in half', () => {
    const text = '😀'.repeat(3000);
    const pieces = splitText(text, WA_LIMITS.text);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(WA_LIMITS.text);
  });
});

describe('choices', () => {
  it('up to three short choices become reply buttons whose ids are the values', () => {
    const [message] = render([
      suggested('Devam edelim mi?', [
        ['Evet', 'yes'],
        ['Hayır', 'no'],
      ]),
    ]);
    expect(message).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Devam edelim mi?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Evet' } },
            { type: 'reply', reply: { id: 'no', title: 'Hayır' } },
          ],
        },
      },
    });
  });

  it('a title over 20 characters or a fourth choice makes a list, long titles cut and kept whole below', () => {
    const [message] = render([
      suggested('Hangi kanal?', [
        ['SMS', 'MESAJ'],
        ['Arama', 'ARAMA'],
        ['Elektronik posta ile gönderilen iletiler', 'EPOSTA'],
      ]),
    ]);
    const interactive = interactiveOf(message);
    expect(interactive?.type).toBe('list');
    if (interactive?.type !== 'list') return;
    expect(interactive.action.button).toBe('Seçenekler');
    expect(interactive.action.sections[0]?.rows).toEqual([
      { id: 'MESAJ', title: 'SMS' },
      { id: 'ARAMA', title: 'Arama' },
      {
        id: 'EPOSTA',
        title: 'Elektronik posta ile gö…',
        description: 'Elektronik posta ile gönderilen iletiler',
      },
    ]);
  });

  it('ten choices fit a list; eleven become numbered text', () => {
    const options = (n: number) =>
      Array.from({ length: n }, (_, i) => [`Seçenek ${i + 1}`, `v${i + 1}`] as const);
    const ten = interactiveOf(render([suggested('Seçin', options(10))])[0]);
    expect(ten?.type === 'list' && ten.action.sections[0]?.rows.length).toBe(10);
    const [eleven] = render([suggested('Seçin', options(11))]);
    expect(textOf(eleven)).toBe(
      `Seçin\n\n${Array.from({ length: 11 }, (_, i) => `${i + 1}. Seçenek ${i + 1}`).join('\n')}`,
    );
  });

  it('folds the text just before the question into the interactive body', () => {
    const out = render([
      say('Başvurunuz alındı.'),
      suggested('Kodlar geldi mi?', [
        ['Geldi', 'y'],
        ['Gelmedi', 'n'],
      ]),
    ]);
    expect(out).toHaveLength(1);
    expect(interactiveOf(out[0])?.body.text).toBe('Başvurunuz alındı.\n\nKodlar geldi mi?');
  });

  it('keeps a text that would overflow the 1024-character body as its own message', () => {
    const long = 'Açıklama. '.repeat(110).trim();
    const out = render([
      say(long),
      suggested('Tamam mı?', [
        ['Tamam', 'ok'],
        ['Değil', 'no'],
      ]),
    ]);
    expect(out.map((m) => m.type)).toEqual(['text', 'interactive']);
    expect(textOf(out[0])).toBe(long);
    expect(interactiveOf(out[1])?.body.text).toBe('Tamam mı?');
  });

  it('a question longer than an interactive body keeps its last paragraphs with the buttons', () => {
    const intro = 'Giriş cümlesi. '.repeat(80).trim();
    const question = 'Şimdi seçin:';
    const out = render([
      suggested(`${intro}\n\n${question}`, [
        ['A', 'a'],
        ['B', 'b'],
      ]),
    ]);
    expect(out.map((m) => m.type)).toEqual(['text', 'interactive']);
    expect(interactiveOf(out[1])?.body.text).toBe(question);
    expect(squeeze(`${textOf(out[0])}${question}`)).toBe(squeeze(`${intro}${question}`));
  });

  it('uses a default body when the question came without text', () => {
    const [message] = render([
      {
        type: 'message',
        suggestedActions: {
          to: [],
          actions: [
            { type: 'imBack', title: 'A', value: 'a' },
            { type: 'imBack', title: 'B', value: 'b' },
          ],
        },
      },
    ]);
    expect(interactiveOf(message)?.body.text).toBe('Lütfen seçin:');
  });

  it('honours the prompt machine: its choice ids and its list style', () => {
    const prompt = suggested('Hangi il?', [
      ['İstanbul', 'IST'],
      ['Ankara', 'ANK'],
    ]);
    prompt.channelData = {
      promptStyle: 'list',
      choices: [
        { id: '34', title: 'İstanbul' },
        { id: '06', title: 'Ankara', description: 'Başkent' },
      ],
    };
    const interactive = interactiveOf(render([prompt])[0]);
    expect(interactive?.type).toBe('list');
    expect(interactive?.type === 'list' && interactive.action.sections[0]?.rows).toEqual([
      { id: '34', title: 'İstanbul' },
      { id: '06', title: 'Ankara', description: 'Başkent' },
    ]);

    const buttons = suggested('Onaylıyor musunuz?', [['Evet', 'Evet']]);
    buttons.channelData = { promptStyle: 'buttons', choices: [{ id: 'true', title: 'Evet' }] };
    const button = interactiveOf(render([buttons])[0]);
    expect(button?.type === 'button' && button.action.buttons[0]?.reply).toEqual({
      id: 'true',
      title: 'Evet',
    });

    const typed = { ...say('Vergi numaranız?'), channelData: { promptStyle: 'text', choices: [] } };
    expect(render([typed])).toEqual([{ type: 'text', text: { body: 'Vergi numaranız?' } }]);
  });
});

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
    const card = MessageFactory.attachment(
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
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
        actions: [
          { type: 'Action.OpenUrl', title: 'İYS', url: 'https://iys.org.tr' },
          { type: 'Action.Submit', title: 'Gönder', data: { verb: 'form.submit' } },
        ],
      }),
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

describe('limits checker', () => {
  it('names what breaks a limit', () => {
    const tooMany: WaOutbound = {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'x'.repeat(1025) },
        action: {
          buttons: ['a', 'a', 'Yirmi karakterden uzun başlık', 'd'].map((title) => ({
            type: 'reply' as const,
            reply: { id: title === 'd' ? 'i'.repeat(257) : 'same', title },
          })),
        },
      },
    };
    expect(whatsAppLimitProblems(tooMany)).toEqual([
      'interactive.body.text: 1025 characters (1..1024)',
      'reply buttons: 4 (1..3)',
      'button 2 title: 29 characters (1..20)',
      'button 3 id: 257 characters (1..256)',
      'button ids are not unique',
      'button titles are not unique',
    ]);
    const list: WaOutbound = {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'b' },
        action: {
          button: 'Seçeneklerin tam listesi',
          sections: [
            {
              rows: Array.from({ length: 11 }, (_, i) => ({
                id: `r${i % 10}`,
                title: 't',
                description: 'd'.repeat(i === 0 ? 73 : 1),
              })),
            },
          ],
        },
      },
    };
    expect(whatsAppLimitProblems(list)).toEqual([
      'list button: 24 characters (1..20)',
      'list rows: 11 (1..10)',
      'row 0 description: 73 characters (1..72)',
      'row ids are not unique',
    ]);
    const template: WaOutbound = {
      type: 'template',
      template: {
        name: 'iys_reminder',
        language: { code: 'tr' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'satır\nsatır\tve      boşluk' }] },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'x' }],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: '' }],
          },
        ],
      },
    };
    expect(whatsAppLimitProblems(template)).toEqual([
      'template body parameter 1 contains a new line or tab',
      'template body parameter 1 contains more than 4 consecutive spaces',
      'template button 0 payload: 0 characters',
      'template button indexes are not unique',
    ]);
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
