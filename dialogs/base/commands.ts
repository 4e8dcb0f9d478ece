export type GlobalCommand =
  'help' | 'status' | 'menu' | 'back' | 'cancel' | 'agent' | 'turkish' | 'english' | 'erase';

const WORDS: Readonly<Record<string, GlobalCommand>> = {
  yardım: 'help',
  yardim: 'help',
  help: 'help',
  '?': 'help',
  durum: 'status',
  status: 'status',
  menü: 'menu',
  menu: 'menu',
  geri: 'back',
  back: 'back',
  iptal: 'cancel',
  cancel: 'cancel',
  vazgeç: 'cancel',
  temsilci: 'agent',
  agent: 'agent',
  'müşteri temsilcisi': 'agent',
  'temsilciyle görüş': 'agent',
  'temsilciyle görüşmek istiyorum': 'agent',
  türkçe: 'turkish',
  turkce: 'turkish',
  turkish: 'turkish',
  english: 'english',
  ingilizce: 'english',
  'in english': 'english',
  // KVKK deletion on request; always confirmed before anything is deleted.
  'verilerimi sil': 'erase',
  'verilerimi silin': 'erase',
  'kişisel verilerimi sil': 'erase',
  'kişisel verilerimi silin': 'erase',
  'delete my data': 'erase',
  'erase my data': 'erase',
};

/**
 * A message that is only a command word (Turkish or English, any case, trailing punctuation ignored).
 * Longer sentences are answers, not commands: "geri ödeme" must not jump back.
 */
export function parseCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  const normalised = text
    .trim()
    .toLocaleLowerCase('tr')
    .replace(/[.!]+$/u, '')
    .replace(/\s+/g, ' ');
  return WORDS[normalised];
}
