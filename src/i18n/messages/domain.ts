import type { Translations } from '../types';

/** Names and explanations of domain concepts (steps, statuses, packages, channels) and domain errors. */
export const domainTr = {
  'domain.step.preApplication': 'Ön başvuru',
  'domain.step.applicationStatus': 'Başvuru durumu',
  'domain.step.codes': 'İYSKod ve BrandKod',
  'domain.step.package': 'İLETİ paketi',
  'domain.step.partnerAssignment': 'İş Ortağı ataması',
  'domain.step.panel': 'Panel bilgileri',
  'domain.stepStatus.not_started': 'Başlanmadı',
  'domain.stepStatus.in_progress': 'Devam ediyor',
  'domain.stepStatus.waiting': 'Bekleniyor',
  'domain.stepStatus.done': 'Tamamlandı',
  'domain.stepStatus.skipped': 'Atlandı',
  'domain.step.transitionNotAllowed': 'Bu adımın durumu bu şekilde değiştirilemez.',
  'domain.step.previousNotFinished': 'Bu adıma geçmeden önce bir önceki adımın tamamlanması gerekiyor.',
  'domain.case.invalid': 'Kayıtlı başvuru dosyası okunamadı ({detail}).',
  'domain.case.newerVersion':
    'Başvuru dosyası bu sürümün desteklediğinden daha yeni bir biçimde kaydedilmiş (sürüm {version}, desteklenen {supported}).',
  'domain.case.noMigration': 'Başvuru dosyası {from}. sürümden {to}. sürüme dönüştürülemedi.',
  'domain.route.online': 'Online başvuru (e-imza ile)',
  'domain.route.manual': 'E-posta ile başvuru',
  'domain.channel.MESAJ': 'Mesaj (SMS)',
  'domain.channel.ARAMA': 'Arama',
  'domain.channel.EPOSTA': 'E-posta',
  'domain.right.read': 'Okuma',
  'domain.right.write': 'Yazma',
  'domain.right.reconciliation': 'Mutabakat Yönetimi',
  'domain.applicationOutcome.pending': 'İncelemede',
  'domain.applicationOutcome.approved': 'Onaylandı',
  'domain.applicationOutcome.rejected': 'Reddedildi',
  'domain.applicationOutcome.needs_correction': 'Düzeltme veya eksik belge istendi',
  'domain.paymentMethod.card': 'Kredi kartı',
  'domain.paymentMethod.bank_transfer': 'Havale/EFT',
  'domain.panelChoice.integrator_assigned': 'İYS’de sizi iş ortağımız (entegratörümüz) olarak atadık.',
  'domain.panelChoice.ngo_not_subject':
    'Sivil toplum kuruluşu, dernek veya İYS kapsamına girmeyen bir kurum/kuruluş olarak gönderim yapıyoruz.',
  'domain.panelChoice.self_managed':
    'İYS süreçlerimizi farklı kanallarla kendimiz yürütüyoruz; tüm sorumluluk firmamıza aittir.',
  'domain.package.reason.phones':
    'Onaylı telefon numarası sayınız ({phones}), onaylı e-posta adresi sayınızdan ({emails}) fazla olduğu için adres sayınız {count} kabul edilir. Bu sayıya uygun en küçük paket {package} (en fazla {limit} adres).',
  'domain.package.reason.emails':
    'Onaylı e-posta adresi sayınız ({emails}), onaylı telefon numarası sayınızdan ({phones}) fazla olduğu için adres sayınız {count} kabul edilir. Bu sayıya uygun en küçük paket {package} (en fazla {limit} adres).',
  'domain.package.reason.equal':
    'Onaylı telefon ve e-posta adresi sayınız eşit ({count}). Bu sayıya uygun en küçük paket {package} (en fazla {limit} adres).',
  'domain.package.reason.aboveAll':
    'Onaylı adres sayınız ({count}) en büyük paketin sınırını ({limit}) aşıyor. {package} paketi için fiyat ve koşulları İYS ile görüşmeniz gerekir.',
  'domain.package.under5000':
    'Onaylı adres sayınız 5.000’in altında. İş Ortağı atama formunda bunu açıkça beyan etmeniz gerekir.',
  'domain.package.basicCannotAuthorise':
    'Ücretsiz Temel Hizmetler ile izinlerinizi İYS web sitesinden yönetebilirsiniz; ancak bu paket entegrasyon (API) modülü içermediği için iş ortağı yetkilendiremezsiniz. Bunun için bir İLETİ paketi gerekir.',
} as const;

