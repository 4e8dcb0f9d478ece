import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseWebhook } from '../../../src/channels/whatsapp/inbound';
import { whatsAppUserId, type WaInbound } from '../../../src/channels/whatsapp/types';

const FIXTURES = join(__dirname, '../../fixtures/whatsapp');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;

const PHONE_NUMBER_ID = '106540352242922';
const AYSE = '905321112233';
const CAN = '905449998877';
const at = (seconds: number) => new Date(seconds * 1000);

/** Everything personal in the fixtures: none of it may appear in a problem. */
const PERSONAL = [
  '905321112233',
  '905449998877',
  '908505550000',
  'TR.',
  'wamid.',
  'Ayşe',
  'Yılmaz',
  'Mehmet',
  'Can Demir',
  '@mehmet',
  'Merhaba',
  'menü',
  'yardım',
  'Vergi',
  'vergi-levhasi',
  'Fatih',
  'Kabul',
  '1245360217098612',
];

function expectNoPersonalData(problems: readonly string[]): void {
  const text = problems.join('\n');
  for (const value of PERSONAL) expect(text).not.toContain(value);
}

function only(name: string): WaInbound[] {
  const { events, problems } = parseWebhook(fixture(name));
  expect(problems).toEqual([]);
  return events;
}

describe('parseWebhook on Meta-shaped fixtures', () => {
  it('reads a text message, keyed by the phone number when there is no business-scoped id', () => {
    expect(only('text')).toEqual([
      {
        kind: 'message',
        messageId: 'wamid.HBgMOTA1MzIxMTEyMjMzFQIAEhgUM0VCMDRBNzYwREQ0RjMwMjYzMDcA',
        phoneNumberId: PHONE_NUMBER_ID,
        from: { userKey: AYSE, waId: AYSE },
        profileName: 'Ayşe Yılmaz',
        timestamp: at(1767598200),
        source: 'text',
        text: 'Merhaba, İYS kaydı için yazıyorum',
      },
    ]);
  });

  it('keys a username-only customer by the business-scoped id and leaves the phone out', () => {
    const [event] = only('text-username');
    expect(event).toMatchObject({
      kind: 'message',
      from: { userKey: 'TR.1502576394655843' },
      profileName: 'Mehmet Kaya',
      text: 'durum',
    });
    expect(event?.kind === 'message' && 'waId' in event.from).toBe(false);
  });

  it('reads a reply button tap as its id, preferring the business-scoped id as the key', () => {
    expect(only('button_reply')).toEqual([
      expect.objectContaining({
        source: 'button_reply',
        text: 'Kabul ediyorum',
        from: { userKey: 'TR.8830192746501927', waId: AYSE },
        timestamp: at(1767598320),
      }),
    ]);
  });

  it('reads a list row tap as its id', () => {
    expect(only('list_reply')).toEqual([
      expect.objectContaining({ source: 'list_reply', text: 'package:ileti-10k' }),
    ]);
  });

  it('reads a template quick reply as its payload, else its text', () => {
    expect(only('template-quick-reply')).toEqual([
      expect.objectContaining({ source: 'quick_reply', text: 'reminder:iys-code-received' }),
    ]);
    const body = fixture('template-quick-reply');
    const message = messagesOf(body)[0] as Record<string, unknown>;
    message.button = { text: 'İYS kodumu aldım' };
    expect(parseWebhook(body).events[0]).toMatchObject({ source: 'quick_reply', text: 'İYS kodumu aldım' });
  });

  it('reads a document with its caption as the text', () => {
    expect(only('document')).toEqual([
      expect.objectContaining({
        source: 'media',
        text: 'Vergi levhası',
        media: {
          kind: 'document',
          mediaId: '1245360217098612',
          mimeType: 'application/pdf',
          sha256: 'z4xhnjTEUeJ4hY5bO4u0hpyeWNYutM7bPRqwOiFv1hE=',
          filename: 'vergi-levhasi.pdf',
          caption: 'Vergi levhası',
        },
      }),
    ]);
  });

  it('reads an image without a caption as media without text', () => {
    const [event] = only('image');
    expect(event).toMatchObject({
      source: 'media',
      media: { kind: 'image', mediaId: '1034916448132447', mimeType: 'image/jpeg' },
    });
    expect(event?.kind === 'message' && event.text).toBeUndefined();
  });

  it('passes stickers, locations and Meta-unsupported messages on as unsupported', () => {
    const events = only('unsupported-types');
    expect(events.map((e) => e.kind === 'message' && [e.source, e.unsupportedType, e.text])).toEqual([
      ['unsupported', 'sticker', undefined],
      ['unsupported', 'location', undefined],
      ['unsupported', 'unsupported', undefined],
    ]);
  });

  it('reads a delivered status with a pseudonymous recipient', () => {
    expect(only('status-delivered')).toEqual([
      {
        kind: 'status',
        messageId: 'wamid.HBgMOTA1MzIxMTEyMjMzFQIAERgSQjZGOTUwRDRFNzg2MUEzN0VEAA==',
        status: 'delivered',
        timestamp: at(1767598560),
        phoneNumberId: PHONE_NUMBER_ID,
        userId: whatsAppUserId(AYSE),
        errorCodes: [],
      },
    ]);
  });

  it('reads a failed status with its error codes, keyed by the business-scoped id', () => {
    expect(only('status-failed')).toEqual([
      expect.objectContaining({
        status: 'failed',
        userId: whatsAppUserId('TR.8830192746501927'),
        errorCodes: [131047],
      }),
    ]);
  });

  it('reads a batch of entries and changes in payload order and reports the field it does not handle', () => {
    const { events, problems } = parseWebhook(fixture('batch'));
    expect(events.map((e) => [e.kind, e.kind === 'message' ? e.from.userKey : e.status])).toEqual([
      ['message', AYSE],
      ['message', CAN],
      ['status', 'sent'],
      ['status', 'read'],
      ['message', CAN],
    ]);
    expect(events[1]).toMatchObject({ profileName: 'Can Demir', text: 'yardım' });
    expect(events[4]).toMatchObject({ source: 'button_reply', text: 'geri', profileName: 'Can Demir' });
    expect(problems).toEqual([
      'entry[1].changes[1] ignored: field "message_template_status_update" is not handled',
    ]);
  });
});

