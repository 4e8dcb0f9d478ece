import type { Translations } from '../types';

/** Messages for validator issue codes (src/domain/validators). Placeholders match the issues' params. */
export const validationTr = {
  'validation.required': 'Bu alan zorunludur.',
  'validation.invalidValue': 'Bu değer geçerli değil.',
  'validation.unknownField': 'Bilinmeyen alan: {field}.',
  'validation.tckn.format': 'T.C. Kimlik No 11 haneli olmalı ve yalnızca rakam içermelidir.',
  'validation.tckn.leadingZero': 'T.C. Kimlik No 0 ile başlayamaz.',
  'validation.tckn.checksum': 'Bu T.C. Kimlik No geçerli değil; lütfen rakamları kontrol edin.',
  'validation.vkn.format':
    'Vergi kimlik numarası 10 haneli olmalıdır (şahıs işletmelerinde 11 haneli T.C. Kimlik No da kabul edilir).',
  'validation.vkn.checksum': 'Bu vergi kimlik numarası geçerli değil; lütfen rakamları kontrol edin.',
  'validation.vkn.tcknChecksum':
    '11 haneli numara T.C. Kimlik No olarak doğrulanamadı; lütfen rakamları kontrol edin.',
  'validation.mersis.format': 'MERSİS numarası 16 haneli olmalıdır (girilen: {length} hane).',
  'validation.mersis.vknMismatch':
    'MERSİS numarasının 2.–11. haneleri genellikle vergi kimlik numarasıyla ({vkn}) aynıdır; burada farklı görünüyor. Numara doğruysa devam edebilirsiniz.',
  'validation.passport.charset': 'Pasaport numarası yalnızca harf ve rakamlardan oluşmalıdır.',
  'validation.passport.length':
    'Pasaport numarası {min} ile {max} karakter arasında olmalıdır (girilen: {length}).',
  'validation.phone.charset': 'Telefon numarasında yalnızca rakam, boşluk, +, - ve parantez kullanılabilir.',
  'validation.phone.invalid':
    'Bu telefon numarası geçerli görünmüyor. Örnek: 0212 123 45 67 veya 0532 123 45 67.',
  'validation.phone.notTurkish': 'Lütfen Türkiye’de kayıtlı (+90) bir telefon numarası girin.',
  'validation.mobile.notMobile':
    'Lütfen bir cep telefonu numarası girin (05XX ile başlayan). Örnek: 0532 123 45 67.',
  'validation.email.invalid': 'Bu e-posta adresi geçerli görünmüyor. Örnek: ad.soyad@sirketiniz.com.tr',
  'validation.email.freeMail':
    'İYS kurumsal bir e-posta adresi bekler; {domain} uzantılı adresler kabul edilmeyebilir. Mümkünse şirket alan adınızla biten bir adres girin.',
  'validation.website.invalid': 'Lütfen geçerli bir web sitesi adresi girin. Örnek: www.sirketiniz.com.tr',
  'validation.website.scheme': 'Web sitesi adresi http:// veya https:// ile başlamalıdır.',
  'validation.province.unknown':
    '“{input}” adında bir il bulamadım. Lütfen ilin adını veya plaka kodunu yazın.',
  'validation.province.unknownWithSuggestions':
    '“{input}” adında bir il bulamadım. Şunlardan birini mi demek istediniz: {suggestions}?',
  'validation.smsSender.turkishLetter':
    'SMS başlığında Türkçe karakter kullanılamaz: {letters}. Bu harfleri şöyle değiştirebilirsiniz: {replacements}. Öneri: {suggestion}',
  'validation.smsSender.charset':
    "SMS başlığında “{char}” karakteri kullanılamaz. Yalnızca harf, rakam, boşluk ve . - _ & ' kullanılabilir.",
  'validation.smsSender.length':
    'SMS başlığı {min} ile {max} karakter arasında olmalıdır (girilen: {length}).',
  'validation.iysCode.format':
    'İYS numarası (İYSKod) yalnızca rakamlardan oluşmalı ve en fazla 10 haneli olmalıdır.',
  'validation.iysCode.unusualLength':
    'İYS numaraları genellikle 5–8 hanelidir; girdiğiniz numara {length} haneli. Lütfen İYS’nin gönderdiği e-postadan kontrol edin.',
  'validation.brandCode.format': 'BrandKod yalnızca rakamlardan oluşmalı ve en fazla 10 haneli olmalıdır.',
  'validation.brandCode.unusualLength':
    'BrandKod genellikle 5–8 hanelidir; girdiğiniz kod {length} haneli. Lütfen İYS’nin gönderdiği e-postadan kontrol edin.',
  'validation.applicationNo.format': 'Başvuru numarası 6–12 harf veya rakamdan oluşur (örneğin MX3ZB5JA).',
  'validation.applicationNo.notIysCode':
    'Hatırlatma: başvuru numarası İYS numaranız (İYSKod) değildir. İYSKod, başvurunuz onaylandıktan sonra İYS tarafından e-postayla gönderilir.',
  'validation.tradeTitle.length':
    'Ticari unvan {min} ile {max} karakter arasında olmalıdır (girilen: {length}).',
  'validation.address.length': 'Adres {min} ile {max} karakter arasında olmalıdır (girilen: {length}).',
  'validation.text.length': 'Bu alan {min} ile {max} karakter arasında olmalıdır (girilen: {length}).',
  'validation.personName.invalid': 'Lütfen adı ve soyadı harflerle yazın.',
  'validation.count.notInteger': 'Lütfen tam sayı girin; binlik ayırıcı kullanabilirsiniz (örneğin 1.500).',
  'validation.count.negative': 'Sayı sıfırdan küçük olamaz.',
} as const;

