/**
 * The İş Ortağı (integrator) that runs this bot. Filled from configuration and passed to whatever needs it
 * (e-mail drafts, messages), so no integrator is ever hard-coded in the domain.
 */
export interface IntegratorProfile {
  /** Legal or brand name shown to customers and written into e-mails to İYS. */
  readonly name: string;
  /** Address İYS e-mails are copied to (e.g. the integrator's İYS desk). */
  readonly ccEmail: string;
  readonly supportPhone: string;
  /** The integrator's own panel where the customer enters İYSKod / BrandKod (step 6). */
  readonly panelUrl: string;
  /** The integrator's İYS integrator code, used by the assignment e-mail and API verification. */
  readonly iysIntegratorCode?: string;
}
