import type { Translations } from '../types';

/** KVKK: deletion on request ("verilerimi sil" / "delete my data"). */
export const privacyTr = {
  'dialogs.erase.question':
    'Başvurunuzla ilgili tüm kişisel verilerinizi (şirket ve yetkili bilgileri, yazışma geçmişi, hatırlatmalar) silmemi istiyor musunuz? Bu işlem geri alınamaz; kayda yeniden başlamanız gerekir.',
  'dialogs.erase.yes': 'Evet, verilerimi sil',
  'dialogs.erase.no': 'Hayır, devam et',
  'dialogs.erase.kept': 'Tamam, hiçbir şeyi silmedim. Kaldığınız yerden devam edebilirsiniz.',
  'dialogs.erase.done':
    'Verilerinizi sildim. Bizde yalnızca bir silme talebinin yerine getirildiğine dair, kimliğinizi içermeyen bir kayıt kalır. Yeniden başlamak isterseniz bana yazmanız yeterli.',
} as const;

export const privacyEn: Translations<typeof privacyTr> = {
  'dialogs.erase.question':
    'Do you want me to delete all personal data of your application (company and signatory details, chat history, reminders)? This cannot be undone; you would have to start the registration again.',
  'dialogs.erase.yes': 'Yes, delete my data',
  'dialogs.erase.no': 'No, continue',
  'dialogs.erase.kept': 'All right, nothing was deleted. You can continue where you were.',
  'dialogs.erase.done':
    'Your data has been deleted. We keep only a record, without your identity, that a deletion request was carried out. To start again, just write to me.',
};
