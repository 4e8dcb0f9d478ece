import type { Translations } from '../types';

/** Messages of the bot service itself: what a customer reads when a turn fails. */
export const botTr = {
  'bot.temporaryProblem':
    'Şu anda geçici bir teknik sorun yaşıyoruz; mesajınızı işleyemedim. Daha önce girdiğiniz bilgiler güvende. Lütfen birkaç dakika sonra tekrar yazın.',
  'bot.unexpectedError':
    'Üzgünüm, beklenmedik bir hata oluştu. Girdiğiniz bilgiler kaybolmadı; lütfen son mesajınızı tekrar gönderin.',
} as const;

export const botEn: Translations<typeof botTr> = {
  'bot.temporaryProblem':
    'We are having a temporary technical problem and could not process your message. What you entered before is safe. Please write again in a few minutes.',
  'bot.unexpectedError':
    'Sorry, something unexpected went wrong. Nothing you entered was lost; please send your last message again.',
};
