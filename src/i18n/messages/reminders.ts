import type { Translations } from '../types';

/**
 * Reminders sent outside a conversation turn, their one-tap actions and the note support receives on
 * escalation. Button titles stay within 20 characters (WhatsApp's reply-button limit). No personal data:
 * the only placeholders are the trade title, the order code and case facts.
 */
export const remindersTr = {
  'reminders.intro.company': '{tradeTitle} için İYS kaydınızla ilgili kısa bir hatırlatma:',
  'reminders.intro.generic': 'İYS kaydınızla ilgili kısa bir hatırlatma:',
  'reminders.awaiting_iys_code.text':
    'İYSKod ve BrandKod numaralarınızı bekliyoruz. İYS bu numaraları başvurunuz onaylanınca e-postayla gönderir; başvuru numaranız İYSKod değildir. Kodlarınız geldiyse “Kodlarım geldi” düğmesine dokunun, birlikte kaydedelim.',
  'reminders.payment_pending.text':
    'İLETİ paketinizin havale/EFT ödemesi bekleniyor (sipariş kodu: {orderCode}). Havale açıklamasına sipariş kodunu ve ticari unvanınızı yazmayı unutmayın; ödeme ulaşınca paketiniz kendiliğinden etkinleşir. Paketiniz aktifse “Paketim aktif” düğmesine dokunun.',
  'reminders.payment_pending.textNoCode':
    'İLETİ paketinizin havale/EFT ödemesi bekleniyor. Havale açıklamasına İYS panelindeki sipariş kodunu ve ticari unvanınızı yazmayı unutmayın; ödeme ulaşınca paketiniz kendiliğinden etkinleşir. Paketiniz aktifse “Paketim aktif” düğmesine dokunun.',
  'reminders.awaiting_partner_confirmation.text':
    'İş Ortağı atamanızın tamamlandığını henüz göremedik. İYS panelinde Marka Yönetimi → “İş Ortağı Ekle” ile her markanız için bizi seçin, kanalları ve yetkileri işaretleyip “Yetkilendir” düğmesine basın. Atamayı yaptıysanız “Atamayı yaptım” düğmesine dokunun, kontrol edelim.',
  'reminders.form_abandoned.text':
    'Doldurmaya başladığınız form yarım kaldı. Birkaç dakikanızı ayırırsanız kaldığımız yerden devam edebiliriz.',
  'reminders.action.codesArrived': 'Kodlarım geldi',
  'reminders.action.assignmentDone': 'Atamayı yaptım',
  'reminders.action.paymentMade': 'Ödemeyi yaptım',
  'reminders.action.packageActive': 'Paketim aktif',
  'reminders.action.resumeForm': 'Devam edelim',
  'reminders.action.talkToAgent': 'Temsilciyle görüş',
  'reminders.kind.awaiting_iys_code': 'İYSKod bekleniyor',
  'reminders.kind.awaiting_partner_confirmation': 'İş Ortağı ataması bekleniyor',
  'reminders.partner.stillMissing': 'İYS’de henüz görünmeyen marka veya kanallar: {items}.',
  'reminders.kind.payment_pending': 'Havale/EFT ödemesi bekleniyor',
  'reminders.kind.form_abandoned': 'Form yarım bırakıldı',
  'reminders.escalation.note':
    'Destek gerekiyor, dosya {case}: {pending}. {count} hatırlatma gönderildi ama ilerleme yok (bekleme başlangıcı: {since}). Müşteriyle iletişime geçip nerede takıldığını öğrenin.',
} as const;

export const remindersEn: Translations<typeof remindersTr> = {
  'reminders.intro.company': 'A quick reminder about the İYS registration of {tradeTitle}:',
  'reminders.intro.generic': 'A quick reminder about your İYS registration:',
  'reminders.awaiting_iys_code.text':
    'We are waiting for your İYSKod and BrandKod numbers. İYS e-mails them once your application is approved; your application number is not the İYSKod. If your codes have arrived, tap “My codes arrived” and we will record them together.',
  'reminders.payment_pending.text':
    'The bank transfer for your İLETİ package is still pending (order code: {orderCode}). Put the order code and your trade title in the transfer description; the package activates by itself when the money arrives. If your package is active, tap “Package is active”.',
  'reminders.payment_pending.textNoCode':
    'The bank transfer for your İLETİ package is still pending. Put the order code shown in the İYS panel and your trade title in the transfer description; the package activates by itself when the money arrives. If your package is active, tap “Package is active”.',
  'reminders.awaiting_partner_confirmation.text':
    'We cannot see your partner (İş Ortağı) assignment as complete yet. In the İYS panel, go to Marka Yönetimi → “İş Ortağı Ekle”, choose us for each brand, tick the channels and rights and press “Yetkilendir”. If you have done it, tap “Assignment done” and we will check.',
  'reminders.form_abandoned.text':
    'The form you started is only half filled. If you can spare a few minutes, we can pick up where we left off.',
  'reminders.action.codesArrived': 'My codes arrived',
  'reminders.action.assignmentDone': 'Assignment done',
  'reminders.action.paymentMade': 'I have paid',
  'reminders.action.packageActive': 'Package is active',
  'reminders.action.resumeForm': 'Continue the form',
  'reminders.action.talkToAgent': 'Talk to an agent',
  'reminders.kind.awaiting_iys_code': 'Waiting for the İYSKod',
  'reminders.kind.awaiting_partner_confirmation': 'Waiting for the partner assignment',
  'reminders.partner.stillMissing': 'Brands or channels not yet visible in İYS: {items}.',
  'reminders.kind.payment_pending': 'Waiting for the bank transfer',
  'reminders.kind.form_abandoned': 'Form left half-filled',
  'reminders.escalation.note':
    'Support needed, case {case}: {pending}. {count} reminders sent without progress (waiting since {since}). Please contact the customer and find out where they are stuck.',
};
