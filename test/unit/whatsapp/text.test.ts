import { WA_LIMITS, splitText, toWhatsAppMarkdown } from '../../../src/channels/whatsapp/outbound';

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
});

describe('splitting', () => {
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
