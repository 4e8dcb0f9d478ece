import type { Translations } from '../types';

/** Messages of the bot service itself (greetings, errors, commands). */
export const botTr = {
  'bot.greeting':
    'Merhaba! Ben {integratorName} İYS kayıt asistanıyım. Şirketinizi İleti Yönetim Sistemi’ne adım adım kaydetmenize yardımcı olacağım.',
  'bot.askTradeTitle': 'Başlamak için şirketinizin ticari unvanını yazar mısınız?',
  'bot.tradeTitleSaved': 'Teşekkürler, ticari unvanınızı “{tradeTitle}” olarak kaydettim.',
  'bot.tradeTitleInvalid': 'Ticari unvan 2 ile 250 karakter arasında olmalı. Lütfen tekrar yazar mısınız?',
  'bot.temporaryProblem':
    'Şu anda geçici bir teknik sorun yaşıyoruz; mesajınızı işleyemedim. Daha önce girdiğiniz bilgiler güvende. Lütfen birkaç dakika sonra tekrar yazın.',
  'bot.unexpectedError':
    'Üzgünüm, beklenmedik bir hata oluştu. Girdiğiniz bilgiler kaybolmadı; lütfen son mesajınızı tekrar gönderin.',
} as const;

export const botEn: Translations<typeof botTr> = {
  'bot.greeting':
    "Hello! I am {integratorName}'s İYS registration assistant. I will help you register your company with the İleti Yönetim Sistemi step by step.",
  'bot.askTradeTitle': "To get started, please type your company's trade title.",
  'bot.tradeTitleSaved': 'Thank you, I saved your trade title as “{tradeTitle}”.',
  'bot.tradeTitleInvalid': 'The trade title must be 2 to 250 characters long. Could you type it again?',
  'bot.temporaryProblem':
    'We are having a temporary technical problem and could not process your message. What you entered before is safe. Please write again in a few minutes.',
  'bot.unexpectedError':
    'Sorry, something unexpected went wrong. Nothing you entered was lost; please send your last message again.',
};
