import type { Translations } from '../types';

/** Agent takeover: the support channel's card and thread (agents) and what the customer is told. */
export const handoffTr = {
  'handoff.card.title': 'Temsilci talebi: {company}',
  'handoff.card.company': 'Şirket',
  'handoff.card.step': 'Adım',
  'handoff.card.pending': 'Bekleyen',
  'handoff.card.reason': 'Sebep',
  'handoff.card.channel': 'Müşterinin kanalı',
  'handoff.card.requestedAt': 'Talep zamanı',
  'handoff.card.data': 'Toplanan bilgiler (kişisel veriler maskeli)',
  'handoff.card.transcript': 'Son yazışmalar',
  'handoff.card.noTranscript': 'Henüz yazışma yok.',
  'handoff.card.nothingPending': 'Yok',
  'handoff.card.claim': 'Devral / Take over',
  'handoff.card.waiting': 'Bir temsilcinin devralması bekleniyor.',
  'handoff.card.ownedBy': '{name} devraldı.',
  'handoff.card.alreadyTaken': 'Bu talep zaten {name} tarafından devralındı.',
  'handoff.card.closed': 'Talep kapandı: {reason}.',
  'handoff.reason.customer_request': 'müşteri temsilci istedi',
  'handoff.reason.repeated_invalid_input': 'aynı alan art arda 3 kez hatalı girildi',
  'handoff.reason.reminders_unanswered': 'hatırlatmalar yanıtsız kaldı',
  'handoff.closed.agent': 'temsilci bota devretti',
  'handoff.closed.idle': 'hareketsizlik nedeniyle bota devredildi',
  'handoff.closed.unclaimed': 'süresinde devralınmadı',
  'handoff.customer.claimed':
    'Temsilcimiz {name} görüşmeye katıldı. Bundan sonra yazdıklarınızı doğrudan o okuyacak.',
  'handoff.customer.handedBack':
    'Temsilcimiz görüşmeyi tamamladı. Kaldığımız yerden devam ediyoruz: {step}. Bir sonraki mesajınızı bekliyorum.',
  'handoff.customer.idleHandBack':
    'Görüşme bir süredir sessiz olduğu için kaldığımız yerden ben devam ediyorum: {step}. Temsilci için tekrar "temsilci" yazabilirsiniz.',
  'handoff.customer.unclaimed':
    'Şu anda tüm temsilcilerimiz meşgul. Benimle devam edebilir ya da geri aranmak için telefon numaranızı yazabilirsiniz. Destek hattımız: {supportPhone}.',
  'handoff.customer.continueWithBot': 'Asistanla devam et',
  'handoff.customer.callback': 'Beni geri arayın',
  'handoff.customer.callbackAsk':
    'Sizi hangi numaradan arayalım? Numaranızı örneğin 0532 123 45 67 biçiminde yazın.',
  'handoff.customer.callbackInvalid':
    '{reason} Numaranızı örneğin 0532 123 45 67 biçiminde yazın ya da benimle devam etmek için "devam" yazın.',
  'handoff.customer.callbackSaved':
    'Teşekkürler, sizi mesai saatlerinde {phone} numarasından arayacağız. Bu arada benimle devam edebilirsiniz.',
  'handoff.customer.resume': 'Peki, kaldığımız yerden devam ediyoruz.',
  'handoff.customer.talkToAgent': 'Temsilciyle görüş',
  'handoff.customer.repeatedInvalid':
    'Bu bilgiyi birkaç kez denedik ama olmadı; bir müşteri temsilcimizden yardım istedim, birazdan buradan size yazacak. Bu arada düzeltip tekrar gönderebilirsiniz.',
  'handoff.customer.repeatedInvalidNoAgent':
    'Bu bilgiyi birkaç kez denedik ama olmadı. Bize {supportPhone} numarasından ulaşabilirsiniz; dilerseniz düzeltip tekrar gönderin.',
  'handoff.agent.fromCustomer': '[{channel}] Müşteri: {text}',
  'handoff.agent.attachment': '(dosya veya kart gönderdi)',
  'handoff.agent.claimed': '{name} talebi devraldı. Bu konuya yazdıklarınız müşteriye iletilir. {commands}',
  'handoff.agent.commands': 'Komutlar: /bitir, /adim N, /onayla-isortagi [marka], /not metin, /ozet',
  'handoff.agent.handedBack': 'Görüşme bota devredildi ({step}).',
  'handoff.agent.idleHandBack': 'Görüşme {minutes} dakika hareketsiz kaldığı için bota devredildi.',
  'handoff.agent.unclaimed': 'Talep {minutes} dakika içinde devralınmadı; müşteriye bilgi verildi.',
  'handoff.agent.stepMoved': 'Dosya {step} adımına taşındı. Bot devraldığında bu adımdan başlar.',
  'handoff.agent.stepRefused': 'Adım değiştirilemedi: 1 ile 6 arasında bir adım numarası yazın.',
  'handoff.agent.partnerConfirmed': 'İş ortağı ataması onaylandı: {brands}.',
  'handoff.agent.partnerRefused': 'İş ortağı ataması onaylanamadı: {reason}',
  'handoff.agent.noteSaved': 'Not kaydedildi.',
  'handoff.agent.callback': 'Müşteri geri aranmak istiyor: {phone}',
  'handoff.agent.notOwner': 'Bu görüşmeyi {name} yürütüyor; mesajınız müşteriye iletilmedi.',
  'handoff.agent.notOwned': 'Bu talep henüz devralınmadı; önce kartta "Devral" düğmesine basın.',
  'handoff.agent.unknownCommand': 'Bilinmeyen komut. {commands}',
  'handoff.agent.registered': 'Bu kanal destek kanalı olarak kaydedildi; temsilci talepleri buraya gelecek.',
  'handoff.agent.notRegistered': 'Destek kanalını yalnızca yetkili yöneticiler kaydedebilir.',
  'handoff.agent.unreachable': 'Mesaj müşteriye iletilemedi: kanalına artık ulaşılamıyor.',
  'handoff.agent.summary': 'Özet: {company} | {step} | bekleyen: {pending}\n{data}',
} as const;

