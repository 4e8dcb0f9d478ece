import { CaseDataSchema, parseCasePatch, type CaseData } from '../../../src/domain/case';
import { checkForm, FORM_IDS, getFormSpec, mergeFormPatch } from '../../../src/domain/forms';
import type { IntegratorProfile } from '../../../src/domain/integrator';
import { FORM_SAMPLES } from '../forms/form-samples';

export const SAMPLE_INTEGRATOR: IntegratorProfile = {
  name: 'Örnek Entegratör A.Ş.',
  ccEmail: 'iys@ornek-entegrator.com.tr',
  supportPhone: '0850 000 00 00',
  panelUrl: 'https://panel.ornek-entegrator.com.tr',
  iysIntegratorCode: '123456',
};

/** A complete case built by feeding every sample form through its spec, the way the dialogs would. */
export function sampleCaseData(): CaseData {
  let data: CaseData = {};
  for (const id of FORM_IDS) {
    const spec = getFormSpec(id, FORM_SAMPLES[id].params);
    const patch = mergeFormPatch(spec, spec.toPatch(checkForm(spec, FORM_SAMPLES[id].raw).values), data);
    const parsed = parseCasePatch(patch);
    if (!parsed.ok) throw new Error(`sample ${id}: ${JSON.stringify(parsed.errors)}`);
    data = CaseDataSchema.parse({ ...data, ...parsed.patch });
  }
  return { ...data, addressCount: 200000, packageTier: 'ILETI-250' };
}