function messagesOf(body: Record<string, unknown>, entry = 0, change = 0): unknown[] {
  const entries = body.entry as { changes: { value: { messages: unknown[] } }[] }[];
  return (entries[entry]?.changes[change]?.value.messages ?? []) as unknown[];
}

function statusesOf(body: Record<string, unknown>): unknown[] {
  const entries = body.entry as { changes: { value: { statuses: unknown[] } }[] }[];
  return entries[0]?.changes[0]?.value.statuses ?? [];
}

describe('parseWebhook on damaged payloads', () => {
  it('ignores what is not a WhatsApp Business Account webhook, without throwing', () => {
    for (const body of [null, undefined, 42, 'text', [], {}, { object: 'page', entry: [] }, { entry: 'x' }]) {
      const { events, problems } = parseWebhook(body);
      expect(events).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^payload ignored/);
    }
  });

  it('skips one bad entry, change, message or status and keeps the good ones', () => {
    const body = fixture('batch');
    const entries = body.entry as unknown[];
    entries.push('not an entry', { changes: [42, { field: 'messages', value: { metadata: {} } }] });
    const messages = messagesOf(body);
    messages.splice(1, 0, { id: 'wamid.HBgMOTA1MzIxMTEyMjMzFQIAEhgUBAD', from: AYSE, type: 'text' });
    const statuses = (body.entry as { changes: { value: { statuses?: unknown[] } }[] }[])[0]?.changes[1]
      ?.value.statuses as unknown[];
    statuses.push({ id: 'wamid.x', status: 'sent', recipient_id: AYSE, timestamp: 'yesterday' });

    const { events, problems } = parseWebhook(body);
    expect(events).toHaveLength(5);
    expect(problems).toEqual([
      'entry[0].changes[0].messages[1] skipped (timestamp: invalid_union)',
      'entry[0].changes[1].statuses[2] skipped (timestamp: invalid_union)',
      'entry[1].changes[1] ignored: field "message_template_status_update" is not handled',
      'entry[2] skipped ((root): invalid_type)',
      'entry[3].changes[0] skipped ((root): invalid_type)',
      'entry[3].changes[1] skipped (metadata.phone_number_id: invalid_type)',
    ]);
    expectNoPersonalData(problems);
  });

  it('passes on a message whose content is malformed as unsupported, with a problem', () => {
    const body = fixture('text');
    (messagesOf(body)[0] as Record<string, unknown>).text = { body: 905321112233 };
    const { events, problems } = parseWebhook(body);
    expect(events).toEqual([expect.objectContaining({ source: 'unsupported', unsupportedType: 'text' })]);
    expect(problems).toEqual([
      'entry[0].changes[0].messages[0]: text content malformed (body: invalid_type); passed on as unsupported',
    ]);
  });

  it('passes on interactive replies other than buttons and list rows as unsupported', () => {
    const body = fixture('button_reply');
    (messagesOf(body)[0] as Record<string, unknown>).interactive = {
      type: 'nfm_reply',
      nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"vkn":"1234567890"}' },
    };
    expect(parseWebhook(body).events[0]).toMatchObject({
      source: 'unsupported',
      unsupportedType: 'interactive.nfm_reply',
    });
  });

  it('skips a message without any sender id, and finds the sender among several contacts', () => {
    const body = fixture('batch');
    const messages = messagesOf(body);
    const first = messages[0] as Record<string, unknown>;
    delete first.from;
    const { events, problems } = parseWebhook(body);
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(2);
    expect(problems[0]).toBe(
      'entry[0].changes[0].messages[0] skipped: no sender (neither a user id nor a phone number)',
    );
  });

  it('takes the only contact for a message that names no sender itself', () => {
    const body = fixture('text-username');
    delete (messagesOf(body)[0] as Record<string, unknown>).from_user_id;
    expect(parseWebhook(body).events[0]).toMatchObject({ from: { userKey: 'TR.1502576394655843' } });
  });

  it('accepts numeric timestamps and error codes sent as strings', () => {
    const body = fixture('status-failed');
    const status = statusesOf(body)[0] as Record<string, unknown>;
    status.timestamp = 1767684960;
    (status.errors as Record<string, unknown>[])[0]!.code = '131047';
    expect(parseWebhook(body).events[0]).toMatchObject({ timestamp: at(1767684960), errorCodes: [131047] });
  });

  it('ignores statuses it does not know and never echoes an unexpected word', () => {
    const body = fixture('status-delivered');
    const statuses = statusesOf(body);
    statuses.push(
      { ...(statuses[0] as object), status: 'deleted' },
      { ...(statuses[0] as object), status: AYSE },
    );
    const { events, problems } = parseWebhook(body);
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      'entry[0].changes[0].statuses[1] ignored: status "deleted" is not handled',
      'entry[0].changes[0].statuses[2] ignored: status (unrecognised) is not handled',
    ]);
  });

  it('never throws and never puts personal data in problems, whatever part of a fixture is damaged', () => {
    const names = readdirSync(FIXTURES).map((f) => f.replace(/\.json$/, ''));
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        (name, pick, replacement) => {
          const body = fixture(name);
          const slots = slotsOf(body);
          const slot = slots[pick % slots.length];
          if (slot) (slot.parent as Record<string, unknown>)[slot.key] = replacement;
          const { problems } = parseWebhook(body);
          expectNoPersonalData(problems);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Every place in a JSON value where a value sits, to damage one of them. */
function slotsOf(value: unknown): { parent: object; key: string | number }[] {
  const slots: { parent: object; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        slots.push({ parent: v, key: i });
        walk(item);
      });
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        slots.push({ parent: v, key });
        walk(item);
      }
    }
  };
  walk(value);
  return slots;
}
