import type { Translations } from '../types';

/** Texts of steps 3–6: İYSKod/BrandKod, İLETİ package, partner (İş Ortağı) assignment, panel details. */
export const dialogsLateTr = {
  'dialogs.codes.intro':
    'Başvurunuz onaylandığında İYS, şirketinize bir İYS numarası (İYSKod) ve her markanıza bir BrandKod gönderir; ikisi de onay e-postasında yer alır. Ön başvuru numarası (ör. MX3ZB5JA) İYSKod değildir.',
  'dialogs.codes.noBrand':
    'Kayıtlı bir markanız henüz yok. BrandKod’ları doğru markayla eşleştirebilmem için önce markanızın bilgilerini alayım.',
  'dialogs.codes.moreBrands': 'İleti gönderdiğiniz başka bir markanız da var mı?',
  'dialogs.codes.summary': 'Kaydettiğim numaralar:\n\n{codes}',
  'dialogs.codes.line.iysCode': 'İYSKod: {code}',
  'dialogs.codes.line.brandCode': 'BrandKod ({brand}): {code}',
  'dialogs.codes.missing': '—',
  'dialogs.codes.mainBrandHint':
    'Not: Ana markanın BrandKod’u çoğu zaman İYSKod ile aynıdır, sizinkiler farklı görünüyor. Bu bir kural değil; yalnızca onay e-postasından bir kez daha bakmanızı öneririm.',
  'dialogs.codes.confirm': 'Doğru mu?',
  'dialogs.codes.verified':
    'İYS’de kontrol ettim: İYSKod’unuz ve tüm BrandKod’larınız İYS’deki kayıtla eşleşiyor.',
  'dialogs.codes.unknownIysCode':
    'İYS’de kontrol ettim: {iysCode} numarasıyla kayıtlı bir hizmet sağlayıcı bulamadım. Başvuru numaranızı değil, onay e-postasındaki İYS numarasını girdiğinizden emin olun.',
  'dialogs.codes.mismatch': 'İYS’de kontrol ettim; şu BrandKod’lar İYS’deki kayıtla eşleşmiyor:\n\n{lines}',
  'dialogs.codes.mismatchLine': '- {brand}',
  'dialogs.codes.mismatchSuggestion': '- {brand}: İYS’de bu isimdeki markanın BrandKod’u {code}',
  'dialogs.codes.fix': 'Peki, düzeltelim. Formu kayıtlı bilgilerle yeniden açıyorum.',
  'dialogs.codes.done': 'Teşekkürler, İYSKod ve BrandKod’larınızı kaydettim.',
  'dialogs.codes.paused':
    'Peki, formu kapattım. Numaralar elinizdeyken bana yazmanız yeterli; kaldığımız yerden devam ederiz.',

  'dialogs.package.intro':
    'Sırada İLETİ paketi var. İYS’de her şirket ücretsiz Temel Hizmetler’i kullanabilir; ancak Temel Hizmetler izinleri yalnızca İYS web sitesinden yönetmenizi sağlar ve entegrasyon (API) modülü içermez. Bu yüzden {integratorName} firmasını iş ortağınız olarak yetkilendirmek için entegrasyon modüllü bir İLETİ paketi gerekir. Paket, onaylı telefon numarası ve onaylı e-posta adresi sayılarınızdan büyük olanına göre seçilir.',
  'dialogs.package.recommendation': 'Önerim: {package}. {reason}',
  'dialogs.package.contactIys':
    'Bu adres sayısı için {package} gerekir; fiyat ve koşulları İYS ile görüşerek belirlersiniz. Kurumsal e-posta adresinizden satis@iys.org.tr’ye yazarak teklif isteyin; taslağı aşağıya hazırladım.',
  'dialogs.package.panelRoute':
    'İYS panelinden satın almak için: imza yetkiliniz e-Devlet ile İYS’ye girer → Paket Yönetimi → “Paket değiştir” → {package} paketini seçin → sözleşmeyi onaylayın → ödemeyi yapın. Kredi kartıyla (taksit seçenekleriyle) ya da havale/EFT ile ödeyebilirsiniz. Havale/EFT’de size özel bir sipariş kodu oluşur; havale açıklamasına bu sipariş kodunu ve ticari unvanınızı mutlaka yazın. Ödeme ulaştığında paketiniz kendiliğinden etkinleşir. Ödemeyle ilgili bir sorun yaşarsanız muhasebe@iys.org.tr adresine yazabilirsiniz.',
  'dialogs.package.emailRoute':
    'Dilerseniz paketi e-postayla da isteyebilirsiniz: şirketinizin kurumsal e-posta adresinden satis@iys.org.tr’ye teklif talebi gönderin. İYS teklif bağlantısını e-postayla yollar; ardından sözleşmeyi onaylayıp ödemeyi yaparsınız. Hazır taslak aşağıda.',
  'dialogs.package.statusQuestion': 'Paketiniz ne durumda?',
  'dialogs.package.choice.active': 'Paketim aktif',
  'dialogs.package.choice.transfer': 'Havale/EFT yaptım, bekliyorum',
  'dialogs.package.choice.basic': 'Temel Hizmetler’i kullanacağım',
  'dialogs.package.choice.later': 'Daha sonra',
  'dialogs.package.choice.notYet': 'Henüz değil',
  'dialogs.package.choice.agent': 'Temsilciye bağlan',
  'dialogs.package.active': 'Harika! Paketinizin aktif olduğunu kaydettim.',
  'dialogs.package.askOrderCode':
    'Havale/EFT için İYS panelinde oluşan sipariş kodunu yazar mısınız? Ödemenizi bu kodla eşleştireceğiz.',
  'dialogs.package.orderCodeInvalid': 'Sipariş kodu 1–60 karakter olmalı. Lütfen paneldeki kodu yazın.',
  'dialogs.package.waiting':
    'Teşekkürler, {orderCode} sipariş kodunu kaydettim. Havale açıklamasında sipariş kodunun ve ticari unvanınızın yazdığından emin olun. Ödeme İYS’ye ulaşınca paketiniz kendiliğinden etkinleşir; etkinleştiğinde bana yazın, iş ortağı atamasına geçelim. Ödemeyle ilgili bir sorun olursa muhasebe@iys.org.tr adresine yazabilirsiniz.',
  'dialogs.package.basic':
    'Anlıyorum. Temel Hizmetler ücretsizdir ve izinlerinizi İYS web sitesinden yönetmenizi sağlar; ancak entegrasyon (API) modülü içermediği için {integratorName} firmasını iş ortağınız olarak atayamazsınız ve izinlerinizi sizin adınıza yükleyemeyiz. Bunun için bir İLETİ paketi gerekir. Paketinizin adres sayınıza göre ücretsiz olabileceğini de hatırlatayım. Kararınızı değiştirirseniz bana yazmanız yeterli; sorularınız için “temsilci” yazarak bir çalışanımızla görüşebilirsiniz.',
  'dialogs.package.later':
    'Peki. Paketi aldığınızda ya da ödemeyi yaptığınızda bana yazın; kaldığımız yerden devam ederiz.',
  'dialogs.package.waitingQuestion':
    'Havale/EFT ödemenizin ulaşmasını bekliyorduk (sipariş kodu: {orderCode}). Paketiniz şimdi aktif mi?',
  'dialogs.package.stillWaiting':
    'Anlaşıldı, beklemeye devam ediyoruz. Ödeme ulaştığında paketiniz kendiliğinden etkinleşir. Bir sorun görürseniz sipariş kodunuzla birlikte muhasebe@iys.org.tr adresine yazabilirsiniz.',
  'dialogs.package.noOrderCode': 'henüz kaydedilmedi',

  'dialogs.partner.intro':
    'Sırada iş ortağı ataması var: {integratorName} firmasını her markanız için İYS’de iş ortağınız olarak yetkilendireceksiniz. Önce her marka için bize hangi kanalda hangi yetkileri vereceğinizi kaydedelim.',
  'dialogs.partner.noBrands':
    'Kayıtlı bir markanız görünmüyor; iş ortağı ataması marka bazında yapılır. Lütfen “temsilci” yazarak bir çalışanımızla görüşün.',
  'dialogs.partner.summaryTitle': 'Markalarınız için kaydettiğim yetkiler:',
  'dialogs.partner.brandLine': '{brand}: {rights}',
  'dialogs.partner.reconciliation': 'Mutabakat Yönetimi',
  'dialogs.partner.noRights': 'yetki seçilmedi',
  'dialogs.partner.ahsLine': '{brand} için AHS: {name} ({channels}), yalnızca okuma',
  'dialogs.partner.panelRoute':
    'İYS panelinden yetkilendirmek için: İYS paneline yalnızca şirketinizin imza yetkilisi e-Devlet ile girebilir. Marka Yönetimi sekmesinde her marka için “İş Ortağı Ekle” → listeden {partner} seçin → yukarıdaki kanalları ve yetkileri işaretleyin (Mesaj / Arama / E-posta için Okuma ve Yazma, ayrıca Mutabakat Yönetimi) → “Yetkilendir”e basın.',
  'dialogs.partner.partner': '{name} firmasını',
  'dialogs.partner.partnerWithCode': '{name} firmasını (iş ortağı kodu: {code})',
  'dialogs.partner.otherUsers':
    'Panele imza yetkilisi dışında birinin girmesi gerekiyorsa bilgi@iys.org.tr adresinden “İleti Yönetim Sistemi Yetkilendirme Talep Formu”nu isteyebilirsiniz.',
  'dialogs.partner.ahsRoute':
    'AHS için: aynı ekranda ilgili markada “AHS Ekle” → listeden {name} adlı aracı hizmet sağlayıcıyı seçin → yalnızca okuma yetkisi verin ve yalnızca taşıdığı kanalları ({channels}) işaretleyin.',
  'dialogs.partner.emailRoute':
    'Panel yerine e-postayla da başvurabilirsiniz: aşağıdaki atama formunu kontrol edip kendi adresinizden isortagim@iys.org.tr’ye gönderin; {integratorName} bilgi (cc) olarak ekli.',
  'dialogs.partner.under5000':
    'Onaylı adres sayınız 5.000’in altında olduğu için bunu formda açıkça beyan etmeniz gerekir; e-posta taslağına beyan satırını ekledim.',
  'dialogs.partner.declareQuestion': 'Atamayı yaptığınızda bana haber verin.',
  'dialogs.partner.choice.declared': 'Atamayı yaptım',
  'dialogs.partner.choice.later': 'Daha sonra',
  'dialogs.partner.choice.agent': 'Temsilciye bağlan',
  'dialogs.partner.choice.again': 'Atamayı yeniden yaptım',
  'dialogs.partner.choice.change': 'Yetkileri değiştirmek istiyorum',
  'dialogs.partner.choice.wait': 'Beklemeye devam',
  'dialogs.partner.declared':
    'Teşekkürler! {integratorName} atamanızı İYS üzerinden kontrol edip onaylayacak. Onaylandıktan sonra son adımla devam ederiz; durumu görmek için istediğiniz zaman “durum” yazabilirsiniz.',
  'dialogs.partner.later': 'Peki. Atamayı yaptığınızda bana yazın; kaldığımız yerden devam ederiz.',
  'dialogs.partner.pending':
    'İş ortağı atamanızın onayını bekliyoruz. {integratorName} atamayı İYS üzerinden doğruladığında son adıma geçeceğiz.',
  'dialogs.partner.pendingConfirmed': 'Onaylanan markalar: {brands}.',
  'dialogs.partner.pendingOpen': 'Onay bekleyen markalar: {brands}.',
  'dialogs.partner.pendingQuestion': 'Bu arada ne yapmak istersiniz?',
  'dialogs.partner.redeclared':
    'Teşekkürler, yeni bildiriminizi kaydettim; atamanızı yeniden kontrol edeceğiz.',
  'dialogs.partner.keepWaiting': 'Peki, onay geldiğinde kaldığımız yerden devam ederiz.',

  'dialogs.panel.intro':
    'Son adım! {integratorName} panelinde ({panelUrl}) aşağıdaki numaraları girin ve “{integratorName} firmasını iş ortağım olarak atadım” kutusunu işaretleyin:\n\n{codes}',
  'dialogs.panel.formHint':
    'Ardından aşağıdaki formla durumunuzu bize de bildirin. Dernek veya vakıf gibi İYS’ye tabi olmayan bir kuruluşsanız ya da İYS süreçlerinizi başka kanallarla kendiniz yürütüyorsanız ilgili seçeneği işaretleyebilirsiniz.',
  'dialogs.panel.done.integrator_assigned':
    'Teşekkürler! {integratorName} firmasını iş ortağınız olarak atadığınızı kaydettim.',
  'dialogs.panel.done.ngo_not_subject': 'Teşekkürler, kurumunuzun İYS’ye tabi olmadığını kaydettim.',
  'dialogs.panel.done.self_managed':
    'Teşekkürler, İYS süreçlerinizi kendiniz yürüttüğünüzü ve sorumluluğun firmanızda olduğunu kaydettim.',
  'dialogs.panel.later':
    'Peki, formu kapattım. Panel bilgilerini girdiğinizde bana yazın; kaydınızı birlikte tamamlayalım.',
} as const;

