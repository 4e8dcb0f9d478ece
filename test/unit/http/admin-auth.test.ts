import { adminAuthorized } from '../../../src/http/admin-auth';

const TOKEN = 'ops-token-with-enough-characters';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('adminAuthorized', () => {
  it.each([
    ['bearer', `Bearer ${TOKEN}`],
    ['bearer, any case and spacing', `  bearer   ${TOKEN}`],
    ['basic with any user name', basic('ops', TOKEN)],
    ['basic with an empty user name', basic('', TOKEN)],
    ['basic whose password holds a colon', basic('ops', TOKEN)],
  ])('accepts the token as %s', (_label, header) => {
    expect(adminAuthorized(header, TOKEN)).toBe(true);
  });

  it('accepts a token containing a colon through basic auth', () => {
    expect(adminAuthorized(basic('ops', 'a:b:c-0123456789012345678'), 'a:b:c-0123456789012345678')).toBe(
      true,
    );
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a scheme only', 'Bearer'],
    ['another token', 'Bearer ops-token-with-enough-characterZ'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token plus more', `Bearer ${TOKEN}x`],
    ['the token as the basic user name', basic(TOKEN, '')],
    ['basic without a colon', `Basic ${Buffer.from(TOKEN).toString('base64')}`],
    ['another scheme', `Token ${TOKEN}`],
  ])('refuses %s', (_label, header) => {
    expect(adminAuthorized(header, TOKEN)).toBe(false);
  });
});
