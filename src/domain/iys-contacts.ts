/** İYS's own addresses (public facts from DOMAIN.md; unlike the integrator, these are not configuration). */
export const IYS_EMAILS = {
  preApplication: 'onkayit@iys.org.tr',
  sales: 'satis@iys.org.tr',
  partnerAssignment: 'isortagim@iys.org.tr',
  accounting: 'muhasebe@iys.org.tr',
  info: 'bilgi@iys.org.tr',
} as const;

/** Where the stamped and signed usage commitment (Kullanım Taahhütnamesi) goes by cargo. */
export const IYS_CARGO_ADDRESS = {
  recipient: 'İleti Yönetim Sistemi A.Ş.',
  street: 'Esentepe Mah. Harman 1 Sokak No:10-5 TOBB Plaza',
  city: 'Şişli/İstanbul',
  phone: '0850 333 3338',
} as const;
