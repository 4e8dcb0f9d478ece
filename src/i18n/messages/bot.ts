import type { Translations } from '../types';

/** Messages of the bot service itself: what a customer reads when a turn fails. */
export const botTr = {
  'bot.temporaryProblem':
    'Şu anda geçici bir teknik sorun yaşıyoruz; mesajınızı işleyemedim. Daha önce girdiğiniz bilgiler güvende. Lütfen birkaç dakika sonra tekrar yazın.',
  'bot.slowDown':
    'Çok hızlı mesaj geliyor; son mesajlarınızdan bazılarını işleyemedim. Lütfen bir dakika sonra tekrar yazın. / Messages are arriving too fast; I could not process some of them. Please write again in a minute.',
  'bot.slowDownStillProcessing':
    'Mesajlarınız çok hızlı geliyor. Hepsini sırayla işliyorum, ancak yanıtlarım gecikebilir; lütfen biraz daha yavaş yazın.',
  'bot.unsupportedMessage':
    'Bu tür mesajları (çıkartma, konum, ses, kişi kartı…) okuyamıyorum. Lütfen yanıtınızı yazarak ya da düğmelerle gönderin. / I can’t read this kind of message; please type your answer or use the buttons.',
  'bot.unexpectedError':
    'Üzgünüm, beklenmedik bir hata oluştu. Girdiğiniz bilgiler kaybolmadı; lütfen son mesajınızı tekrar gönderin.',
} as const;

export const botEn: Translations<typeof botTr> = {
  'bot.temporaryProblem':
    'We are having a temporary technical problem and could not process your message. What you entered before is safe. Please write again in a few minutes.',
  'bot.slowDown':
    'Messages are arriving too fast; I could not process some of them. Please write again in a minute.',
  'bot.slowDownStillProcessing':
    'Your messages are arriving very quickly. I am processing all of them in order, but my replies may be delayed; please write a little more slowly.',
  'bot.unsupportedMessage':
    'I can’t read this kind of message (sticker, location, voice, contact…). Please type your answer or use the buttons.',
  'bot.unexpectedError':
    'Sorry, something unexpected went wrong. Nothing you entered was lost; please send your last message again.',
};
