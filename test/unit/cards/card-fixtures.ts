import catalogJson from '../../../config/packages.json';
import type { AdaptiveCardJson } from '../../../cards/card-json';
import { renderEmailDraftCard } from '../../../cards/email-draft-card';
import { renderFormCard } from '../../../cards/form-card';
import { renderPackageCard } from '../../../cards/package-card';
import { renderStepOverviewCard } from '../../../cards/step-overview-card';
import { renderSummaryCard } from '../../../cards/summary-card';
import type { Locale } from '../../../src/i18n';
import { initialStepStates, type StepStates } from '../../../src/domain/case';
import {
  draftPackageOfferEmail,
  draftPartnerAssignmentEmail,
  draftPreApplicationEmail,
} from '../../../src/domain/email-drafts';
import {
  FORM_IDS,
  getFormSpec,
  parseFormSubmit,
  type FieldIssues,
  type FormId,
} from '../../../src/domain/forms';
import { parsePackageCatalog, recommendPackage } from '../../../src/domain/packages';
import { FORM_SAMPLES } from '../forms/form-samples';
import { SAMPLE_INTEGRATOR, sampleCaseData } from './sample-case';

export const NONCE = 'n0nce';
const catalog = parsePackageCatalog(catalogJson);

export interface NamedCard {
  readonly name: string;
  readonly card: AdaptiveCardJson;
}

/** Errors on every field and a warning on each, to show the heaviest version of a form card. */
function issuesOnEveryField(id: FormId): { errors: FieldIssues; warnings: FieldIssues } {
  const spec = getFormSpec(id, FORM_SAMPLES[id].params);
  const errors = Object.fromEntries(
    spec.fields.map((f) => [f.id, [{ code: 'forms.issue.required', severity: 'error' as const }]]),
  );
  const warning = [
    { code: 'validation.email.freeMail', severity: 'warning' as const, params: { domain: 'gmail.com' } },
  ];
  return { errors, warnings: Object.fromEntries(spec.fields.map((f) => [f.id, warning])) };
}

/** The company card as a refused submit really comes back: typed values kept, real errors and warnings. */
export function refusedCompanyCard(locale: Locale): NamedCard {
  const spec = getFormSpec('company');
  const raw = {
    ...FORM_SAMPLES.company.raw,
    vkn: '4540536921',
    mersisNo: '0123456789000015',
    website: 'ornek',
    district: '',
  };
  const result = parseFormSubmit(
    spec,
    { ...raw, verb: 'form.submit', formId: 'company', nonce: NONCE },
    NONCE,
  );
  if (result.ok) throw new Error('expected a refusal');
  const { fieldErrors: errors, warnings, values } = result;
  return {
    name: `form-company-refused-${locale}`,
    card: renderFormCard({ spec, values, errors, warnings, locale, nonce: NONCE }),
  };
}

export function formCards(locale: Locale): NamedCard[] {
  return FORM_IDS.flatMap((id) => {
    const { params, raw } = FORM_SAMPLES[id];
    const spec = getFormSpec(id, params);
    return [
      { name: `form-${id}-empty-${locale}`, card: renderFormCard({ spec, locale, nonce: NONCE }) },
      { name: `form-${id}-${locale}`, card: renderFormCard({ spec, values: raw, locale, nonce: NONCE }) },
      {
        name: `form-${id}-issues-${locale}`,
        card: renderFormCard({ spec, values: raw, ...issuesOnEveryField(id), locale, nonce: NONCE }),
      },
    ];
  }).concat(refusedCompanyCard(locale));
}

export function stepStates(): StepStates {
  const steps = initialStepStates();
  return {
    ...steps,
    preApplication: { status: 'done' },
    applicationStatus: { status: 'done' },
    codes: { status: 'skipped' },
    package: { status: 'waiting' },
  };
}

export function readOnlyCards(locale: Locale): NamedCard[] {
  const data = sampleCaseData();
  const counts = { approvedPhones: 150000, approvedEmails: 200000 };
  const recommendation = recommendPackage(catalog, counts);
  const small = recommendPackage(catalog, { approvedPhones: 1200, approvedEmails: 800 });
  const actions = [{ verb: 'step.continue', title: locale === 'tr' ? 'Devam et' : 'Continue', nonce: NONCE }];
  const cards: NamedCard[] = [
    { name: 'steps-new', card: renderStepOverviewCard({ steps: initialStepStates(), locale, actions }) },
    { name: 'steps-progress', card: renderStepOverviewCard({ steps: stepStates(), locale, actions }) },
    { name: 'package', card: renderPackageCard({ recommendation, catalog, ...counts, locale, actions }) },
    {
      name: 'package-small',
      card: renderPackageCard({
        recommendation: small,
        catalog,
        approvedPhones: 1200,
        approvedEmails: 800,
        locale,
      }),
    },
    {
      name: 'email-preapplication',
      card: renderEmailDraftCard({
        draft: draftPreApplicationEmail(data, SAMPLE_INTEGRATOR),
        kind: 'preApplication',
        locale,
      }),
    },
    {
      name: 'email-package',
      card: renderEmailDraftCard({
        draft: draftPackageOfferEmail(data, { packageName: 'İLETİ-250' }),
        kind: 'packageOffer',
        locale,
      }),
    },
    {
      name: 'email-partner',
      card: renderEmailDraftCard({
        draft: draftPartnerAssignmentEmail(data, SAMPLE_INTEGRATOR),
        kind: 'partnerAssignment',
        locale,
        actions,
      }),
    },
    {
      name: 'email-missing',
      card: renderEmailDraftCard({
        draft: draftPreApplicationEmail({ tradeTitle: 'Örnek Ltd. Şti.' }, SAMPLE_INTEGRATOR),
        kind: 'preApplication',
        locale,
      }),
    },
    { name: 'summary', card: renderSummaryCard({ data, locale, packageName: 'İLETİ-250' }) },
  ];
  return cards.map((c) => ({ ...c, name: `${c.name}-${locale}` }));
}
