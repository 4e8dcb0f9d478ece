import type { Activity } from 'botbuilder';
import { CHOICE_VERB } from '../../../dialogs/base/choices';
import { parseCommand, readChoicePick } from '../../../dialogs/base/commands';

describe('command parsing of button taps', () => {
  it('reads every "talk to an agent" tap as the agent command (reminder id, either title, any case)', () => {
    for (const tap of [
      'reminder.talk_to_agent',
      'Talk to an agent',
      'Temsilciyle görüş',
      'TEMSİLCİYLE GÖRÜŞ',
    ])
      expect(parseCommand(tap)).toBe('agent');
    expect(parseCommand('temsilci')).toBe('agent');
    expect(parseCommand('temsilci olmak istiyorum')).toBeUndefined();
  });

  it('takes commands typed without Turkish letters, in any case, with trailing punctuation', () => {
    expect(parseCommand('yardim')).toBe('help');
    expect(parseCommand('MENU')).toBe('menu');
    expect(parseCommand('vazgec!')).toBe('cancel');
    expect(parseCommand('musteri  temsilcisi')).toBe('agent');
    expect(parseCommand('turkce')).toBe('turkish');
    expect(parseCommand('kisisel verilerimi sil.')).toBe('erase');
    expect(parseCommand('Temsilciyle gorus')).toBe('agent');
    expect(parseCommand('?')).toBe('help');
    // Still only whole messages: a sentence that starts with a command word is an answer.
    expect(parseCommand('geri odeme')).toBeUndefined();
  });

  it('reads a choice button submitted without text as the text the customer would have typed', () => {
    const picked: Partial<Activity> = { text: '', value: { verb: CHOICE_VERB, choice: 'Evet' } };
    readChoicePick(picked);
    expect(picked.text).toBe('Evet');
    const typed: Partial<Activity> = { text: 'hayır', value: { verb: CHOICE_VERB, choice: 'Evet' } };
    readChoicePick(typed);
    expect(typed.text).toBe('hayır');
    const form: Partial<Activity> = { value: { verb: 'form.submit', choice: 'Evet' } };
    readChoicePick(form);
    expect(form.text).toBeUndefined();
  });
});