export const handoffEn: Translations<typeof handoffTr> = {
  'handoff.card.title': 'Agent request: {company}',
  'handoff.card.company': 'Company',
  'handoff.card.step': 'Step',
  'handoff.card.pending': 'Pending',
  'handoff.card.reason': 'Reason',
  'handoff.card.channel': "Customer's channel",
  'handoff.card.requestedAt': 'Requested at',
  'handoff.card.data': 'Collected data (personal data masked)',
  'handoff.card.transcript': 'Recent messages',
  'handoff.card.noTranscript': 'No messages yet.',
  'handoff.card.nothingPending': 'Nothing',
  'handoff.card.claim': 'Devral / Take over',
  'handoff.card.waiting': 'Waiting for an agent to take over.',
  'handoff.card.ownedBy': 'Taken over by {name}.',
  'handoff.card.alreadyTaken': 'This request was already taken by {name}.',
  'handoff.card.closed': 'Request closed: {reason}.',
  'handoff.reason.customer_request': 'the customer asked for an agent',
  'handoff.reason.repeated_invalid_input': 'the same field was refused 3 times in a row',
  'handoff.reason.reminders_unanswered': 'reminders went unanswered',
  'handoff.closed.agent': 'the agent handed back to the bot',
  'handoff.closed.idle': 'handed back to the bot after inactivity',
  'handoff.closed.unclaimed': 'not taken over in time',
  'handoff.customer.claimed': 'Our agent {name} joined the chat. From now on they read what you write here.',
  'handoff.customer.handedBack':
    'Our agent has finished. We continue where we left off: {step}. I am waiting for your next message.',
  'handoff.customer.idleHandBack':
    'The chat has been quiet for a while, so I am taking over again where we left off: {step}. Write "agent" to ask for a person again.',
  'handoff.customer.unclaimed':
    'All our agents are busy right now. You can continue with me or write your phone number to be called back. Our support line: {supportPhone}.',
  'handoff.customer.continueWithBot': 'Continue with the assistant',
  'handoff.customer.callback': 'Call me back',
  'handoff.customer.callbackAsk': 'Which number should we call? Write it like 0532 123 45 67.',
  'handoff.customer.callbackInvalid':
    '{reason} Write your number like 0532 123 45 67, or write "continue" to carry on with me.',
  'handoff.customer.callbackSaved':
    'Thank you, we will call you on {phone} during business hours. Meanwhile you can continue with me.',
  'handoff.customer.resume': 'All right, we continue where we left off.',
  'handoff.customer.talkToAgent': 'Talk to an agent',
  'handoff.customer.repeatedInvalid':
    'We tried this a few times without luck, so I asked one of our support agents for help; they will write to you here shortly. Meanwhile you can correct it and send it again.',
  'handoff.customer.repeatedInvalidNoAgent':
    'We tried this a few times without luck. You can reach us on {supportPhone}, or correct it and send it again.',
  'handoff.agent.fromCustomer': '[{channel}] Customer: {text}',
  'handoff.agent.attachment': '(sent a file or a card)',
  'handoff.agent.claimed':
    '{name} took the request. What you write in this thread goes to the customer. {commands}',
  'handoff.agent.commands': 'Commands: /bitir, /adim N, /onayla-isortagi [brand], /not text, /ozet',
  'handoff.agent.handedBack': 'The chat was handed back to the bot ({step}).',
  'handoff.agent.idleHandBack':
    'The chat was handed back to the bot after {minutes} minutes without activity.',
  'handoff.agent.unclaimed': 'Nobody took the request within {minutes} minutes; the customer was told.',
  'handoff.agent.stepMoved': 'The case was moved to {step}. The bot starts there when it takes over.',
  'handoff.agent.stepRefused': 'The step was not changed: give a step number from 1 to 6.',
  'handoff.agent.partnerConfirmed': 'Partner assignment confirmed: {brands}.',
  'handoff.agent.partnerRefused': 'The partner assignment could not be confirmed: {reason}',
  'handoff.agent.noteSaved': 'Note saved.',
  'handoff.agent.callback': 'The customer asks to be called back: {phone}',
  'handoff.agent.notOwner': '{name} owns this chat; your message was not sent to the customer.',
  'handoff.agent.notOwned': 'Nobody has taken this request yet; press "Take over" on the card first.',
  'handoff.agent.unknownCommand': 'Unknown command. {commands}',
  'handoff.agent.registered': 'This channel is now the support channel; agent requests will come here.',
  'handoff.agent.notRegistered': 'Only authorised administrators can register the support channel.',
  'handoff.agent.unreachable':
    "The message did not reach the customer: their channel can't be reached any more.",
  'handoff.agent.summary': 'Summary: {company} | {step} | pending: {pending}\n{data}',
};
