import type { Translations } from '../types';

/** Texts shared by all onboarding dialogs: welcome, privacy notice, forms, global commands. */
export const dialogsTr = {
  'dialogs.welcome':
    'Merhaba! Ben {integratorName} İYS kayıt asistanıyım. Şirketinizi İleti Yönetim Sistemi’ne (İYS) kaydetmenize ve {integratorName} firmasını iş ortağınız olarak yetkilendirmenize adım adım yardım edeceğim.',
  'dialogs.sixSteps':
    'Kayıt altı adımda tamamlanır ve her adım bir öncekine bağlıdır: 1) ön başvuru, 2) başvuru durumunun takibi, 3) İYSKod ve BrandKod’ların alınması, 4) İLETİ paketinin satın alınması, 5) {integratorName} firmasının iş ortağı olarak atanması, 6) kodların panelimize girilmesi. İstediğiniz zaman ara verebilirsiniz; kaldığınız yerden devam ederiz.',
  'dialogs.privacy.notice':
    'Aydınlatma metni (sürüm {version}): Bu görüşmede İYS başvurunuz için şirketinizin ve imza yetkilinizin bilgilerini (T.C. kimlik numarası, ad soyad, e-posta, cep telefonu) topluyoruz. Bu bilgiler yalnızca İYS kaydınızı yürütmek için kullanılır, şifreli saklanır ve talebiniz üzerine silinir. Ayrıntılar için {integratorName} KVKK aydınlatma metnine bakabilirsiniz.',
  'dialogs.privacy.question': 'Aydınlatma metnini okudum ve kabul ediyorum.',
  'dialogs.privacy.accept': 'Kabul ediyorum',
  'dialogs.privacy.decline': 'Kabul etmiyorum',
  'dialogs.privacy.declined':
    'Anlıyorum. Kişisel veri paylaşmadan başvurunuzu hazırlayamıyorum. Fikrinizi değiştirirseniz bana yazmanız yeterli; dilerseniz “temsilci” yazarak bir çalışanımızla da görüşebilirsiniz.',
  'dialogs.privacy.thanks': 'Teşekkürler, kaydettim.',
  'dialogs.resume': 'Tekrar hoş geldiniz! Kaldığımız yerden, “{step}” adımından devam ediyoruz.',
  'dialogs.allDone':
    'Tüm adımlar tamamlandı. {integratorName} artık izinlerinizi İYS’ye yükleyebilir. Bir sorunuz olursa “temsilci” yazın.',
  'dialogs.document.received':
    'Dosyanızı aldım ({count} dosya) ve başvurunuza ekledim; destek ekibimiz gerektiğinde inceleyecek.',
  'dialogs.document.beforePrivacy':
    'Dosya almadan önce aydınlatma metnini onaylamanız gerekiyor; dosyanızı kaydetmedim. Onayladıktan sonra yeniden gönderebilirsiniz.',
  'dialogs.form.stale': 'Bu form artık geçerli değil; güncel formu aşağıya bıraktım.',
  'dialogs.form.unexpected': 'Bu yanıtı anlayamadım; formu yeniden gönderiyorum.',
  'dialogs.form.useCard':
    'Lütfen yukarıdaki formu doldurup “Kaydet”e basın. Vazgeçmek için “iptal”, yardım için “yardım” yazabilirsiniz.',
  'dialogs.form.saved': 'Kaydettim.',
  'dialogs.form.savedWithWarnings': 'Kaydettim; yalnızca şunlara bir göz atmanızı öneririm:',
  'dialogs.form.notSaved': 'Bilgiler kaydedilemedi: {reason}',
  'dialogs.command.help':
    'Size İYS kaydınızda adım adım yardım ediyorum. Her an şunları yazabilirsiniz: “durum” (adımların özeti), “menü” (adımlar ve seçenekler), “geri” (önceki soruya dön), “iptal” (bu formu kapat; kaydedilenler kalır), “temsilci” (bir çalışanımızla görüşün) ve “verilerimi sil” (tüm bilgilerinizi silmemizi isteyin). To continue in English, write “english”.',
  'dialogs.command.cancelled':
    'Formu kapattım; şimdiye kadar kaydettikleriniz duruyor. Devam etmek istediğinizde bana yazmanız yeterli.',
  'dialogs.command.back': 'Bir önceki soruya dönüyorum.',
  'dialogs.command.agentQueued':
    'Sizi bir müşteri temsilcimize aktarıyorum. Temsilcimiz bu yazışmayı görecek ve buradan size yazacak.',
  'dialogs.command.agentUnavailable':
    'Şu anda temsilcilerimize buradan bağlanamıyorum. Bize {supportPhone} numarasından ulaşabilirsiniz; ben de buradayım.',
  'dialogs.command.menu': 'Adımlarınızın özeti yukarıda. Devam etmek için bana yazmanız yeterli.',
  'dialogs.choice.yes': 'Evet',
  'dialogs.choice.no': 'Hayır',
  'dialogs.command.language': 'Bundan sonra Türkçe yazıyorum. (To continue in English, write “english”.)',
} as const;

