import { csvCell, toCsv, UTF8_BOM } from '../../../src/admin/csv';

describe('CSV writer', () => {
  it('leaves plain cells alone and writes empty cells for missing values', () => {
    expect(csvCell('Anadolu Tekstil A.Ş.')).toBe('Anadolu Tekstil A.Ş.');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
  });

  it.each(['=1+2', '+90 532', '-2', '@SUM(A1)', '\tTAB', '\rCR'])(
    'keeps %j from running as a formula',
    (value) => {
      expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('quotes a guarded cell that also needs quoting', () => {
    expect(csvCell('=HYPERLINK("x"), y')).toBe(`"'=HYPERLINK(""x""), y"`);
  });

  it('writes a BOM, a header row and CRLF line ends', () => {
    const csv = toCsv(
      ['id', 'name'],
      [
        ['c_1', 'Boğaziçi'],
        ['c_2', undefined],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('id,name\r\nc_1,Boğaziçi\r\nc_2,\r\n');
  });
});
