import type { Translations } from '../types';

/** Step 1 (ön başvuru, `dialogs.pre.*`) and step 2 (başvuru durumu, `dialogs.status.*`). */
export const dialogsEarlyTr = {
  'dialogs.pre.registered.question':
    'Önce şunu soralım: şirketinizin İYS’de zaten bir kaydı, yani bir İYS numarası (İYSKod) var mı?',
  'dialogs.pre.registered.yes': 'Evet, İYSKod’umuz var',
  'dialogs.pre.registered.no': 'Hayır, ilk kez başvuracağız',
  'dialogs.pre.registered.skip':
    'Harika, o hâlde ön başvuruyu ve başvuru takibini atlıyoruz. Şimdi İYS’nin size gönderdiği İYSKod ve BrandKod’ları kaydedelim.',
  'dialogs.pre.start':
    'Öyleyse ön başvurunuzu birlikte hazırlayalım. Girdiğiniz her bilgiyi kaydediyorum; ara verirseniz kaldığınız yerden devam ederiz.',
  'dialogs.pre.esign.question': 'Şirketinize ait bir elektronik imzanız (e-imza token’ı) var mı?',
  'dialogs.pre.esign.yes': 'Evet, var',
  'dialogs.pre.esign.no': 'Hayır, yok',
  'dialogs.pre.routes':
    'İYS’ye iki yoldan ön başvuru yapabilirsiniz:\n\n1) Online: iys.org.tr’de “Hemen Başvur” ile. Kurumsal e-posta adresi, şirketinizin e-imzası, bilgisayarınızda bir PDF okuyucu ve MERSİS’teki bilgilerinizin güncel olması gerekir. Taahhütnameyi e-imzayla imzaladığınız için kargo gerekmez.\n2) Manuel: bilgiler ve belgelerle {onkayit} adresine e-posta gönderilir; {integratorName} ({ccEmail}) bilgi (cc) olarak eklenir. Kaşeli ve imzalı taahhütnamenin aslı ayrıca kargoyla gönderilir.',
  'dialogs.pre.recommend.online':
    'Şirketinizin MERSİS numarası ve e-imzası olduğu için online başvuruyu öneririm: her şey tek oturumda biter, kargo gerekmez.',
  'dialogs.pre.recommend.noMersis':
    'Online başvuruda şirket bilgileri MERSİS numarasıyla sorgulanır; MERSİS kaydı olmayan işletmeler için manuel başvuruyu öneririm.',
  'dialogs.pre.recommend.noEsign':
    'Online başvuruda taahhütname e-imzayla imzalanır. E-imzanız yoksa manuel başvuruyu öneririm; e-imza edindikten sonra online da başvurabilirsiniz.',
  'dialogs.pre.brands.intro':
    'Şimdi ticari ileti gönderdiğiniz markaları ekleyelim. Her marka için ayrı bir form doldurulur; en az bir marka gerekir.',
  'dialogs.pre.brands.saved': 'Kayıtlı markalarınız: {brands}.',
  'dialogs.pre.brands.more': 'Başka bir marka eklemek ister misiniz?',
  'dialogs.pre.brands.add': 'Evet, marka ekle',
  'dialogs.pre.brands.done': 'Hayır, devam et',
  'dialogs.pre.online.prerequisites':
    'Online başvuruya başlamadan önce şunların hazır olduğundan emin olun:\n- Şirketinize ait kurumsal e-posta adresi ({email})\n- Şirketinizin e-imza token’ı, bilgisayara takılı olarak\n- Taahhütnameyi imzalamak için Adobe Acrobat Reader gibi bir PDF okuyucu\n- MERSİS’teki bilgilerinizin güncel olması (hatalı bilgiler yalnızca MERSİS üzerinden düzeltilebilir)',
  'dialogs.pre.online.screens':
    'İYS ekranlarında sırasıyla şunları yapın:\n1. www.iys.org.tr’de “Hemen Başvur” düğmesine tıklayın.\n2. Kurumsal e-posta adresinizi ({email}) ve ekrandaki güvenlik kodunu yazıp “Doğrula”ya basın.\n3. Bu adrese gelen doğrulama kodunu süre dolmadan (yaklaşık 5 dakika) girin; göremezseniz gereksiz/spam klasörüne de bakın. Sonra “Başvuruyu Başlat”a tıklayın.\n4. Sorgulama ekranında MERSİS numaranızı ({mersisNo}) ve imza yetkilisinin T.C. kimlik numarasını ({tckn}) yazıp “Sorgula”ya basın.\n5. Form MERSİS bilgilerinizle dolu gelir. Boş alanlara web sitenizi ({website}) ve iletişim numaranızı ({phone}) yazın.\n6. Yetkilinin cep telefonunu ({mobile}) yazıp “Doğrulama Kodu Gönder”e basın ve SMS ile gelen kodu girin.\n7. Belge yükleme ekranında “Kullanım Taahhütnamesi’ni İndir” ile belgeyi indirin, e-imzayla imzalayın ve “Kullanım Taahhütnamesi Yükle” ile geri yükleyin.\n8. Ekranda başvuru numaranız görünür (ör. MX3ZB5JA). Bu numarayı saklayın; İYSKod değildir.',
  'dialogs.pre.online.afterReview':
    'İYS ön başvurunuzu inceledikten sonra başvuruda yazdığınız e-posta adresine bir bağlantı gönderir. O bağlantıdan devam ederek:\n9. Her marka için marka formunu doldurun: marka adı, SMS başlıkları, arama numaraları, gönderici e-posta adresleri ve kanal başına ulaştığınız alıcı sayısı. Markalarınız: {brands}.\n10. İstatistik bölümüne geçen yılın sayılarını yazın: {messagesSent} ileti gönderimi, izin listesine eklenen {numbersAdded} cep telefonu, {refusals} ret bildirimi.\n11. Beyan kutusunu işaretleyip “Başvuruyu Tamamla”ya basın.',
  'dialogs.pre.online.passportNote':
    'Not: online sorgulama ekranı yetkilinin T.C. kimlik numarasını ister. Yetkiliniz yabancı uyrukluysa online başvuru ilerlemeyebilir; bu durumda manuel başvuruyu öneririm.',
  'dialogs.pre.online.noMersisNote':
    'Not: online başvuruda şirket bilgileri MERSİS numarasıyla sorgulanır. MERSİS numaranız yoksa manuel başvuru daha uygun olur.',
  'dialogs.pre.manual.intro':
    'Manuel başvuru e-postanızı hazırladım. Kendi kurumsal adresinizden gönderin: alıcı {onkayit}, bilgi (cc) {ccEmail}. Taslakta eksik işaretli yer varsa göndermeden önce tamamlayın.',
  'dialogs.pre.manual.docsWithMersis':
    'E-postaya şu belgeleri ekleyin (MERSİS kaydı olan şirket):\n- İmza sirküleri\n- Ticaret sicil gazetesi\n- Kaşeli ve imzalı Kullanım Taahhütnamesi',
  'dialogs.pre.manual.docsWithoutMersis':
    'E-postaya şu belgeleri ekleyin (MERSİS kaydı olmayan işletme):\n- Vergi levhası fotokopisi (yoksa vergi numarasını gösteren bir belge)\n- İşletme sahibinin kimlik fotokopisi\n- Yetkilinin ticari unvan altında düzenlenmiş imza sirküleri\n- Varsa oda (meslek kuruluşu) kayıt belgesi\n- Kaşeli ve imzalı Kullanım Taahhütnamesi',
  'dialogs.pre.manual.cargo':
    'Önemli: Kullanım Taahhütnamesi’nin her sayfasını kaşeleyip imzalayın ve aslını kargoyla şu adrese gönderin:\n{recipient}\n{street}\n{city}\nTel: {phone}\nDiğer belgelerin aslını göndermeniz gerekmez; e-postaya eklemeniz yeterli.',
  'dialogs.pre.manual.draftText': 'Kime: {to}\nBilgi (cc): {cc}\nKonu: {subject}\n\n{body}',
  'dialogs.pre.correction.note':
    'İYS başvurunuzda düzeltme istemişti. Bilgileriniz kayıtlı; düzeltmeyi İYS’nin e-postasındaki bağlantıdan (online) ya da {onkayit} adresine yanıt vererek (manuel) iletebilirsiniz.',
  'dialogs.pre.submitted.question': 'Ön başvurunuzu gönderdiğinizde bana haber verin. Gönderdiniz mi?',
  'dialogs.pre.submitted.yes': 'Gönderdim / Başvuruyu tamamladım',
  'dialogs.pre.submitted.later': 'Daha sonra',
  'dialogs.pre.submitted.switch': 'Diğer yoldan başvuracağım',
  'dialogs.pre.submitted.thanks':
    'Harika! Ön başvurunuzu “İYS inceliyor” olarak işaretledim. Şimdi başvurunuzu takip edelim.',
  'dialogs.pre.later.online':
    'Tamam, ara verelim. Kalan iş: iys.org.tr’de online başvuruyu yukarıdaki adımlarla tamamlamak. Bitirdiğinizde bana yazmanız yeterli.',
  'dialogs.pre.later.manual':
    'Tamam, ara verelim. Kalan iş: hazırladığım e-postayı belgelerle birlikte {onkayit} adresine göndermek ve kaşeli, imzalı taahhütnameyi kargoya vermek. Gönderdiğinizde bana yazmanız yeterli.',
  'dialogs.pre.switched': 'Başvuru yolunuzu “{route}” olarak değiştirdim.',

  'dialogs.status.intro':
    'Başvurunuzu takip edebilmem için ön başvurunun sonunda verilen başvuru numarasına ihtiyacım var.',
  'dialogs.status.notIysCode':
    'Unutmayın: başvuru numarası (ör. MX3ZB5JA) İYS numaranız (İYSKod) değildir. İYSKod, başvurunuz onaylandıktan sonra ayrıca e-postayla gelir.',
  'dialogs.status.howTo':
    'Başvurunuzun durumunu İYS’nin Başvuru Sorgulama Formu’ndan görebilirsiniz: iys.org.tr’de başvuru numaranızı ({applicationNo}), başvuruda kullandığınız e-posta adresini ({email}) ve ekrandaki güvenlik kodunu yazın. {applicationNo} başvuru numaranızdır, İYSKod değildir.',
  'dialogs.status.outcome.question': 'İYS’nin sorgulama ekranında ya da e-postasında ne görüyorsunuz?',
  'dialogs.status.outcome.pending': 'İnceleniyor',
  'dialogs.status.outcome.correction': 'Düzeltme istendi',
  'dialogs.status.outcome.rejected': 'Reddedildi',
  'dialogs.status.outcome.approved': 'Onaylandı / kodlarım geldi',
  'dialogs.status.pending':
    'Anlaşıldı, başvurunuz hâlâ inceleniyor. İYS sonucu başvuruda yazdığınız e-posta adresine ve telefonunuza bildirir. İYS’den e-posta geldiğinde bana yazın; oradan devam ederiz.',
  'dialogs.status.approved':
    'Tebrikler, başvurunuz onaylandı! Şimdi İYS’nin gönderdiği İYSKod ve BrandKod’ları kaydedelim.',
  'dialogs.status.rejected':
    'Üzgünüm, başvurunuz reddedilmiş. Ret gerekçesi İYS’nin e-postasında yazar; birlikte inceleyip yeniden başvurmanıza yardımcı olabiliriz.',
  'dialogs.status.agent.question': 'Bir müşteri temsilcimizle görüşmek ister misiniz?',
  'dialogs.status.agent.declined':
    'Tamam. Hazır olduğunuzda bana yazın ya da “temsilci” yazarak bir çalışanımıza ulaşın.',
  'dialogs.status.fix.question': 'İYS neyin düzeltilmesini istedi?',
  'dialogs.status.fix.company': 'Şirket bilgileri',
  'dialogs.status.fix.signatory': 'İmza yetkilisi',
  'dialogs.status.fix.brands': 'Marka bilgileri',
  'dialogs.status.fix.documents': 'Belgeler',
  'dialogs.status.fix.whichBrand': 'Hangi markanın bilgilerini düzelteceğiz?',
  'dialogs.status.fix.prefilled':
    'Kayıtlı bilgilerinizi forma getirdim; yalnızca İYS’nin istediği yeri düzeltip kaydedin.',
  'dialogs.status.fix.documentsHint':
    'Eksik ya da hatalı belgeyi düzeltip {onkayit} adresine, {ccEmail} bilgi (cc) olarak eklenmiş şekilde gönderin. Taahhütnamede düzeltme varsa her sayfası kaşeli ve imzalı aslını yeniden kargolayın.',
  'dialogs.status.resubmit.online':
    'Düzeltmeyi İYS’nin e-postasındaki bağlantıdan başvurunuza işleyip yeniden gönderin.',
  'dialogs.status.resubmit.manual':
    'Düzeltilmiş bilgileri İYS’nin e-postasına yanıt olarak {onkayit} adresine gönderin; {ccEmail} bilgi (cc) olarak ekli olsun.',
  'dialogs.status.resubmit.question': 'Düzeltilmiş başvuruyu İYS’ye yeniden gönderdiniz mi?',
  'dialogs.status.resubmitted':
    'Teşekkürler! Başvurunuzu yeniden “İYS inceliyor” olarak işaretledim. İYS’den e-posta geldiğinde bana yazın.',
  'dialogs.status.resubmitLater':
    'Tamam. Düzeltmeyi İYS’ye gönderdiğinizde bana yazın; başvurunuzu yeniden takibe alırız.',
} as const;