export const dialogsEn: Translations<typeof dialogsTr> = {
  'dialogs.welcome':
    "Hello! I am {integratorName}'s İYS registration assistant. I will help you, step by step, to register your company with the İleti Yönetim Sistemi (İYS) and to authorise {integratorName} as your partner.",
  'dialogs.sixSteps':
    'Registration takes six steps, each depending on the one before: 1) pre-application, 2) following the application, 3) receiving the İYSKod and BrandKods, 4) buying an İLETİ package, 5) assigning {integratorName} as partner, 6) entering the codes in our panel. You can pause at any time; we continue where you left off.',
  'dialogs.privacy.notice':
    "Privacy notice (version {version}): in this chat we collect your company's and signatory's details (Turkish ID number, full name, e-mail, mobile) for your İYS application. They are used only to carry out your İYS registration, stored encrypted and deleted at your request. See {integratorName}'s KVKK notice for details.",
  'dialogs.privacy.question': 'I have read and accept the privacy notice.',
  'dialogs.privacy.accept': 'I accept',
  'dialogs.privacy.decline': 'I do not accept',
  'dialogs.privacy.declined':
    'Understood. I cannot prepare your application without personal data. If you change your mind, just write to me; you can also write “agent” to talk to one of our staff.',
  'dialogs.privacy.thanks': 'Thank you, noted.',
  'dialogs.resume': 'Welcome back! We continue where we left off, at the “{step}” step.',
  'dialogs.allDone':
    'All steps are complete. {integratorName} can now upload your consents to İYS. If you have a question, write “agent”.',
  'dialogs.document.received':
    'I received your file ({count} file(s)) and added it to your application; our support team will review it when needed.',
  'dialogs.document.beforePrivacy':
    'Before I can take files, please accept the privacy notice; I did not keep your file. You can send it again afterwards.',
  'dialogs.form.stale': 'That form is no longer current; here is the up-to-date one.',
  'dialogs.form.unexpected': 'I could not understand that answer; here is the form again.',
  'dialogs.form.useCard':
    'Please fill in the form above and press “Save”. Write “cancel” to leave it or “help” for help.',
  'dialogs.form.saved': 'Saved.',
  'dialogs.form.savedWithWarnings': 'Saved; I would just suggest a look at the following:',
  'dialogs.form.notSaved': 'The details could not be saved: {reason}',
  'dialogs.command.help':
    'I help you with your İYS registration step by step. At any time you can write: “status” (summary of the steps), “menu” (steps and options), “back” (previous question), “cancel” (close this form; what was saved stays), “agent” (talk to our staff) and “delete my data” (have everything we hold about you erased). Türkçe için “türkçe” yazın.',
  'dialogs.command.cancelled':
    'I closed the form; everything saved so far is kept. Just write to me when you want to continue.',
  'dialogs.command.back': 'Going back to the previous question.',
  'dialogs.command.agentQueued':
    'I am passing you to one of our support agents. They will see this conversation and write to you here.',
  'dialogs.command.agentUnavailable':
    'I cannot reach our agents from here right now. You can call us on {supportPhone}; I am still here.',
  'dialogs.command.menu': 'The summary of your steps is above. Just write to me to continue.',
  'dialogs.choice.yes': 'Yes',
  'dialogs.choice.no': 'No',
  'dialogs.command.language':
    'From now on I will write in English. (Türkçe devam etmek için “türkçe” yazın.)',
};