export const validationEn: Translations<typeof validationTr> = {
  'validation.required': 'This field is required.',
  'validation.invalidValue': 'This value is not valid.',
  'validation.unknownField': 'Unknown field: {field}.',
  'validation.tckn.format': 'The Turkish ID number (T.C. Kimlik No) must be 11 digits.',
  'validation.tckn.leadingZero': 'The Turkish ID number cannot start with 0.',
  'validation.tckn.checksum': 'This Turkish ID number is not valid; please check the digits.',
  'validation.vkn.format':
    'The tax number must be 10 digits (a sole proprietor may give the 11-digit Turkish ID number instead).',
  'validation.vkn.checksum': 'This tax number is not valid; please check the digits.',
  'validation.vkn.tcknChecksum':
    'The 11-digit number is not a valid Turkish ID number; please check the digits.',
  'validation.mersis.format': 'The MERSİS number must be 16 digits (you entered {length}).',
  'validation.mersis.vknMismatch':
    'Digits 2–11 of a MERSİS number usually equal the tax number ({vkn}); here they differ. If the number is right, you can continue.',
  'validation.passport.charset': 'The passport number may contain only letters and digits.',
  'validation.passport.length':
    'The passport number must be {min} to {max} characters long (you entered {length}).',
  'validation.phone.charset': 'A phone number may contain only digits, spaces, +, - and parentheses.',
  'validation.phone.invalid':
    'This phone number does not look valid. Example: 0212 123 45 67 or 0532 123 45 67.',
  'validation.phone.notTurkish': 'Please enter a phone number registered in Türkiye (+90).',
  'validation.mobile.notMobile':
    'Please enter a mobile number (starting with 05XX). Example: 0532 123 45 67.',
  'validation.email.invalid':
    'This e-mail address does not look valid. Example: name.surname@yourcompany.com',
  'validation.email.freeMail':
    'İYS expects a corporate e-mail address; addresses at {domain} may not be accepted. If possible, use an address on your company’s domain.',
  'validation.website.invalid': 'Please enter a valid web site address. Example: www.yourcompany.com',
  'validation.website.scheme': 'The web site address must start with http:// or https://.',
  'validation.province.unknown':
    'I could not find a province called “{input}”. Please type its name or plate code.',
  'validation.province.unknownWithSuggestions':
    'I could not find a province called “{input}”. Did you mean: {suggestions}?',
  'validation.smsSender.turkishLetter':
    'An SMS sender name cannot contain Turkish letters: {letters}. Replace them like this: {replacements}. Suggestion: {suggestion}',
  'validation.smsSender.charset':
    "An SMS sender name cannot contain “{char}”. Only letters, digits, spaces and . - _ & ' are allowed.",
  'validation.smsSender.length':
    'An SMS sender name must be {min} to {max} characters long (you entered {length}).',
  'validation.iysCode.format': 'The İYS number (İYSKod) must be digits only, at most 10 of them.',
  'validation.iysCode.unusualLength':
    'İYS numbers usually have 5–8 digits; yours has {length}. Please check it against the e-mail from İYS.',
  'validation.brandCode.format': 'The BrandKod must be digits only, at most 10 of them.',
  'validation.brandCode.unusualLength':
    'BrandKods usually have 5–8 digits; yours has {length}. Please check it against the e-mail from İYS.',
  'validation.applicationNo.format':
    'The application number is 6–12 letters or digits (for example MX3ZB5JA).',
  'validation.applicationNo.notIysCode':
    'Reminder: the application number is not your İYS number (İYSKod). İYS e-mails the İYSKod after your application is approved.',
  'validation.tradeTitle.length':
    'The trade title must be {min} to {max} characters long (you entered {length}).',
  'validation.address.length': 'The address must be {min} to {max} characters long (you entered {length}).',
  'validation.text.length': 'This field must be {min} to {max} characters long (you entered {length}).',
  'validation.personName.invalid': 'Please write the full name in letters.',
  'validation.count.notInteger':
    'Please enter a whole number; thousands separators are fine (for example 1,500).',
  'validation.count.negative': 'The number cannot be negative.',
};
