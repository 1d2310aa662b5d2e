# First version: to be reviewed by native speakers.
# ميساجات التيليفون (SMS و USSD) بالدارجة المغربية بالحروف العربية. حتى كلمة لاتينية غير الرموز.

phone-language-name = الدارجة

## USSD screens.
ussd-menu = تويزا
    1 تأكد من رمز ديال حملة
    2 بلغ على حاجة
    3 تبع حاجة
    4 دير شكاية
    5 التنبيهات ديال جماعتي
ussd-ask-code = كتب الرمز ديال الحملة (TWZ-...):
ussd-ask-commune = كتب شي حاجة من سمية الجماعة ديالك:
ussd-choose-commune = ختار الجماعة ديالك:
ussd-back = 0 رجع
ussd-ask-category = شنو خاصكم؟
ussd-ask-urgency = واش مزروبين؟
ussd-ask-households = شحال من دار محتاجة؟ كتب رقم:
ussd-confirm-need = { $category }، { $households } ديور، { $commune }.
    1 أكد
    2 لغي
ussd-ask-need-reference = كتب المرجع ديال الحاجة (N-...):
ussd-ask-household = كتب المرجع ديال الدار (HH-...):
ussd-ask-grievance-subject = الشكاية على شنو؟
ussd-confirm-grievance = الدار { $household }: { $subject }.
    1 أكد
    2 لغي
ussd-alert-action = { $commune }
    1 توصلني التنبيهات ديالها
    2 وقف التنبيهات ديالها
ussd-wrong-service = هاد الرمز ماشي ديالنا.

## Answers on both channels.
phone-code-valid = { $code }: { $association }، متأكد منها. مرخصة من { $authority }، مرجع { $reference }، من { $from } حتى { $to }.
phone-code-not-collecting = { $code }: { $association }. ماكاينش جمع اليوم: ماتعطيش الفلوس.
phone-code-unknown = { $code }: ماعروفش ولا ماعندوش رخصة. ماتعطيش الفلوس.
phone-authority-governor = العامل
phone-authority-wali = الوالي
phone-authority-sgg = الأمانة العامة للحكومة
phone-authority-foreign-affairs = وزارة الخارجية
phone-need-recorded = تسجلات الحاجة. المرجع { $reference }: خليه عندك باش تتبعها.
phone-need-no-incident = ماكايناش كارثة محلولة فهاد الجماعة: ماتقدرش تسجل الحاجة هنا.
phone-need-status = الحاجة { $reference }: { $status }.
phone-need-unknown = حتى حاجة ماعندها هاد المرجع.
phone-grievance-filed = تسجلات الشكاية رقم { $number }. الجواب قبل { $date }.
phone-household-unknown = حتى دار ماعندها هاد المرجع.
phone-alert-subscribed = غادي توصلك التنبيهات ديال { $commune }. صيفط ستوب باش توقفها.
phone-alert-unsubscribed = ماغاديش توصلك التنبيهات ديال { $commune }.
phone-commune-none = حتى جماعة ماعندها هاد السمية.
phone-cancelled = تلغى. ماتسجل والو.
phone-invalid-choice = هاد الاختيار ماكاينش. ماتسجل والو.
phone-invalid-number = هادا ماشي عدد ديال الديور. ماتسجل والو.
phone-session-ended = هاد الجلسة سالات. عاود عيط.
phone-session-jumped = هاد الخطوة ما بانتش فالجلسة. عاود عيط.
phone-error = الخدمة ماخدامةش دابا. عاود من بعد.

phone-category-shelter = السكنى
phone-category-food = الماكلة
phone-category-water = الما
phone-category-health = الصحة
phone-category-psychosocial = دعم نفسي
phone-category-hygiene = النظافة
phone-category-education = القراية
phone-category-clothing-blankets = حوايج وبطاطن
phone-category-protection = الحماية
phone-category-other = حاجة أخرى

phone-urgency-critical = كاين خطر على الحياة
phone-urgency-high = اليوم
phone-urgency-medium = هاد السيمانة
phone-urgency-low = تقدر تصبر

phone-status-held = كتسنى المراجعة
phone-status-reported = تسجلات
phone-status-verified = تأكدنا منها
phone-status-assigned = جمعية جاية
phone-status-in-progress = العاونة فالطريق
phone-status-covered = تقضات
phone-status-closed = تسدات
phone-status-merged = تجمعات مع بلاغ قبل منها

phone-subject-exclusion = حيدوني
phone-subject-amount = المبلغ
phone-subject-payment-not-received = الفلوس ماوصلاتش
phone-subject-data-error = غلط فالمعلومات
phone-subject-conduct = المعاملة
phone-subject-other = شي حاجة أخرى

## SMS only.
sms-help = تويزا: صيفط رمز TWZ باش تتأكد من حملة، حاجة باش تبلغ، المرجع N باش تتبع، تنبيه والجماعة، ستوب، شكاية HH والكلام ديالك.
sms-help-short = تويزا: رمز TWZ، حاجة، تنبيه والجماعة، ستوب، شكاية HH
sms-need-ask-commune = بلاغ على حاجة: صيفط سمية الجماعة ديالك.
sms-need-choose-commune = صيفط الرقم ديال الجماعة ديالك: { $list }
sms-need-ask-category = صيفط رقم الحاجة: { $list }
sms-need-ask-households = شحال من دار محتاجة؟ صيفط رقم.
sms-alert-ask-commune = صيفط تنبيه وسمية الجماعة ديالك.
sms-alert-choose = بزاف ديال الجماعات: { $list }. صيفط تنبيه والسمية كاملة.
sms-grievance-usage = صيفط شكاية والمرجع ديال الدار HH والكلام ديالك.
sms-too-long = الميساج طويل بزاف. صيفط ميساج قصير.
sms-too-many = بزاف ديال الميساجات. تسنى دقيقة.
sms-stopped = ماغاديش توصلك التنبيهات من دابا.

## ميساجات الإخبار (حالة الحاجة، التوصل بالشكاية).
sms-notice-need-verified = الحاجة { $reference }: تأكدنا منها. صيفط المرجع باش تتبعها.
sms-notice-need-assigned = الحاجة { $reference }: تعطات لـ { $association }. صيفط المرجع باش تتبعها.
sms-notice-need-covered = الحاجة { $reference }: تقضات. صيفط المرجع باش تتبعها.
sms-notice-need-merged = الحاجة { $reference } تجمعات مع الحاجة { $into }. صيفط { $into } باش تتبعها.
sms-notice-grievance-acknowledged = توصلنا بالشكاية رقم { $number }. الجواب قبل { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = تنبيه من تويزا: الحملة { $appeal } مزورة. ما تعطيوش ليها. تأكدو من أي حملة: صيفطو الرمز ديالها TWZ فمساج لتويزا. صيفطو ستوب باش توقفو التنبيهات.
