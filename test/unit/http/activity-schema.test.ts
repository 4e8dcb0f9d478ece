import { describeActivityProblems, inboundActivitySchema } from '../../../src/http/activity-schema';

const valid = {
  type: 'message',
  id: 'act-1',
  timestamp: '2024-05-01T09:30:00.1234567Z',
  localTimestamp: '2024-05-01T12:30:00.123+03:00',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:user', name: 'Ayşe', role: 'user', aadObjectId: 'aad-1' },
  recipient: { id: '28:bot', name: 'İYS Asistanı' },
  conversation: { id: 'a:conv', isGroup: false, conversationType: 'personal', tenantId: 't-1' },
  locale: 'tr-TR',
  text: 'merhaba',
  textFormat: 'plain',
  attachments: [{ contentType: 'text/html', content: '<p>merhaba</p>' }],
  entities: [{ type: 'clientInfo', locale: 'tr-TR' }],
  channelData: { tenant: { id: 't-1' } },
  value: { verb: 'form.submit', formId: 'company', nonce: 'n', anything: [1, 2] },
};

describe('inboundActivitySchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a full Teams message', valid],
    [
      'the least a message needs',
      {
        type: 'message',
        channelId: 'emulator',
        serviceUrl: 'http://localhost:1',
        from: { id: 'u' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      },
    ],
    ['null optional fields', { ...valid, text: null, locale: null, attachments: null, name: null }],
    [
      'a conversation update',
      {
        ...valid,
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: '29:user' }, { id: '28:bot' }],
      },
    ],
    ['an invoke with any value', { ...valid, type: 'invoke', name: 'adaptiveCard/action', value: 42 }],
    ['unknown extra fields', { ...valid, somethingNew: { deep: true } }],
  ])('accepts %s', (_label, body) => {
    expect(inboundActivitySchema.safeParse(body).success).toBe(true);
    expect(describeActivityProblems(body)).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['a number as text', { ...valid, text: 42 }, /^text: /],
    ['an object as text', { ...valid, text: { evil: true } }, /^text: /],
    ['a string as from', { ...valid, from: 'user' }, /^from: /],
    ['a from without id', { ...valid, from: { name: 'x' } }, /^from\.id: /],
    ['a numeric from.id', { ...valid, from: { id: 7 } }, /^from\.id: /],
    ['an array as conversation', { ...valid, conversation: ['c'] }, /^conversation: /],
    ['a string isGroup', { ...valid, conversation: { id: 'c', isGroup: 'no' } }, /^conversation\.isGroup: /],
    ['a null recipient', { ...valid, recipient: null }, /^recipient: /],
    ['a numeric locale', { ...valid, locale: 1 }, /^locale: /],
    ['a non-date timestamp', { ...valid, timestamp: 'yesterday' }, /^timestamp: /],
    ['a numeric id', { ...valid, id: 5 }, /^id: /],
    ['attachments as an object', { ...valid, attachments: { contentType: 'x' } }, /^attachments: /],
    [
      'an attachment without contentType',
      { ...valid, attachments: [{ content: 'x' }] },
      /^attachments\.0\.contentType: /,
    ],
    ['membersAdded of strings', { ...valid, membersAdded: ['u'] }, /^membersAdded\.0: /],
    ['channelData as a string', { ...valid, channelData: 'x' }, /^channelData: /],
    ['a missing serviceUrl', { ...valid, serviceUrl: undefined }, /^serviceUrl: /],
    ['not an object at all', 'message', /^\(body\): /],
  ])('refuses %s, naming the field', (_label, body, problem) => {
    expect(describeActivityProblems(body)).toMatch(problem);
  });
});
