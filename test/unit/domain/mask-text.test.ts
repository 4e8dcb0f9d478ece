import { maskText } from '../../../src/domain/case';

describe('maskText (free text in transcripts, agent cards and handoff events)', () => {
  it.each([
    ['TCKN 10000000146', 'TCKN 100******46'],
    ['cep 0532 123 45 67, arar mısınız?', 'cep +90 5** *** ** 67, arar mısınız?'],
    ['+90 (532) 123 45 67', '+90 5** *** ** 67'],
    ['+905321234567', '+90 5** *** ** 67'],
    ['0090 532 123 45 67', '+90 5** *** ** 67'],
    ['05321234567', '+90 5** *** ** 67'],
    ['5321234567', '+90 5** *** ** 67'],
    ['0212 123 45 67', '+90 2** *** ** 67'],
    ['+44 20 7946 0958', '+44********58'],
    ['ayse.yilmaz@ornek.com.tr', 'a***@ornek.com.tr'],
    ['IBAN TR33 0006 1005 1978 6457 8413 26', 'IBAN TR33 **** **** **** **** **** 26'],
    ['TR330006100519786457841326', 'TR33 **** **** **** **** **** 26'],
  ])('masks %s', (input, masked) => {
    expect(maskText(input)).toBe(masked);
  });

  it.each([
    'VKN 4540536920',
    'MERSİS 0454053692000015',
    'İYSKod 123456, BrandKod 654321',
    '2024 yılında 250000 mesaj, 35 ret',
    'Sipariş 2026-11-25',
  ])('leaves company data and ordinary numbers readable: %s', (input) => {
    expect(maskText(input)).toBe(input);
  });

  it('masks a phone next to other numbers without swallowing them', () => {
    expect(maskText('0532 123 45 67 ve VKN 4540536920')).toBe('+90 5** *** ** 67 ve VKN 4540536920');
  });
});
