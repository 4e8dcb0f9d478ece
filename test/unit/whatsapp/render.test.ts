import type { Activity } from 'botbuilder';
import { formQuestionPrompt, promptChannelData, type PromptMessage } from '../../../cards';
import { WA_LIMITS } from '../../../src/channels/whatsapp/outbound';
import { interactiveOf, render, say, squeeze, suggested, textOf } from './render-fixtures';

/** A question of the prompt machine as the form dialog sends it (only the prompt matters here). */
const question = (message: PromptMessage): Partial<Activity> => ({
  type: 'message',
  text: message.text,
  channelData: promptChannelData(formQuestionPrompt(message)),
});

describe('markdown in replies', () => {
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
      suggested('', [
        ['A', 'a'],
        ['B', 'b'],
      ]),
    ]);
    expect(interactiveOf(message)?.body.text).toBe('Lütfen seçin:');
  });

  it('honours the prompt machine: its choice ids and its list style', () => {
    const prompt = question({
      text: 'Hangi il?',
      style: 'list',
      choices: [
        { id: '34', title: 'İstanbul' },
        { id: '06', title: 'Ankara', description: 'Başkent' },
      ],
    });
    const interactive = interactiveOf(render([prompt])[0]);
    expect(interactive?.type).toBe('list');
    expect(interactive?.type === 'list' && interactive.action.sections[0]?.rows).toEqual([
      { id: '34', title: 'İstanbul' },
      { id: '06', title: 'Ankara', description: 'Başkent' },
    ]);

    const buttons = question({
      text: 'Onaylıyor musunuz?',
      style: 'buttons',
      choices: [{ id: 'true', title: 'Evet' }],
    });
    const button = interactiveOf(render([buttons])[0]);
    expect(button?.type === 'button' && button.action.buttons[0]?.reply).toEqual({
      id: 'true',
      title: 'Evet',
    });

    const typed = question({ text: 'Vergi numaranız?', style: 'text' });
    expect(render([typed])).toEqual([{ type: 'text', text: { body: 'Vergi numaranız?' } }]);
  });
});