export const domainEn: Translations<typeof domainTr> = {
  'domain.step.preApplication': 'Pre-application',
  'domain.step.applicationStatus': 'Application status',
  'domain.step.codes': 'İYSKod and BrandKod',
  'domain.step.package': 'İLETİ package',
  'domain.step.partnerAssignment': 'Partner (İş Ortağı) assignment',
  'domain.step.panel': 'Panel details',
  'domain.stepStatus.not_started': 'Not started',
  'domain.stepStatus.in_progress': 'In progress',
  'domain.stepStatus.waiting': 'Waiting',
  'domain.stepStatus.done': 'Done',
  'domain.stepStatus.skipped': 'Skipped',
  'domain.step.transitionNotAllowed': 'This step’s status cannot be changed that way.',
  'domain.step.previousNotFinished': 'The previous step must be finished before this one can start.',
  'domain.case.invalid': 'The stored application file could not be read ({detail}).',
  'domain.case.newerVersion':
    'The application file was saved in a newer format than this version supports (version {version}, supported {supported}).',
  'domain.case.noMigration':
    'The application file could not be converted from version {from} to version {to}.',
  'domain.route.online': 'Online application (with e-signature)',
  'domain.route.manual': 'Application by e-mail',
  'domain.channel.MESAJ': 'Message (SMS)',
  'domain.channel.ARAMA': 'Call',
  'domain.channel.EPOSTA': 'E-mail',
  'domain.right.read': 'Read',
  'domain.right.write': 'Write',
  'domain.right.reconciliation': 'Reconciliation management',
  'domain.applicationOutcome.pending': 'Under review',
  'domain.applicationOutcome.approved': 'Approved',
  'domain.applicationOutcome.rejected': 'Rejected',
  'domain.applicationOutcome.needs_correction': 'Correction or missing documents requested',
  'domain.paymentMethod.card': 'Credit card',
  'domain.paymentMethod.bank_transfer': 'Bank transfer',
  'domain.panelChoice.integrator_assigned': 'We have assigned you as our integrator (İş Ortağı) in İYS.',
  'domain.panelChoice.ngo_not_subject': 'We send as an NGO, association or organisation not subject to İYS.',
  'domain.panelChoice.self_managed':
    'We run our İYS processes through other channels ourselves; all responsibility is ours.',
  'domain.package.reason.phones':
    'You have more approved phone numbers ({phones}) than approved e-mail addresses ({emails}), so your address count is {count}. The smallest package that fits is {package} (up to {limit} addresses).',
  'domain.package.reason.emails':
    'You have more approved e-mail addresses ({emails}) than approved phone numbers ({phones}), so your address count is {count}. The smallest package that fits is {package} (up to {limit} addresses).',
  'domain.package.reason.equal':
    'Your approved phone numbers and e-mail addresses are equal in number ({count}). The smallest package that fits is {package} (up to {limit} addresses).',
  'domain.package.reason.aboveAll':
    'Your approved address count ({count}) exceeds the largest package ({limit}). For {package}, price and terms must be agreed with İYS.',
  'domain.package.under5000':
    'You have fewer than 5,000 approved addresses. You must declare this explicitly on the partner assignment form.',
  'domain.package.basicCannotAuthorise':
    'With the free Temel Hizmetler you can manage consents on the İYS web site, but it has no integration (API) module, so you cannot authorise an integrator with it. That needs an İLETİ package.',
};
