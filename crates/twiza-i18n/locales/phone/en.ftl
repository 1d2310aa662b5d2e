# First version: to be reviewed by native speakers.
# Phone messages (SMS and USSD), English. SMS texts stay within GSM-7 and 160 characters; USSD
# screens within 182 characters.

phone-language-name = English

## USSD screens.
ussd-menu = Twiza
    1 Check an appeal's code
    2 Report a need
    3 Follow a need
    4 File a grievance
    5 Alerts for my commune
ussd-ask-code = Type the appeal's code (TWZ-...):
ussd-ask-commune = Type part of your commune's name:
ussd-choose-commune = Choose your commune:
ussd-back = 0 Back
ussd-ask-category = What is needed?
ussd-ask-urgency = How urgent?
ussd-ask-households = How many households need it? Type a number:
ussd-confirm-need = { $category }, { $households } households, { $commune }.
    1 Confirm
    2 Cancel
ussd-ask-need-reference = Type the need's reference (N-...):
ussd-ask-household = Type the household's reference (HH-...):
ussd-ask-grievance-subject = What is the grievance about?
ussd-confirm-grievance = Household { $household }: { $subject }.
    1 Confirm
    2 Cancel
ussd-alert-action = { $commune }
    1 Receive its alerts
    2 Stop its alerts
ussd-wrong-service = This service code is not answered here.

## Answers on both channels.
phone-code-valid = { $code }: { $association }, verified. Authorized by { $authority }, ref. { $reference }, { $from } to { $to }.
phone-code-not-collecting = { $code }: { $association }. Not collecting today: do not give money.
phone-code-unknown = { $code }: unknown or not authorized. Do not give money.
phone-authority-governor = the governor
phone-authority-wali = the wali
phone-authority-sgg = the Government's Secretary-General
phone-authority-foreign-affairs = Foreign Affairs
phone-need-recorded = Need recorded. Reference { $reference }: keep it to follow the need.
phone-need-no-incident = No open incident in this commune: the need cannot be recorded here.
phone-need-status = Need { $reference }: { $status }.
phone-need-unknown = No need has this reference.
phone-grievance-filed = Grievance no. { $number } received. Answer by { $date }.
phone-household-unknown = No household has this reference.
phone-alert-subscribed = You will receive the alerts of { $commune }. Send STOP to stop.
phone-alert-unsubscribed = No more alerts of { $commune }.
phone-commune-none = No commune has this name.
phone-cancelled = Cancelled. Nothing was recorded.
phone-invalid-choice = This choice does not exist. Nothing was recorded.
phone-invalid-number = This is not a number of households. Nothing was recorded.
phone-session-ended = This session has ended. Dial again.
phone-session-jumped = This step was never shown. Dial again.
phone-error = The service is unavailable. Try again later.

phone-category-shelter = Shelter
phone-category-food = Food
phone-category-water = Water
phone-category-health = Health
phone-category-psychosocial = Moral support
phone-category-hygiene = Hygiene
phone-category-education = School
phone-category-clothing-blankets = Clothes, blankets
phone-category-protection = Protection
phone-category-other = Other

phone-urgency-critical = Lives at risk
phone-urgency-high = Today
phone-urgency-medium = This week
phone-urgency-low = Can wait

phone-status-held = waiting for review
phone-status-reported = received
phone-status-verified = verified
phone-status-assigned = an association is coming
phone-status-in-progress = help on its way
phone-status-covered = covered
phone-status-closed = closed
phone-status-merged = merged with an earlier report

phone-subject-exclusion = Excluded
phone-subject-amount = Amount
phone-subject-payment-not-received = Payment not received
phone-subject-data-error = Wrong data
phone-subject-conduct = Conduct
phone-subject-other = Other

## SMS only.
sms-help = Twiza: send TWZ-code to check an appeal, NEED to report a need, its N- reference to follow it, ALERT commune, STOP, COMPLAINT HH-ref text.
sms-help-short = Twiza: TWZ-code, NEED, ALERT commune, STOP, COMPLAINT HH-ref
sms-need-ask-commune = Need report: send the name of your commune.
sms-need-choose-commune = Send the number of your commune: { $list }
sms-need-ask-category = Send the number of what is needed: { $list }
sms-need-ask-households = How many households need it? Send a number.
sms-alert-ask-commune = Send ALERT and the name of your commune.
sms-alert-choose = Several communes match: { $list }. Send ALERT and the full name.
sms-grievance-usage = Send COMPLAINT, the household's reference HH-... and your message.
sms-too-long = Message too long. Send a shorter one.
sms-too-many = Too many messages. Wait one minute.
sms-stopped = You will receive no more alerts.

## Notices by SMS (a need's status, a grievance's acknowledgement).
sms-notice-need-verified = Need { $reference } verified. Send this reference by SMS to follow it.
sms-notice-need-assigned = Need { $reference }: { $association } will bring help. Send this reference by SMS to follow it.
sms-notice-need-covered = Need { $reference } covered. Send this reference by SMS to follow it.
sms-notice-need-merged = Need { $reference } merged into need { $into }. Send { $into } by SMS to follow it.
sms-notice-grievance-acknowledged = Grievance no. { $number } acknowledged. Answer by { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = Twiza warning: the appeal { $appeal } is fake. Do not give to it. Check any appeal by sending its TWZ- code to Twiza by SMS. Send STOP to end alerts.
