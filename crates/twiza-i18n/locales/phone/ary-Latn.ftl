# First version: to be reviewed by native speakers.
# Phone messages in Darija written in Latin letters and digits (3 = ع, 7 = ح, 9 = ق, gh = غ,
# kh = خ, ch = ش), as people text it; used by SMS when the person writes so.

phone-language-name = Darija

## USSD screens.
ussd-menu = Twiza
    1 T2ekked mn code dyal 7amla
    2 Belle3 3la 7aja
    3 Tbe3 7aja
    4 Dir chikaya
    5 Tanbihat dyal jma3ti
ussd-ask-code = Kteb l code dyal l7amla (TWZ-...):
ussd-ask-commune = Kteb chi 7aja mn smiyt jma3tek:
ussd-choose-commune = Khtar jma3tek:
ussd-back = 0 Rje3
ussd-ask-category = Chno khasskom?
ussd-ask-urgency = Wach mzrobin?
ussd-ask-households = Ch7al mn dar m7taja? Kteb raqm:
ussd-confirm-need = { $category }, { $households } dyour, { $commune }.
    1 Akked
    2 Lghi
ussd-ask-need-reference = Kteb lmarja3 dyal l7aja (N-...):
ussd-ask-household = Kteb lmarja3 dyal dar (HH-...):
ussd-ask-grievance-subject = Chikaya 3la chno?
ussd-confirm-grievance = Dar { $household }: { $subject }.
    1 Akked
    2 Lghi
ussd-alert-action = { $commune }
    1 Ywslouni tanbihat dyalha
    2 Wqef tanbihat dyalha
ussd-wrong-service = Had l code machi dyalna.

## Answers on both channels.
phone-code-valid = { $code }: { $association }, mt2ekdin mnha. Rokhsa mn { $authority }, marja3 { $reference }, mn { $from } 7tta { $to }.
phone-code-not-collecting = { $code }: { $association }. Ma kaynch jam3 lyoum: ma t3tich flous.
phone-code-unknown = { $code }: ma m3roufch wla ma 3ndouch rokhsa. Ma t3tich flous.
phone-authority-governor = l3amil
phone-authority-wali = lwali
phone-authority-sgg = l2amana l3amma dyal l7koma
phone-authority-foreign-affairs = wizarat lkharijiya
phone-need-recorded = Tsejlat l7aja. Lmarja3 { $reference }: khallih 3ndek bach tteb3ha.
phone-need-no-incident = Ma kayna 7tta karitha m7loula f had jma3a: ma tqderch tsejjel l7aja hna.
phone-need-status = L7aja { $reference }: { $status }.
phone-need-unknown = 7tta 7aja ma 3ndha had lmarja3.
phone-grievance-filed = Tsejlat chikaya raqm { $number }. Jawab qbel { $date }.
phone-household-unknown = 7tta dar ma 3ndha had lmarja3.
phone-alert-subscribed = Ghadi ywslouk tanbihat dyal { $commune }. Sift STOP bach twqefhom.
phone-alert-unsubscribed = Ma ghadich ywslouk tanbihat dyal { $commune }.
phone-commune-none = 7tta jma3a ma 3ndha had smiya.
phone-cancelled = Tlgha. Ma tsejjel walou.
phone-invalid-choice = Had lkhtiyar ma kaynch. Ma tsejjel walou.
phone-invalid-number = Hada machi 3adad dyal dyour. Ma tsejjel walou.
phone-session-ended = Had jalsa salat. 3awed 3iyet.
phone-session-jumped = Had lkhatwa ma banetch f jalsa. 3awed 3iyet.
phone-error = Lkhidma ma khddamach daba. 3awed mn b3d.

phone-category-shelter = Fin yskno
phone-category-food = Makla
phone-category-water = Lma
phone-category-health = S7a
phone-category-psychosocial = Da3m nafsi
phone-category-hygiene = Nqa
phone-category-education = Qraya
phone-category-clothing-blankets = 7wayej, manta
phone-category-protection = 7imaya
phone-category-other = Chi 7aja khra

phone-urgency-critical = Khatar 3la l7ayat
phone-urgency-high = Lyoum
phone-urgency-medium = Had simana
phone-urgency-low = Tqder tsber

phone-status-held = katsenna lmouraja3a
phone-status-reported = tsejlat
phone-status-verified = t2ekdna mnha
phone-status-assigned = jam3iya jaya
phone-status-in-progress = l3awna f tri9
phone-status-covered = tqdat
phone-status-closed = tsddat
phone-status-merged = tjm3at m3a blagh qbel mnha

phone-subject-exclusion = 7iydouni
phone-subject-amount = Lmablagh
phone-subject-payment-not-received = Flous ma wslatch
phone-subject-data-error = Ghalat f lma3lomat
phone-subject-conduct = Lmou3amala
phone-subject-other = Chi 7aja khra

## SMS only.
sms-help = Twiza: sift TWZ-code bach tt2ekked mn 7amla, HAJA bach tbelle3, lmarja3 N- bach ttbe3, TANBIH jma3a, STOP, SHIKAYA HH-marja3 w klamek.
sms-help-short = Twiza: TWZ-code, HAJA, TANBIH jma3a, STOP, SHIKAYA HH-marja3
sms-need-ask-commune = Blagh 3la 7aja: sift smiyt jma3tek.
sms-need-choose-commune = Sift raqm jma3tek: { $list }
sms-need-ask-category = Sift raqm l7aja: { $list }
sms-need-ask-households = Ch7al mn dar m7taja? Sift raqm.
sms-alert-ask-commune = Sift TANBIH w smiyt jma3tek.
sms-alert-choose = Bzaf dyal jma3at: { $list }. Sift TANBIH w smiya kamla.
sms-grievance-usage = Sift SHIKAYA, lmarja3 dyal dar HH-... w klamek.
sms-too-long = Lmessage twil bzaf. Sift message qsir.
sms-too-many = Bzaf dyal lmessages. Tsenna dqiqa.
sms-stopped = Ma ghadich ywslouk tanbihat mn daba.

## Messages d ikhbar (7alat l7aja, twaslna b chikaya).
sms-notice-need-verified = L7aja { $reference }: t2ekdna mnha. Sift lmarja3 f SMS bach tteb3ha.
sms-notice-need-assigned = L7aja { $reference }: t3tat l { $association }. Sift lmarja3 f SMS bach tteb3ha.
sms-notice-need-covered = L7aja { $reference }: tqdat. Sift lmarja3 f SMS bach tteb3ha.
sms-notice-need-merged = L7aja { $reference } tjm3at m3a l7aja { $into }. Sift { $into } f SMS bach tteb3ha.
sms-notice-grievance-acknowledged = Twaslna b chikaya raqm { $number }. Jawab qbel { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = Tanbih Twiza: l7amla { $appeal } mzawra. Ma t3tiw walo. Tt2ekkdo mn ay 7amla: siftu lcode TWZ- dyalha f SMS l Twiza. Siftu STOP bach tw9fo tanbihat.
