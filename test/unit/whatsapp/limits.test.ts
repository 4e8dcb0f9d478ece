import { whatsAppLimitProblems } from '../../../src/channels/whatsapp/outbound';
import type { WaOutbound } from '../../../src/channels/whatsapp/types';

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