export const dialogsEarlyEn: Translations<typeof dialogsEarlyTr> = {
  'dialogs.pre.registered.question':
    'First things first: is your company already registered with İYS, i.e. does it have an İYS number (İYSKod)?',
  'dialogs.pre.registered.yes': 'Yes, we have an İYSKod',
  'dialogs.pre.registered.no': 'No, we are applying for the first time',
  'dialogs.pre.registered.skip':
    'Great, then we skip the pre-application and its follow-up. Let us record the İYSKod and BrandKods İYS sent you.',
  'dialogs.pre.start':
    'Then let us prepare your pre-application together. I save everything you enter; if you take a break, we continue where you left off.',
  'dialogs.pre.esign.question': 'Does your company have an electronic signature (e-signature token)?',
  'dialogs.pre.esign.yes': 'Yes, it does',
  'dialogs.pre.esign.no': 'No, it does not',
  'dialogs.pre.routes':
    'There are two ways to pre-apply to İYS:\n\n1) Online: at iys.org.tr with “Hemen Başvur”. You need a corporate e-mail address, the company e-signature, a PDF reader on your computer and up-to-date MERSİS data. The commitment is e-signed, so nothing goes by cargo.\n2) Manual: an e-mail with the details and documents to {onkayit}, with {integratorName} ({ccEmail}) in cc. The stamped and signed commitment also goes by cargo.',
  'dialogs.pre.recommend.online':
    'As your company has a MERSİS number and an e-signature, I recommend the online route: it is done in one session and needs no cargo.',
  'dialogs.pre.recommend.noMersis':
    'The online route looks the company up by its MERSİS number; for a business without MERSİS I recommend the manual route.',
  'dialogs.pre.recommend.noEsign':
    'The online route needs the commitment e-signed. Without an e-signature I recommend the manual route; you can still apply online once you have one.',
  'dialogs.pre.brands.intro':
    'Now let us add the brands you send commercial messages for. Each brand has its own form; at least one brand is needed.',
  'dialogs.pre.brands.saved': 'Your brands so far: {brands}.',
  'dialogs.pre.brands.more': 'Would you like to add another brand?',
  'dialogs.pre.brands.add': 'Yes, add a brand',
  'dialogs.pre.brands.done': 'No, continue',
  'dialogs.pre.online.prerequisites':
    'Before you start the online application, make sure you have:\n- a corporate e-mail address of your company ({email})\n- the company e-signature token, plugged in\n- a PDF reader such as Adobe Acrobat Reader to sign the commitment\n- up-to-date MERSİS data (wrong data can only be corrected in MERSİS)',
  'dialogs.pre.online.screens':
    'On the İYS screens, in this order:\n1. At www.iys.org.tr click “Hemen Başvur”.\n2. Type your corporate e-mail address ({email}) and the security code shown, then press “Doğrula”.\n3. Enter the verification code sent to that address before the countdown ends (about 5 minutes); check the spam folder too. Then click “Başvuruyu Başlat”.\n4. On the query screen type your MERSİS number ({mersisNo}) and the signatory’s T.C. identity number ({tckn}) and press “Sorgula”.\n5. The form comes prefilled from MERSİS. Add your web site ({website}) and contact number ({phone}) in the empty fields.\n6. Type the signatory’s mobile ({mobile}), press “Doğrulama Kodu Gönder” and enter the code from the SMS.\n7. On the document screen download the commitment with “Kullanım Taahhütnamesi’ni İndir”, e-sign it and upload it with “Kullanım Taahhütnamesi Yükle”.\n8. Your application number appears (e.g. MX3ZB5JA). Keep it; it is not the İYSKod.',
  'dialogs.pre.online.afterReview':
    'After reviewing the pre-application, İYS mails a link to the address you gave. Continue from that link:\n9. Fill in the brand form for each brand: name, SMS sender names, call numbers, sender e-mail addresses and recipients reached per channel. Your brands: {brands}.\n10. Enter last year’s figures under statistics: {messagesSent} messages sent, {numbersAdded} mobile numbers added to the permission list, {refusals} refusals received.\n11. Tick the declaration box and press “Başvuruyu Tamamla”.',
  'dialogs.pre.online.passportNote':
    'Note: the online query screen asks for the signatory’s T.C. identity number. With a foreign signatory the online route may not work; I would then recommend the manual route.',
  'dialogs.pre.online.noMersisNote':
    'Note: the online route looks the company up by its MERSİS number. Without one, the manual route suits you better.',
  'dialogs.pre.manual.intro':
    'I prepared your manual pre-application e-mail. Send it from your corporate address: to {onkayit}, cc {ccEmail}. If the draft marks anything as missing, complete it before sending.',
  'dialogs.pre.manual.docsWithMersis':
    'Attach these documents (company with MERSİS):\n- Signature circular (imza sirküleri)\n- Trade registry gazette (ticaret sicil gazetesi)\n- Stamped and signed usage commitment (Kullanım Taahhütnamesi)',
  'dialogs.pre.manual.docsWithoutMersis':
    'Attach these documents (business without MERSİS):\n- Copy of the tax plate (or a document showing the tax number)\n- ID copy of the business owner\n- The signatory’s signature circular issued under the trade title\n- Chamber registration certificate, if any\n- Stamped and signed usage commitment (Kullanım Taahhütnamesi)',
  'dialogs.pre.manual.cargo':
    'Important: stamp and sign every page of the usage commitment and send the original by cargo to:\n{recipient}\n{street}\n{city}\nTel: {phone}\nThe other documents need not be posted; attaching them to the e-mail is enough.',
  'dialogs.pre.manual.draftText': 'To: {to}\nCc: {cc}\nSubject: {subject}\n\n{body}',
  'dialogs.pre.correction.note':
    'İYS asked for a correction to your application. Your details are saved; send the correction through the link in İYS’s e-mail (online) or by replying to {onkayit} (manual).',
  'dialogs.pre.submitted.question': 'Let me know once you have sent your pre-application. Have you sent it?',
  'dialogs.pre.submitted.yes': 'I sent it / completed the application',
  'dialogs.pre.submitted.later': 'Later',
  'dialogs.pre.submitted.switch': 'I will use the other route',
  'dialogs.pre.submitted.thanks':
    'Great! I marked your pre-application as “under review by İYS”. Now let us follow it up.',
  'dialogs.pre.later.online':
    'Fine, let us pause. What remains: complete the online application at iys.org.tr with the steps above. Just write to me when you are done.',
  'dialogs.pre.later.manual':
    'Fine, let us pause. What remains: send the prepared e-mail with the documents to {onkayit} and post the stamped and signed commitment. Just write to me once they are sent.',
  'dialogs.pre.switched': 'I changed your application route to “{route}”.',

  'dialogs.status.intro':
    'To follow your application I need the application number you got at the end of the pre-application.',
  'dialogs.status.notIysCode':
    'Remember: the application number (e.g. MX3ZB5JA) is not your İYS number (İYSKod). The İYSKod comes by e-mail after approval.',
  'dialogs.status.howTo':
    'You can see your application’s status on İYS’s application query form: at iys.org.tr type your application number ({applicationNo}), the e-mail address used in the application ({email}) and the security code shown. {applicationNo} is your application number, not the İYSKod.',
  'dialogs.status.outcome.question': 'What do you see on İYS’s query screen or in its e-mail?',
  'dialogs.status.outcome.pending': 'Under review',
  'dialogs.status.outcome.correction': 'Changes requested',
  'dialogs.status.outcome.rejected': 'Rejected',
  'dialogs.status.outcome.approved': 'Approved / my codes arrived',
  'dialogs.status.pending':
    'Understood, your application is still under review. İYS reports the result to the e-mail address and phone given in the application. Write to me when İYS mails you; we continue from there.',
  'dialogs.status.approved':
    'Congratulations, your application is approved! Now let us record the İYSKod and BrandKods İYS sent you.',
  'dialogs.status.rejected':
    'I am sorry, your application was rejected. İYS’s e-mail gives the reason; we can look at it together and help you apply again.',
  'dialogs.status.agent.question': 'Would you like to talk to one of our support agents?',
  'dialogs.status.agent.declined':
    'Fine. Write to me when you are ready, or write “agent” to reach one of our staff.',
  'dialogs.status.fix.question': 'What did İYS ask you to correct?',
  'dialogs.status.fix.company': 'Company details',
  'dialogs.status.fix.signatory': 'Signatory',
  'dialogs.status.fix.brands': 'Brand details',
  'dialogs.status.fix.documents': 'Documents',
  'dialogs.status.fix.whichBrand': 'Which brand’s details shall we correct?',
  'dialogs.status.fix.prefilled':
    'I filled the form with your saved details; just correct what İYS asked for and save.',
  'dialogs.status.fix.documentsHint':
    'Correct the missing or wrong document and send it to {onkayit} with {ccEmail} in cc. If the commitment changed, post the original again with every page stamped and signed.',
  'dialogs.status.resubmit.online':
    'Enter the correction in your application through the link in İYS’s e-mail and send it again.',
  'dialogs.status.resubmit.manual':
    'Send the corrected details as a reply to İYS’s e-mail, to {onkayit} with {ccEmail} in cc.',
  'dialogs.status.resubmit.question': 'Have you sent the corrected application to İYS again?',
  'dialogs.status.resubmitted':
    'Thank you! I marked your application as “under review by İYS” again. Write to me when İYS mails you.',
  'dialogs.status.resubmitLater':
    'Fine. Write to me once you have sent the correction to İYS; we will follow the application again.',
};
