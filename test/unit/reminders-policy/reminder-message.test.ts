import {
  ACTIONS_BY_KIND,
  MAX_ACTION_TITLE_LENGTH,
  escalationNote,
  reminderMessage,
} from '../../../src/domain/reminders';
import { remindersEn, remindersTr } from '../../../src/i18n/messages/reminders';
import { REMINDER_KINDS } from '../../../src/domain/reminders/reminder-kinds';

const LOCALES = ['tr', 'en'] as const;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('reminder messages', () => {
  it.each(LOCALES)('offers at most three buttons of ≤ 20 characters per kind (%s)', (locale) => {
    for (const kind of REMINDER_KINDS) {
      const { actions } = reminderMessage(kind, locale, { tradeTitle: 'Örnek Ticaret A.Ş.' });
      expect(actions.length).toBeGreaterThanOrEqual(2);
      expect(actions.length).toBeLessThanOrEqual(3);
      for (const { title } of actions) {
        expect(title.length).toBeGreaterThan(0);
        expect([...title].length).toBeLessThanOrEqual(MAX_ACTION_TITLE_LENGTH);
      }
      expect(new Set(actions.map((a) => a.value)).size).toBe(actions.length);
    }
  });

  it('holds every button title in both catalogs to 20 characters', () => {
    for (const catalog of [remindersTr, remindersEn] as Record<string, string>[]) {
      const titles = Object.entries(catalog).filter(([key]) => key.startsWith('reminders.action.'));
      expect(titles.length).toBe(6);
      for (const [, title] of titles) expect([...title].length).toBeLessThanOrEqual(MAX_ACTION_TITLE_LENGTH);
    }
  });

  it('names the one-tap actions the issue asks for, in Turkish', () => {
    const titles = (kind: (typeof REMINDER_KINDS)[number]) =>
      reminderMessage(kind, 'tr').actions.map((a) => a.title);
    expect(titles('awaiting_iys_code')).toEqual(['Kodlarım geldi', 'Temsilciyle görüş']);
    expect(titles('awaiting_partner_confirmation')).toEqual(['Atamayı yaptım', 'Temsilciyle görüş']);
    expect(titles('payment_pending')).toEqual(['Paketim aktif', 'Ödemeyi yaptım', 'Temsilciyle görüş']);
    expect(ACTIONS_BY_KIND.form_abandoned).toContain('talkToAgent');
  });

  it('says what is pending, with the trade title and order code when given', () => {
    const { text } = reminderMessage('payment_pending', 'tr', {
      tradeTitle: 'Örnek Ticaret A.Ş.',
      orderCode: 'SIP-2025-001',
    });
    expect(text).toContain('Örnek Ticaret A.Ş. için İYS kaydınızla ilgili');
    expect(text).toContain('sipariş kodu: SIP-2025-001');
    expect(reminderMessage('awaiting_iys_code', 'en').text).toContain('İYSKod');
  });

  it.each(LOCALES)('leaves no placeholder unfilled, with or without params (%s)', (locale) => {
    for (const kind of REMINDER_KINDS) {
      expect(reminderMessage(kind, locale).text).not.toMatch(/[{}]/);
      expect(reminderMessage(kind, locale, { tradeTitle: 'X Ltd.', orderCode: 'A1' }).text).not.toMatch(
        /[{}]/,
      );
    }
  });

  it('has the same keys and placeholders in Turkish and English', () => {
    expect(Object.keys(remindersEn).sort()).toEqual(Object.keys(remindersTr).sort());
    for (const [key, tr] of Object.entries(remindersTr)) {
      expect([key, placeholders(remindersEn[key as keyof typeof remindersEn])]).toEqual([
        key,
        placeholders(tr),
      ]);
    }
  });
});

describe('escalation note', () => {
  it('names the case, the wait and the count, and nothing about the person', () => {
    const note = escalationNote('awaiting_partner_confirmation', 'tr', {
      caseId: 'c_AbC123',
      remindersSent: 3,
      since: new Date('2025-03-03T07:00:00Z'),
    });
    expect(note).toContain('c_AbC123');
    expect(note).toContain('İş Ortağı ataması bekleniyor');
    expect(note).toContain('3 hatırlatma');
    expect(note).toContain('2025-03-03');
    expect(note).not.toMatch(/[{}]/);
    const en = escalationNote('payment_pending', 'en', {
      caseId: 'c_AbC123',
      remindersSent: 3,
      since: new Date('2025-03-03T07:00:00Z'),
    });
    expect(en).toContain('Waiting for the bank transfer');
  });
});
