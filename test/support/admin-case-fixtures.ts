import { STEP_IDS, upsertChannelAddress, type Case } from '../../src/domain/case';
import { AT, caseAt, moved, SYSTEM } from './case-fixtures';

const DAY_MS = 24 * 3600_000;

export const SIGNATORY = {
  signatoryIdType: 'tckn',
  signatoryTckn: '17291716060',
  signatoryName: 'Ayşe Yılmaz',
  signatoryEmail: 'ayse.yilmaz@anadolutekstil.com.tr',
  signatoryMobile: '+905321234567',
};

/** A trade title a spreadsheet would run as a formula, with a comma and quotes for RFC 4180 quoting. */
export const FORMULA_TITLE = '=HYPERLINK("http://x") Kötü, "Ünvan" A.Ş.';

function on(current: Case, channelId: string): Case {
  const conversationId = `conv-${current.id}`;
  return upsertChannelAddress(
    current,
    {
      channelId,
      conversationId,
      serviceUrl: 'http://127.0.0.1:1',
      userId: `u-${current.id}`,
      botId: 'bot',
      reference: { channelId, conversation: { id: conversationId } },
      addedAt: AT,
    },
    SYSTEM,
    AT,
  );
}

function idle(current: Case, days: number, now: number): Case {
  return { ...current, updatedAt: new Date(now - days * DAY_MS - 60_000).toISOString() };
}

/**
 * Five cases an operations console would show: stuck at the codes, waiting for a partner assignment on
 * WhatsApp, just started (with a formula-like trade title), finished, and waiting for a package payment.
 * Ids carry `tag` so suites sharing a Redis never see each other's cases.
 */
export function operationsCases(tag: string, now = Date.now()): Case[] {
  const brand = (name: string) => ({ name, smsSenders: ['ANADOLU'] });
  const stuckAtCodes = caseAt(
    `c_${tag}_anadolu`,
    { tradeTitle: 'Anadolu Tekstil A.Ş.', vkn: '4540536920', ...SIGNATORY, brands: [brand('Anadolu')] },
    ['preApplication', 'applicationStatus'],
  );
  const partner = caseAt(
    `c_${tag}_bogazici`,
    {
      tradeTitle: 'Boğaziçi Gıda Ltd. Şti.',
      brands: [brand('Boğaziçi'), brand('Lezzet')],
      iysCode: '123456',
      brandCodes: { Boğaziçi: '123456', Lezzet: '123457' },
    },
    ['preApplication', 'applicationStatus', 'codes', 'package'],
  );
  const fresh = caseAt(`c_${tag}_formula`, { tradeTitle: FORMULA_TITLE }, []);
  const finished = caseAt(`c_${tag}_deniz`, { tradeTitle: 'Deniz Lojistik A.Ş.' }, [...STEP_IDS]);
  const payment = caseAt(`c_${tag}_ege`, { tradeTitle: 'Ege Yazılım A.Ş.' }, [
    'preApplication',
    'applicationStatus',
    'codes',
  ]);
  return [
    idle(on(moved(stuckAtCodes, 'codes', 'in_progress', 'waiting'), 'msteams'), 12, now),
    idle(on(moved(partner, 'partnerAssignment', 'in_progress', 'waiting'), 'whatsapp'), 3, now),
    idle(on(moved(fresh, 'preApplication', 'in_progress'), 'msteams'), 0, now),
    idle(on(finished, 'webchat'), 1, now),
    idle(on(moved(payment, 'package', 'in_progress', 'waiting'), 'msteams'), 30, now),
  ];
}

/** Resolves once the bot answers /readyz (Redis connected), so seeding does not race the connection. */
export async function untilReady(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(`${url}/readyz`)).ok) {
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
