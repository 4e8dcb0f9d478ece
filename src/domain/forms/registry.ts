import type { FormId, FormParams, FormSpec } from './form-spec';
import { FORM_IDS } from './form-spec';
import type { FormPatch } from './merge-form-patch';
import { applicationForm } from './specs/application-form';
import { brandForm } from './specs/brand-form';
import { companyForm } from './specs/company-form';
import { iysCodesForm } from './specs/iys-codes-form';
import { packageForm } from './specs/package-form';
import { panelForm } from './specs/panel-form';
import { partnerRightsForm } from './specs/partner-rights-form';
import { routeForm } from './specs/route-form';
import { signatoryForm } from './specs/signatory-form';
import { statisticsForm } from './specs/statistics-form';

type SpecFactory = (params: FormParams) => FormSpec<FormPatch>;

const FACTORIES: Readonly<Record<FormId, SpecFactory>> = {
  route: routeForm,
  company: companyForm,
  signatory: signatoryForm,
  brand: brandForm,
  statistics: statisticsForm,
  application: applicationForm,
  package: packageForm,
  partnerRights: partnerRightsForm,
  iysCodes: iysCodesForm,
  panel: panelForm,
};

export function isFormId(id: unknown): id is FormId {
  return typeof id === 'string' && (FORM_IDS as readonly string[]).includes(id);
}

/**
 * Builds a form spec by id. Parameterised forms (brand, partnerRights, iysCodes) take their brand names and
 * counts from `params`, which is plain JSON so prompt state can rebuild the same spec on the next turn.
 */
export function getFormSpec(id: FormId, params: FormParams = {}): FormSpec<FormPatch> {
  return FACTORIES[id](params);
}

/** Like `getFormSpec` for ids read from outside (card data, stored state); undefined when unknown. */
export function findFormSpec(id: unknown, params: FormParams = {}): FormSpec<FormPatch> | undefined {
  return isFormId(id) ? getFormSpec(id, params) : undefined;
}
