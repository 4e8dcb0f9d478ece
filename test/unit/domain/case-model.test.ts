import {
  CASE_FIELD_IDS,
  CaseSchema,
  PERSONAL_DATA_FIELDS,
  acceptPrivacyNotice,
  applyPatch,
  createCase,
  hasAcceptedPrivacyNotice,
  upsertChannelAddress,
  type Actor,
  type Case,
  type ChannelAddress,
} from '../../../src/domain/case';

const customer: Actor = { kind: 'customer', id: 'user-1' };
const at = '2025-03-01T10:00:00.000Z';
const later = '2025-03-02T09:30:00.000Z';

function freshCase(): Case {
  return createCase({ id: 'case-1', at, actor: customer });
}

function mustPatch(c: Case, patch: unknown): Case {
  const result = applyPatch(c, patch, customer, later);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.case;
}

describe('case model', () => {
  it('creates a valid v1 case with all steps not started and a creation event', () => {
    const c = freshCase();
    expect(CaseSchema.parse(c)).toEqual(c);
    expect(c.schemaVersion).toBe(1);
    expect(Object.values(c.steps).every((s) => s.status === 'not_started')).toBe(true);
    expect(c.audit).toEqual([{ at, actor: customer, type: 'case.created' }]);
  });

  it('uses exactly the canonical field ids of DOMAIN.md', () => {
    for (const id of [
      'route',
      'hasMersis',
      'tradeTitle',
      'mersisNo',
      'vkn',
      'taxOffice',
      'website',
      'phone',
      'city',
      'district',
      'address',
      'signatoryIdType',
      'signatoryTckn',
      'signatoryPassport',
      'signatoryName',
      'signatoryEmail',
      'signatoryMobile',
      'brands',
      'statsMessagesSent',
      'statsNumbersAdded',
      'statsRefusals',
      'applicationNo',
      'iysCode',
      'brandCodes',
      'approvedPhones',
      'approvedEmails',
      'addressCount',
      'packageTier',
      'paymentMethod',
      'orderCode',
      'partnerRights',
      'under5000Declared',
      'ahs',
    ]) {
      expect(CASE_FIELD_IDS).toContain(id);
    }
    expect(PERSONAL_DATA_FIELDS).toEqual([
      'signatoryTckn',
      'signatoryPassport',
      'signatoryName',
      'signatoryEmail',
      'signatoryMobile',
    ]);
  });

  it('normalises a raw patch and audits the changed field ids without values', () => {
    const result = applyPatch(
      freshCase(),
      {
        tradeTitle: ' Örnek  A.Ş. ',
        vkn: '454 053 6920',
        signatoryTckn: '17291716060',
        city: 'istanbul',
        signatoryMobile: '0532 123 45 67',
        statsMessagesSent: '1.500',
      },
      customer,
      later,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.data).toEqual({
      tradeTitle: 'Örnek A.Ş.',
      vkn: '4540536920',
      signatoryTckn: '17291716060',
      city: 'İstanbul',
      signatoryMobile: '+905321234567',
      statsMessagesSent: 1500,
    });
    expect(result.event).toEqual({
      at: later,
      actor: customer,
      type: 'fields.updated',
      fields: ['tradeTitle', 'vkn', 'city', 'signatoryTckn', 'signatoryMobile', 'statsMessagesSent'],
    });
    expect(JSON.stringify(result.event)).not.toContain('17291716060');
    expect(result.case.updatedAt).toBe(later);
  });

  it('refuses invalid values and unknown fields with field paths', () => {
    const result = applyPatch(
      freshCase(),
      { signatoryTckn: '17291716050', brands: [{ name: 'Acme', smsSenders: ['ŞEKER'] }], colour: 'red' },
      customer,
      later,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { code: 'validation.unknownField', severity: 'error', params: { field: 'colour' } },
        { code: 'validation.tckn.checksum', severity: 'error', params: { field: 'signatoryTckn' } },
        expect.objectContaining({
          code: 'validation.smsSender.turkishLetter',
          params: expect.objectContaining({ field: 'brands.0.smsSenders.0' }),
        }),
      ]),
    );
  });

  it('clears a field with null, drops contradicted data and derives the address count', () => {
    let c = mustPatch(freshCase(), {
      signatoryIdType: 'tckn',
      signatoryTckn: '17291716060',
      hasMersis: true,
      mersisNo: '0454053692000015',
      approvedPhones: '150.000',
      approvedEmails: 200000,
    });
    expect(c.data.addressCount).toBe(200000);
    c = mustPatch(c, {
      signatoryIdType: 'passport',
      signatoryPassport: 'u1234567',
      hasMersis: false,
      website: null,
    });
    expect(c.data).not.toHaveProperty('signatoryTckn');
    expect(c.data).not.toHaveProperty('mersisNo');
    expect(c.data.signatoryPassport).toBe('U1234567');
    const result = applyPatch(c, { approvedEmails: null }, customer, later);
    expect(result.ok && result.case.data.addressCount).toBe(150000);
    expect(result.ok && result.event?.fields).toEqual(['approvedEmails', 'addressCount']);
  });

  it('returns the same case without an event when nothing changes', () => {
    const c = mustPatch(freshCase(), { tradeTitle: 'Örnek A.Ş.' });
    const result = applyPatch(c, { tradeTitle: '  Örnek A.Ş. ' }, customer, later);
    expect(result).toEqual({ ok: true, case: c, changed: [] });
  });

  it('stores brands, rights, AHS and partner confirmations', () => {
    const c = mustPatch(freshCase(), {
      brands: [
        {
          name: 'Acme',
          smsSenders: ['ACME'],
          callNumbers: ['0212 444 12 34'],
          emailSenders: ['Info@Acme.com.tr'],
          reachBySms: '12.000',
        },
      ],
      brandCodes: { Acme: '654321' },
      partnerRights: {
        Acme: {
          MESAJ: { read: true, write: true },
          ARAMA: { read: false, write: false },
          EPOSTA: { read: true, write: true },
          reconciliation: true,
        },
      },
      ahs: { Acme: [{ name: 'Turkcell', channels: ['MESAJ'] }] },
      partnerConfirmed: { Acme: { at: later, by: 'iys_api' } },
      panelChoice: 'integrator_assigned',
    });
    expect(c.data.brands?.[0]).toEqual({
      name: 'Acme',
      smsSenders: ['ACME'],
      callNumbers: ['+902124441234'],
      emailSenders: ['Info@acme.com.tr'],
      reachBySms: 12000,
    });
    expect(CaseSchema.parse(c)).toEqual(c);
    expect(applyPatch(c, { ahs: { Acme: [{ name: 'X', channels: ['FAX'] }] } }, customer, later).ok).toBe(
      false,
    );
  });

  it('records privacy-notice acceptance', () => {
    const c = acceptPrivacyNotice(freshCase(), '2025-01', customer, later);
    expect(c.privacyNotice).toEqual({ version: '2025-01', at: later });
    expect(hasAcceptedPrivacyNotice(c, '2025-01')).toBe(true);
    expect(hasAcceptedPrivacyNotice(c, '2025-06')).toBe(false);
    expect(c.audit.at(-1)).toMatchObject({ type: 'privacy.accepted' });
  });

  it('adds a channel address once and refreshes it afterwards', () => {
    const address: ChannelAddress = {
      channelId: 'msteams',
      conversationId: 'conv-1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      userId: '29:user',
      botId: '28:bot',
      reference: { activityId: 'a1', conversation: { id: 'conv-1' } },
      addedAt: at,
    };
    const once = upsertChannelAddress(freshCase(), address, customer, at);
    const twice = upsertChannelAddress(
      once,
      { ...address, reference: { activityId: 'a2' } },
      customer,
      later,
    );
    expect(twice.channels).toHaveLength(1);
    expect(twice.channels[0]).toMatchObject({
      addedAt: at,
      lastSeenAt: later,
      reference: { activityId: 'a2' },
    });
    expect(twice.audit.filter((e) => e.type === 'channel.added')).toHaveLength(1);
    expect(CaseSchema.parse(twice)).toEqual(twice);
  });
});