export const dialogsLateEn: Translations<typeof dialogsLateTr> = {
  'dialogs.codes.intro':
    'When your application is approved, İYS sends your company an İYS number (İYSKod) and each brand a BrandKod; both are in the approval e-mail. The pre-application number (e.g. MX3ZB5JA) is not the İYSKod.',
  'dialogs.codes.noBrand':
    'You have no brand on record yet. So that I can match the BrandKods to the right brand, let me take your brand details first.',
  'dialogs.codes.moreBrands': 'Do you send messages under another brand too?',
  'dialogs.codes.summary': 'The numbers I saved:\n\n{codes}',
  'dialogs.codes.line.iysCode': 'İYSKod: {code}',
  'dialogs.codes.line.brandCode': 'BrandKod ({brand}): {code}',
  'dialogs.codes.missing': '—',
  'dialogs.codes.mainBrandHint':
    'Note: the main brand’s BrandKod is often the same as the İYSKod, and yours differ. This is not a rule; I just suggest one more look at the approval e-mail.',
  'dialogs.codes.confirm': 'Is this correct?',
  'dialogs.codes.verified': 'I checked with İYS: your İYSKod and all your BrandKods match İYS’s records.',
  'dialogs.codes.unknownIysCode':
    'I checked with İYS: no service provider is registered under {iysCode}. Make sure you entered the İYS number from the approval e-mail, not your application number.',
  'dialogs.codes.mismatch': 'I checked with İYS; these BrandKods do not match İYS’s records:\n\n{lines}',
  'dialogs.codes.mismatchLine': '- {brand}',
  'dialogs.codes.mismatchSuggestion': '- {brand}: İYS lists a brand of this name with BrandKod {code}',
  'dialogs.codes.fix': 'All right, let us correct it. I am reopening the form with what you entered.',
  'dialogs.codes.done': 'Thank you, I saved your İYSKod and BrandKods.',
  'dialogs.codes.paused':
    'All right, I closed the form. Just write to me when you have the numbers; we continue where we left off.',

  'dialogs.package.intro':
    'Next is the İLETİ package. Every company can use the free Temel Hizmetler (basic services) in İYS, but they only let you manage consents on the İYS web site and have no integration (API) module. So to authorise {integratorName} as your partner you need an İLETİ package with the integration module. The package is chosen by the larger of your approved phone numbers and approved e-mail addresses.',
  'dialogs.package.recommendation': 'My recommendation: {package}. {reason}',
  'dialogs.package.contactIys':
    'This address count needs {package}; its price and terms are agreed with İYS. Ask for an offer by writing to satis@iys.org.tr from your corporate e-mail address; the draft is below.',
  'dialogs.package.panelRoute':
    'To buy it in the İYS panel: your signatory logs in to İYS with e-Devlet → Paket Yönetimi → “Paket değiştir” → choose {package} → accept the contract → pay. You can pay by credit card (instalments available) or by bank transfer. A bank transfer creates an order code for you: put this order code and your trade title in the transfer description. The package activates automatically when the money arrives. For payment problems write to muhasebe@iys.org.tr.',
  'dialogs.package.emailRoute':
    'You can also ask for the package by e-mail: send an offer request from your corporate e-mail address to satis@iys.org.tr. İYS e-mails you an offer link; then you accept the contract and pay. A ready draft is below.',
  'dialogs.package.statusQuestion': 'Where does your package stand?',
  'dialogs.package.choice.active': 'My package is active',
  'dialogs.package.choice.transfer': 'I made the bank transfer, waiting',
  'dialogs.package.choice.basic': 'I will use Temel Hizmetler',
  'dialogs.package.choice.later': 'Later',
  'dialogs.package.choice.notYet': 'Not yet',
  'dialogs.package.choice.agent': 'Connect me to an agent',
  'dialogs.package.active': 'Great! I noted that your package is active.',
  'dialogs.package.askOrderCode':
    'Please type the order code the İYS panel created for your bank transfer; we match your payment with it.',
  'dialogs.package.orderCodeInvalid':
    'The order code must have 1–60 characters. Please type the code shown in the panel.',
  'dialogs.package.waiting':
    'Thank you, I saved order code {orderCode}. Make sure the transfer description carries the order code and your trade title. The package activates automatically once the money reaches İYS; write to me when it is active and we move on to the partner assignment. For payment problems write to muhasebe@iys.org.tr.',
  'dialogs.package.basic':
    'Understood. Temel Hizmetler are free and let you manage your consents on the İYS web site, but without the integration (API) module you cannot assign {integratorName} as your partner, and we cannot upload consents for you. That needs an İLETİ package. Depending on your address count, that package may be free as well. If you change your mind, just write to me; for questions write “agent” to talk to our staff.',
  'dialogs.package.later':
    'All right. Write to me once you have bought the package or made the payment; we continue where we left off.',
  'dialogs.package.waitingQuestion':
    'We were waiting for your bank transfer to arrive (order code: {orderCode}). Is your package active now?',
  'dialogs.package.stillWaiting':
    'Understood, we keep waiting. The package activates automatically when the payment arrives. If something looks wrong, write to muhasebe@iys.org.tr with your order code.',
  'dialogs.package.noOrderCode': 'not recorded yet',

  'dialogs.partner.intro':
    'Next is the partner assignment: you authorise {integratorName} in İYS as your partner for each of your brands. First let us note, brand by brand, which rights you give us on which channel.',
  'dialogs.partner.noBrands':
    'I see no brand on record, and partner assignment is done per brand. Please write “agent” to talk to our staff.',
  'dialogs.partner.summaryTitle': 'The rights I noted for your brands:',
  'dialogs.partner.brandLine': '{brand}: {rights}',
  'dialogs.partner.reconciliation': 'Reconciliation management',
  'dialogs.partner.noRights': 'no rights chosen',
  'dialogs.partner.ahsLine': 'AHS for {brand}: {name} ({channels}), read only',
  'dialogs.partner.panelRoute':
    'To authorise us in the İYS panel: only your company’s signatory can log in to the İYS panel, with e-Devlet. Under Marka Yönetimi, for each brand: “İş Ortağı Ekle” → choose {partner} from the list → tick the channels and rights above (Okuma/read and Yazma/write for Mesaj, Arama, E-posta, and Mutabakat Yönetimi) → press “Yetkilendir”.',
  'dialogs.partner.partner': '{name}',
  'dialogs.partner.partnerWithCode': '{name} (partner code: {code})',
  'dialogs.partner.otherUsers':
    'If someone other than the signatory needs to log in, ask bilgi@iys.org.tr for the “İleti Yönetim Sistemi Yetkilendirme Talep Formu” (authorisation request form).',
  'dialogs.partner.ahsRoute':
    'For the AHS: on the same screen, at that brand, “AHS Ekle” → choose {name} → give read-only rights and tick only the channels it carries ({channels}).',
  'dialogs.partner.emailRoute':
    'Instead of the panel you can also apply by e-mail: check the assignment form below and send it from your own address to isortagim@iys.org.tr; {integratorName} is in copy (cc).',
  'dialogs.partner.under5000':
    'As you have fewer than 5,000 approved addresses, you must declare this explicitly on the form; I added the declaration line to the e-mail draft.',
  'dialogs.partner.declareQuestion': 'Let me know once you have made the assignment.',
  'dialogs.partner.choice.declared': 'I made the assignment',
  'dialogs.partner.choice.later': 'Later',
  'dialogs.partner.choice.agent': 'Connect me to an agent',
  'dialogs.partner.choice.again': 'I made the assignment again',
  'dialogs.partner.choice.change': 'I want to change the rights',
  'dialogs.partner.choice.wait': 'Keep waiting',
  'dialogs.partner.declared':
    'Thank you! {integratorName} will check your assignment in İYS and confirm it. Once it is confirmed we continue with the last step; write “status” at any time to see where things stand.',
  'dialogs.partner.later':
    'All right. Write to me once you have made the assignment; we continue where we left off.',
  'dialogs.partner.pending':
    'We are waiting for your partner assignment to be confirmed. Once {integratorName} has verified it in İYS, we move on to the last step.',
  'dialogs.partner.pendingConfirmed': 'Confirmed brands: {brands}.',
  'dialogs.partner.pendingOpen': 'Brands awaiting confirmation: {brands}.',
  'dialogs.partner.pendingQuestion': 'What would you like to do meanwhile?',
  'dialogs.partner.redeclared':
    'Thank you, I noted your new declaration; we will check your assignment again.',
  'dialogs.partner.keepWaiting': 'All right, we continue once the confirmation arrives.',

  'dialogs.panel.intro':
    'Last step! In the {integratorName} panel ({panelUrl}) enter the numbers below and tick “I assigned {integratorName} as my partner”:\n\n{codes}',
  'dialogs.panel.formHint':
    'Then tell us your situation with the form below. If you are an association or foundation not subject to İYS, or you run your İYS processes yourself through other channels, tick that option instead.',
  'dialogs.panel.done.integrator_assigned':
    'Thank you! I noted that you assigned {integratorName} as your partner.',
  'dialogs.panel.done.ngo_not_subject': 'Thank you, I noted that your organisation is not subject to İYS.',
  'dialogs.panel.done.self_managed':
    'Thank you, I noted that you run your İYS processes yourself and that the responsibility is your company’s.',
  'dialogs.panel.later':
    'All right, I closed the form. Write to me once you have entered the details in the panel; we finish your registration together.',
};
