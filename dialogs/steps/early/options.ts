import type { ChoiceOption } from '../../base/choices';

/** The choice lists of steps 1 and 2; synonyms let a typed answer pick an option on any channel. */

export const REGISTERED_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', title: 'dialogs.pre.registered.yes', synonyms: ['evet', 'var', 'yes'] },
  { value: 'no', title: 'dialogs.pre.registered.no', synonyms: ['hayır', 'hayir', 'yok', 'no'] },
];

export const ESIGN_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', title: 'dialogs.pre.esign.yes', synonyms: ['evet', 'var', 'yes'] },
  { value: 'no', title: 'dialogs.pre.esign.no', synonyms: ['hayır', 'hayir', 'yok', 'no'] },
];

export const MORE_BRANDS_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', title: 'dialogs.pre.brands.add', synonyms: ['evet', 'ekle', 'yes'] },
  { value: 'no', title: 'dialogs.pre.brands.done', synonyms: ['hayır', 'hayir', 'devam', 'no'] },
];

export const SUBMITTED_OPTIONS: readonly ChoiceOption[] = [
  {
    value: 'submitted',
    title: 'dialogs.pre.submitted.yes',
    synonyms: ['gönderdim', 'gonderdim', 'tamamladım', 'tamamladim', 'evet', 'sent', 'done', 'yes'],
  },
  {
    value: 'later',
    title: 'dialogs.pre.submitted.later',
    synonyms: ['sonra', 'hayır', 'hayir', 'later', 'no'],
  },
];

export const SWITCH_ROUTE_OPTION: ChoiceOption = {
  value: 'switch',
  title: 'dialogs.pre.submitted.switch',
  synonyms: ['diğer yol', 'other route'],
};

export const YES_NO_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', title: 'dialogs.choice.yes', synonyms: ['evet', 'yes'] },
  { value: 'no', title: 'dialogs.choice.no', synonyms: ['hayır', 'hayir', 'no'] },
];

export type StatusOutcome = 'pending' | 'needs_correction' | 'rejected' | 'approved';

export const OUTCOME_OPTIONS: readonly ChoiceOption[] = [
  {
    value: 'pending',
    title: 'dialogs.status.outcome.pending',
    synonyms: ['inceleme', 'bekliyor', 'pending'],
  },
  {
    value: 'needs_correction',
    title: 'dialogs.status.outcome.correction',
    synonyms: ['düzeltme', 'duzeltme', 'değişiklik', 'correction'],
  },
  { value: 'rejected', title: 'dialogs.status.outcome.rejected', synonyms: ['ret', 'red', 'rejected'] },
  {
    value: 'approved',
    title: 'dialogs.status.outcome.approved',
    synonyms: ['onaylandı', 'onaylandi', 'onay', 'kodlarım geldi', 'approved', 'codes arrived'],
  },
];

export type FixTopic = 'company' | 'signatory' | 'brands' | 'documents';

export const FIX_OPTIONS: readonly ChoiceOption[] = [
  { value: 'company', title: 'dialogs.status.fix.company', synonyms: ['şirket', 'sirket', 'company'] },
  { value: 'signatory', title: 'dialogs.status.fix.signatory', synonyms: ['yetkili', 'signatory'] },
  { value: 'brands', title: 'dialogs.status.fix.brands', synonyms: ['marka', 'brand'] },
  { value: 'documents', title: 'dialogs.status.fix.documents', synonyms: ['belge', 'documents'] },
];
