# First version: to be reviewed by native speakers.
# Phone messages in Tamazight written in IRCAM's Latin transcription, kept plain for phones
# (gh for the IRCAM letter of the same sound, no dotted letters).

phone-language-name = Tamazight

## USSD screens.
ussd-menu = Twiza
    1 Senqed tangalt n usuter
    2 Ini tuxsa
    3 Dfer tuxsa
    4 Ssekcem ccikayt
    5 Ilghuten n tejmaet inu
ussd-ask-code = Ari tangalt n usuter (TWZ-...):
ussd-ask-commune = Ari kra g yisem n tejmaet nnek:
ussd-choose-commune = Sti tajmaet nnek:
ussd-back = 0 Urri
ussd-ask-category = Mad ixussan?
ussd-ask-urgency = Is izrb?
ussd-ask-households = Mennaw n tgemmiwin ayd ixussan? Ari uttun:
ussd-confirm-need = { $category }, { $households } tgemmiwin, { $commune }.
    1 Sentem
    2 Sser
ussd-ask-need-reference = Ari asissen n tuxsa (N-...):
ussd-ask-household = Ari asissen n tgemmi (HH-...):
ussd-ask-grievance-subject = Ccikayt f mad?
ussd-confirm-grievance = Tagemmi { $household }: { $subject }.
    1 Sentem
    2 Sser
ussd-alert-action = { $commune }
    1 Amz ilghuten nnes
    2 Hbes ilghuten nnes
ussd-wrong-service = Tangalt ad ur tga tin Twiza.

## Answers on both channels.
phone-code-valid = { $code }: { $association }, tettwasenqed. Turagt n { $authority }, asissen { $reference }, zg { $from } ar { $to }.
phone-code-not-collecting = { $code }: { $association }. Ur illi usmun ass ad: ur ttefk idrimen.
phone-code-unknown = { $code }: ur tettwassen negh ur tesei turagt. Ur ttefk idrimen.
phone-authority-governor = amel
phone-authority-wali = lwali
phone-authority-sgg = tamaynut tamatayt n tnbaddat
phone-authority-foreign-affairs = tamawalt n tghawsiwin tibraniyin
phone-need-recorded = Tettwaru tuxsa. Asissen { $reference }: ttaf t i udfar.
phone-need-no-incident = Ur illi kra n tmsibt g tejmaet ad: ur tezdart ad taru tuxsa da.
phone-need-status = Tuxsa { $reference }: { $status }.
phone-need-unknown = Ur illi tuxsa s usissen ad.
phone-grievance-filed = Tettwaru ccikayt uttun { $number }. Tiririt qbel { $date }.
phone-household-unknown = Ur tlli tgemmi s usissen ad.
phone-alert-subscribed = Rad ak d ilkmen ilghuten n { $commune }. Azen STOP i uhbas.
phone-alert-unsubscribed = Ur rad ak d ilkmen ilghuten n { $commune }.
phone-commune-none = Ur tlli tejmaet s yisem ad.
phone-cancelled = Tettwasser. Ur ittwaru walu.
phone-invalid-choice = Asti ad ur illi. Ur ittwaru walu.
phone-invalid-number = Ad ur igi uttun n tgemmiwin. Ur ittwaru walu.
phone-session-ended = Tfukat tgemmart ad. Ales tighri.
phone-session-jumped = Tasurift ad ur d tban g tgemmart. Ales tighri.
phone-error = Tanfa ur tlli dghi. Ales dffir.

phone-category-shelter = Axxam
phone-category-food = Tirmt
phone-category-water = Aman
phone-category-health = Tadawsa
phone-category-psychosocial = Tallalt n wul
phone-category-hygiene = Tizdeg
phone-category-education = Almud
phone-category-clothing-blankets = Iselsa, ihendiren
phone-category-protection = Aharez
phone-category-other = Yadnin

phone-urgency-critical = Tudert g ugur
phone-urgency-high = Ass ad
phone-urgency-medium = Imalass ad
phone-urgency-low = Izdar ad yagul

phone-status-held = ar tettrju asenqed
phone-status-reported = tettwaru
phone-status-verified = tettwasenqed
phone-status-assigned = tamesmunt ar d tettas
phone-status-in-progress = tallalt g ubrid
phone-status-covered = tettwaskar
phone-status-closed = tettwamdel
phone-status-merged = tettwasmun d yan ubgher izwarn

phone-subject-exclusion = Asufegh
phone-subject-amount = Azal
phone-subject-payment-not-received = Ur d lkimen idrimen
phone-subject-data-error = Tuccda g isefka
phone-subject-conduct = Tikli
phone-subject-other = Yadnin

## SMS only.
sms-help = Twiza: azen TWZ-tangalt i usenqed n usuter, TUXSA i unna n tuxsa, asissen N- i udfar, ALGHU tajmaet, STOP, CCIKAYT HH-asissen d awal nnek.
sms-help-short = Twiza: TWZ-tangalt, TUXSA, ALGHU tajmaet, STOP, CCIKAYT HH-asissen
sms-need-ask-commune = Tuxsa: azen isem n tejmaet nnek.
sms-need-choose-commune = Azen uttun n tejmaet nnek: { $list }
sms-need-ask-category = Azen uttun n tuxsa: { $list }
sms-need-ask-households = Mennaw n tgemmiwin ayd ixussan? Azen uttun.
sms-alert-ask-commune = Azen ALGHU d yisem n tejmaet nnek.
sms-alert-choose = Mnid tijmaeyin: { $list }. Azen ALGHU d yisem ikmln.
sms-grievance-usage = Azen CCIKAYT, asissen n tgemmi HH-... d awal nnek.
sms-too-long = Izen ad ighzzif bahra. Azen yan izen imzzin.
sms-too-many = Gutn yiznan. Rju yat tusdidt.
sms-stopped = Ur rad ak d ilkmen ilghuten.

## Isalan s SMS (addad n tuxsa, tiggawt n ccikayt).
sms-notice-need-verified = Tuxsa { $reference }: tettwasenqed. Azen asissen s SMS ad tt tdfred.
sms-notice-need-assigned = Tuxsa { $reference }: tettunefk i { $association }. Azen asissen s SMS ad tt tdfred.
sms-notice-need-covered = Tuxsa { $reference }: tettwaskar. Azen asissen s SMS ad tt tdfred.
sms-notice-need-merged = Tuxsa { $reference } tettwasmun d tuxsa { $into }. Azen { $into } s SMS ad tt tdfred.
sms-notice-grievance-acknowledged = Tettwamz ccikayt uttun { $number }. Tiririt qbel { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = Alghu n Twiza: asuter { $appeal } ur idd sah. Ur ttfkat walu. Senqdat kra n usuter: azent TWZ-tangalt s SMS i Twiza. Azent STOP i usbedd n ilghuten.
