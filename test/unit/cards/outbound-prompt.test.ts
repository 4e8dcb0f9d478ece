import {
  CHOICE_VERB,
  OUTBOUND_PROMPT_KEY,
  cardText,
  choicesPrompt,
  formQuestionPrompt,
  outboundChoice,
  outboundPromptOf,
  promptChannelData,
  renderChoicesCard,
  renderSummaryCard,
} from '../../../cards';
import { sampleCaseData } from './sample-case';

describe('outbound prompt', () => {
  it('a choice keeps a title that fits a list row as its short title, else cuts it', () => {
    expect(outboundChoice('yes', 'Evet')).toEqual({ value: 'yes', title: 'Evet', shortTitle: 'Evet' });
    expect(outboundChoice('e', 'Elektronik posta ile gönderilen iletiler').shortTitle).toBe(
      'Elektronik posta ile gö…',
    );
    expect(outboundChoice('e', 'E-posta ile gönderilen iletiler', 'E-posta').shortTitle).toBe('E-posta');
    expect(outboundChoice('x', '**Kalın**   başlık').shortTitle).toBe('Kalın başlık');
  });

  it('travels in channelData and is read back only when it is well formed', () => {
    const prompt = choicesPrompt('Devam?', [outboundChoice('yes', 'Evet')]);
    expect(outboundPromptOf(promptChannelData(prompt))).toEqual(prompt);
    expect(outboundPromptOf({ [OUTBOUND_PROMPT_KEY]: { kind: 'choices', text: 'x' } })).toBeUndefined();
    expect(outboundPromptOf({ promptStyle: 'list' })).toBeUndefined();
    expect(outboundPromptOf(undefined)).toBeUndefined();
  });

  it('a prompt machine question keeps its ids, titles and answer style', () => {
    expect(
      formQuestionPrompt({ text: 'Q', style: 'list', choices: [{ id: '06', title: 'Ankara' }] }),
    ).toEqual({
      kind: 'form-question',
      text: 'Q',
      answer: 'list',
      choices: [{ value: '06', title: 'Ankara', shortTitle: 'Ankara' }],
    });
    expect(formQuestionPrompt({ text: 'Vergi no?', style: 'text' })).toEqual({
      kind: 'form-question',
      text: 'Vergi no?',
      answer: 'typed',
      choices: [],
    });
  });

  it('the choices card is the Teams rendering: one submit per choice carrying its value', () => {
    const card = renderChoicesCard(choicesPrompt('Hangi yol?', [outboundChoice('Online', 'Online')]));
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hangi yol?', wrap: true }]);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Online', data: { verb: CHOICE_VERB, choice: 'Online' } },
    ]);
  });

  it('a card in words keeps its heading and facts', () => {
    const text = cardText(renderSummaryCard({ data: sampleCaseData(), locale: 'tr' }));
    expect(text).toMatch(/^\*\*.+\*\*/);
    expect(text).toContain(sampleCaseData().tradeTitle);
  });
});
