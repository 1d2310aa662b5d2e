# First version: to be reviewed by native speakers.
# رسائل الهاتف (الرسائل القصيرة وخدمة USSD) بالعربية الفصحى. لا كلمات لاتينية إلا الرموز.

phone-language-name = العربية

## USSD screens.
ussd-menu = تويزا
    1 التحقق من رمز حملة
    2 الإبلاغ عن حاجة
    3 تتبع حاجة
    4 تقديم شكاية
    5 تنبيهات جماعتي
ussd-ask-code = اكتب رمز الحملة (TWZ-...):
ussd-ask-commune = اكتب جزءا من اسم جماعتك:
ussd-choose-commune = اختر جماعتك:
ussd-back = 0 رجوع
ussd-ask-category = ما الحاجة؟
ussd-ask-urgency = ما درجة الاستعجال؟
ussd-ask-households = كم عدد الأسر المحتاجة؟ اكتب رقما:
ussd-confirm-need = { $category }، { $households } أسر، { $commune }.
    1 تأكيد
    2 إلغاء
ussd-ask-need-reference = اكتب مرجع الحاجة (N-...):
ussd-ask-household = اكتب مرجع الأسرة (HH-...):
ussd-ask-grievance-subject = موضوع الشكاية:
ussd-confirm-grievance = الأسرة { $household }: { $subject }.
    1 تأكيد
    2 إلغاء
ussd-alert-action = { $commune }
    1 تلقي تنبيهاتها
    2 إيقاف تنبيهاتها
ussd-wrong-service = رمز الخدمة هذا لا يخدم هنا.

## Answers on both channels.
phone-code-valid = { $code }: { $association }، موثقة. رخصة من { $authority }، مرجع { $reference }، من { $from } إلى { $to }.
phone-code-not-collecting = { $code }: { $association }. لا جمع اليوم: لا تعط المال.
phone-code-unknown = { $code }: غير معروف أو غير مرخص. لا تعط المال.
phone-authority-governor = العامل
phone-authority-wali = الوالي
phone-authority-sgg = الأمانة العامة للحكومة
phone-authority-foreign-affairs = وزارة الخارجية
phone-need-recorded = سجلت الحاجة. المرجع { $reference }: احتفظ به لتتبعها.
phone-need-no-incident = لا كارثة مفتوحة في هذه الجماعة: لا يمكن تسجيل الحاجة هنا.
phone-need-status = الحاجة { $reference }: { $status }.
phone-need-unknown = لا حاجة بهذا المرجع.
phone-grievance-filed = سجلت الشكاية رقم { $number }. الجواب قبل { $date }.
phone-household-unknown = لا أسرة بهذا المرجع.
phone-alert-subscribed = ستتلقى تنبيهات { $commune }. أرسل توقف للإيقاف.
phone-alert-unsubscribed = لا تنبيهات بعد الآن من { $commune }.
phone-commune-none = لا جماعة بهذا الاسم.
phone-cancelled = ألغي. لم يسجل شيء.
phone-invalid-choice = هذا الاختيار غير موجود. لم يسجل شيء.
phone-invalid-number = هذا ليس عدد أسر. لم يسجل شيء.
phone-session-ended = انتهت هذه الجلسة. اتصل من جديد.
phone-session-jumped = هذه الخطوة لم تظهر في الجلسة. اتصل من جديد.
phone-error = الخدمة غير متاحة. حاول لاحقا.

phone-category-shelter = مأوى
phone-category-food = غذاء
phone-category-water = ماء
phone-category-health = صحة
phone-category-psychosocial = دعم نفسي
phone-category-hygiene = نظافة
phone-category-education = تمدرس
phone-category-clothing-blankets = ملابس وأغطية
phone-category-protection = حماية
phone-category-other = غير ذلك

phone-urgency-critical = أرواح في خطر
phone-urgency-high = اليوم
phone-urgency-medium = هذا الأسبوع
phone-urgency-low = يمكن الانتظار

phone-status-held = في انتظار المراجعة
phone-status-reported = مسجلة
phone-status-verified = تم التحقق منها
phone-status-assigned = جمعية في الطريق
phone-status-in-progress = المساعدة في الطريق
phone-status-covered = تمت تلبيتها
phone-status-closed = مغلقة
phone-status-merged = دمجت مع بلاغ سابق

phone-subject-exclusion = إقصاء
phone-subject-amount = المبلغ
phone-subject-payment-not-received = أداء لم يصل
phone-subject-data-error = خطأ في المعطيات
phone-subject-conduct = سلوك
phone-subject-other = غير ذلك

## SMS only.
sms-help = تويزا: أرسل رمز TWZ للتحقق من حملة، حاجة للإبلاغ، مرجع N للتتبع، تنبيه واسم الجماعة، توقف، شكاية HH ونصها.
sms-help-short = تويزا: رمز TWZ، حاجة، تنبيه وجماعة، توقف، شكاية HH
sms-need-ask-commune = الإبلاغ عن حاجة: أرسل اسم جماعتك.
sms-need-choose-commune = أرسل رقم جماعتك: { $list }
sms-need-ask-category = أرسل رقم الحاجة: { $list }
sms-need-ask-households = كم عدد الأسر المحتاجة؟ أرسل رقما.
sms-alert-ask-commune = أرسل تنبيه واسم جماعتك.
sms-alert-choose = عدة جماعات: { $list }. أرسل تنبيه والاسم الكامل.
sms-grievance-usage = أرسل شكاية ومرجع الأسرة HH ورسالتك.
sms-too-long = الرسالة طويلة جدا. أرسل رسالة أقصر.
sms-too-many = رسائل كثيرة. انتظر دقيقة.
sms-stopped = لن تتلقى تنبيهات بعد الآن.

## إشعارات بالرسائل القصيرة (حالة حاجة، الإشعار باستلام شكاية).
sms-notice-need-verified = الحاجة { $reference }: تم التحقق منها. أرسل المرجع لتتبعها.
sms-notice-need-assigned = الحاجة { $reference }: أسندت إلى { $association }. أرسل المرجع لتتبعها.
sms-notice-need-covered = الحاجة { $reference }: تمت تلبيتها. أرسل المرجع لتتبعها.
sms-notice-need-merged = الحاجة { $reference } دمجت في الحاجة { $into }. أرسل { $into } لتتبعها.
sms-notice-grievance-acknowledged = تم استلام الشكاية رقم { $number }. الجواب قبل { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = تحذير من تويزا: الحملة { $appeal } مزيفة. لا تتبرعوا لها. تحققوا من أي حملة بإرسال رمزها TWZ في رسالة قصيرة إلى تويزا. أرسلوا توقف لإيقاف التنبيهات.
