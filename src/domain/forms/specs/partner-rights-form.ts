import { IYS_CHANNELS, type Ahs, type BrandRights, type IysChannel } from '../../case';
import { UNDER_5000_THRESHOLD } from '../../packages';
import type { ChoiceSpec, FieldSpec, FormParams, FormSpec, ParsedValues } from '../form-spec';
import { booleanValue, listValue, optionalString, requiredString } from './value-getters';

/** Per-brand records; `mergeFormPatch` merges them into the case's records by brand name. */
export interface PartnerRightsPatch {
  readonly partnerRights: Readonly<Record<string, BrandRights>>;
  readonly ahs?: Readonly<Record<string, Ahs[]>>;
  readonly under5000Declared?: boolean;
}

const RIGHTS_CHOICES: readonly ChoiceSpec[] = [
  { id: 'readWrite', label: 'forms.choice.rights.readWrite' },
  { id: 'read', label: 'forms.choice.rights.read' },
  { id: 'write', label: 'forms.choice.rights.write' },
  { id: 'none', label: 'forms.choice.rights.none' },
];
const CHANNEL_LABELS = {
  MESAJ: 'forms.field.partnerRights.MESAJ.label',
  ARAMA: 'forms.field.partnerRights.ARAMA.label',
  EPOSTA: 'forms.field.partnerRights.EPOSTA.label',
} as const;
const CHANNEL_CHOICES: readonly ChoiceSpec[] = IYS_CHANNELS.map((id) => ({
  id,
  label: `forms.choice.channel.${id}`,
}));

function rightsField(channel: IysChannel): FieldSpec {
  const id = `partnerRights.${channel}`;
  const base = { id, label: CHANNEL_LABELS[channel], choices: RIGHTS_CHOICES, maxLength: 20 };
  return { ...base, kind: 'choice', choiceStyle: 'compact', required: true };
}

function fields(addressCount: number | undefined): FieldSpec[] {
  const under5000 = addressCount !== undefined && addressCount < UNDER_5000_THRESHOLD;
  const list: FieldSpec[] = IYS_CHANNELS.map(rightsField);
  list.push({
    id: 'partnerRights.reconciliation',
    kind: 'toggle',
    label: 'forms.field.partnerRights.reconciliation.label',
    required: false,
    maxLength: 10,
  });
  if (under5000) {
    const help = 'forms.field.under5000Declared.help';
    list.push({
      id: 'under5000Declared',
      kind: 'toggle',
      label: 'forms.field.under5000Declared.label',
      help,
      required: true,
      maxLength: 10,
    });
  }
  list.push(
    {
      id: 'ahs.name',
      kind: 'text',
      label: 'forms.field.ahs.name.label',
      help: 'forms.field.ahs.name.help',
      required: false,
      maxLength: 120,
    },
    {
      id: 'ahs.channels',
      kind: 'multiChoice',
      label: 'forms.field.ahs.channels.label',
      choices: CHANNEL_CHOICES,
      choiceStyle: 'expanded',
      required: true,
      when: { field: 'ahs.name', filled: true },
      maxLength: 60,
    },
  );
  return list;
}

function rights(values: ParsedValues, channel: IysChannel): { read: boolean; write: boolean } {
  const choice = requiredString(values, `partnerRights.${channel}`);
  return {
    read: choice === 'readWrite' || choice === 'read',
    write: choice === 'readWrite' || choice === 'write',
  };
}

function toPatchFor(brand: string) {
  return (values: ParsedValues): PartnerRightsPatch => {
    const brandRights: BrandRights = {
      MESAJ: rights(values, 'MESAJ'),
      ARAMA: rights(values, 'ARAMA'),
      EPOSTA: rights(values, 'EPOSTA'),
      reconciliation: booleanValue(values, 'partnerRights.reconciliation'),
    };
    const ahsName = optionalString(values, 'ahs.name');
    const channels = listValue(values, 'ahs.channels') as IysChannel[];
    return {
      partnerRights: { [brand]: brandRights },
      ...(ahsName && channels.length > 0 ? { ahs: { [brand]: [{ name: ahsName, channels }] } } : {}),
      ...(values.under5000Declared === true ? { under5000Declared: true } : {}),
    };
  };
}

/**
 * Rights the customer grants us for one brand (MESAJ/ARAMA/EPOSTA × read/write, reconciliation), optionally
 * one AHS with read-only rights, and the under-5,000 declaration when the address count calls for it.
 */
export function partnerRightsForm(params: FormParams): FormSpec<PartnerRightsPatch> {
  const brand = params.brand ?? '';
  return {
    id: 'partnerRights',
    params: { brand, ...(params.addressCount === undefined ? {} : { addressCount: params.addressCount }) },
    title: 'forms.partnerRights.title',
    titleParams: { brand },
    intro: 'forms.partnerRights.intro',
    fields: fields(params.addressCount),
    toPatch: toPatchFor(brand),
  };
}
