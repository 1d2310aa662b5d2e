### Twiza — الرسائل باللغة العربية (العربية الفصحى كما تكتبها المؤسسات المغربية).
### Same keys and, per message, same variables in ar.ftl, fr.ftl, zgh.ftl and en.ftl (checked by
### the tests). Plural variants are selected with PLURAL($n): see crates/twiza-i18n/src/plural.rs.
### Moroccan usage: Latin digits (0-9), Moroccan month names, الجهة/العمالة أو الإقليم/الجماعة.

## عام

app-name = تويزة
app-tagline = التضامن الاجتماعي، معًا
# اسم اللغة بهذه اللغة، يظهر في قائمة اختيار اللغة.
language-name = العربية
language-label = اللغة
skip-to-content = الانتقال إلى المحتوى
nav-home = الرئيسية
nav-directory = دليل الجمعيات
nav-sign-in = تسجيل الدخول
nav-sign-up = إنشاء حساب
nav-sign-out = تسجيل الخروج
nav-my-associations = جمعياتي
nav-verification-queue = الجمعيات المطلوب توثيقها
nav-authorizations = طلبات الترخيص
nav-api-tokens = رموز الواجهة البرمجية
# التسمية الخاصة بقارئات الشاشة لعنصر التنقل الرئيسي.
nav-main-label = التنقل الرئيسي
footer-geo-credit = المعطيات الجغرافية: المندوبية السامية للتخطيط — الإحصاء العام للسكان والسكنى 2024، رخصة CC BY 4.0
footer-api = الواجهة البرمجية العمومية
# رمز الدرهم المغربي (CLDR ar: «د.م.»).
currency-mad = د.م.

## أسماء الشهور (التسميات المعتمدة في المغرب، CLDR ar_MA)

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = ماي
month-6 = يونيو
month-7 = يوليوز
month-8 = غشت
month-9 = شتنبر
month-10 = أكتوبر
month-11 = نونبر
month-12 = دجنبر

## الإجراءات

action-save = حفظ
action-create = إنشاء
action-search = بحث
action-verify = توثيق
action-reject = رفض
action-revoke = إبطال
action-invite = دعوة
# زر تأكيد تغيير اللغة.
action-change = تغيير
action-accept = قبول

## ترقيم الصفحات

pagination-previous = السابق
pagination-next = التالي
pagination-label = ترقيم الصفحات
page-count = الصفحة { $page } من { $pages }

## الصفحة الرئيسية

home-title = تضامن يمكنك التحقق منه
home-intro = تجمع تويزة الجمعيات والمانحين والمتطوعين والسلطات والأسر المتضررة حول صورة واحدة مشتركة وقابلة للتحقق عن الاحتياجات والأموال والمواد.
home-directory-link = ابحث عن جمعية موثقة
home-create-association = سجل جمعيتك

## الحسابات

account-email = البريد الإلكتروني
account-password = كلمة المرور
account-password-hint = 12 حرفًا على الأقل.
account-display-name = الاسم المعروض
account-sign-up-title = إنشاء حساب
account-sign-in-title = تسجيل الدخول
account-sign-up-submit = إنشاء الحساب
account-sign-in-submit = دخول
account-signed-in-as = تم تسجيل الدخول باسم { $name }
account-no-account = ليس لديك حساب بعد؟
account-have-account = لديك حساب بالفعل؟

## الجمعيات

org-create-title = تسجيل جمعية
org-name-ar = الاسم القانوني بالعربية
org-name-fr = الاسم القانوني بالفرنسية
org-name-zgh = الاسم بتيفيناغ (اختياري)
org-declaration-number = رقم وصل التصريح
org-declaration-date = تاريخ وصل التصريح
org-declaration-help = الوصل النهائي المسلم طبقًا للظهير الشريف رقم 1.58.376 الذي يضبط بموجبه حق تأسيس الجمعيات.
org-region = الجهة
org-province = العمالة أو الإقليم
org-commune = الجماعة
org-commune-help = رمز الجماعة (المندوبية السامية للتخطيط) أو اسمها
org-domains = مجالات العمل
org-email = البريد الإلكتروني للتواصل
org-phone = هاتف التواصل
org-website = الموقع الإلكتروني
org-address = العنوان
org-description = الوصف
org-logo = الشعار (PNG أو JPEG أو WebP، بحجم أقصاه 200 كيلوبايت)
org-status = الحالة
org-status-pending = في انتظار التوثيق
org-status-verified = موثقة
org-status-rejected = مرفوضة
org-rejection-reason = سبب الرفض
org-verified-badge = جمعية موثقة
org-members = الأعضاء
org-member-role = الدور
org-invite-title = دعوة عضو
org-invitations = الدعوات قيد الانتظار
org-pending-notice = هذه الجمعية في انتظار توثيقها من طرف المنصة، ولا تظهر بعد في الدليل العمومي.
org-rejected-notice = تم رفض التوثيق: { $reason }
org-none = لست عضوًا في أي جمعية بعد.
org-profile-location = الموقع الجغرافي
org-profile-contacts = معلومات الاتصال
org-created = تم تسجيل الجمعية. وستظهر في الدليل بعد توثيقها.

## مجالات العمل (المفتاح: domain-<id>)

domain-relief = الإغاثة الاستعجالية
domain-health = الصحة
domain-education = التربية والتعليم
domain-children = الطفولة
domain-women = المرأة
domain-elderly = الأشخاص المسنون
domain-disability = الأشخاص في وضعية إعاقة
domain-water = الماء والتطهير
domain-housing = السكن وإعادة البناء
domain-food = الأمن الغذائي
domain-rural = التنمية القروية
domain-environment = البيئة
domain-culture = الثقافة والتراث الأمازيغي
domain-youth = الشباب والرياضة
domain-literacy = محو الأمية
domain-income = الأنشطة المدرة للدخل

## الأدوار

role-owner = المسؤول الرئيسي
role-admin = مشرف
role-treasurer = أمين المال
role-coordinator = منسق
role-field-agent = عون ميداني
role-volunteer = متطوع
role-platform-admin = مشرف المنصة
role-authority = السلطة
role-auditor = مدقق

## الدليل

directory-title = دليل الجمعيات الموثقة
directory-search-label = الاسم أو رقم وصل التصريح
directory-all-regions = جميع الجهات
directory-all-provinces = جميع العمالات والأقاليم
directory-all-domains = جميع المجالات
# فئات الجمع في العربية (CLDR): zero، one، two، few (3–10)، many (11–99)، other (100، 101…).
directory-count =
    { PLURAL($count) ->
        [zero] لم يتم العثور على أي جمعية
        [one] تم العثور على جمعية واحدة
        [two] تم العثور على جمعيتين
        [few] تم العثور على { $count } جمعيات
        [many] تم العثور على { $count } جمعية
       *[other] تم العثور على { $count } جمعية
    }
directory-empty = لا توجد أي جمعية تطابق بحثك.

## التوثيق

verify-title = الجمعيات في انتظار التوثيق
verify-empty = لا توجد أي جمعية في الانتظار.
authz-queue-title = طلبات الترخيص التي تنتظر قراركم
authz-queue-empty = لا يوجد أي طلب ترخيص في انتظار قراركم ضمن اختصاصكم.
authz-your-competence = اختصاصكم:
authz-next = الطلبات التالية
authz-back = الرجوع إلى طلبات الترخيص
authz-request-title = البت في طلب ترخيص
authz-seat = مقر الجمعية
authz-bank-account = الحساب البنكي لعملية الجمع
authz-document = وثيقة القرار
authz-grant-title = منح الترخيص
authz-reference = مرجع قراركم
authz-grant = منح الترخيص
authz-refuse-title = رفض الترخيص
authz-reason = سبب الرفض
authz-refuse = رفض الترخيص
authz-granted = تم منح الترخيص. يمكن للجمعية الآن نشر حملتها.
authz-refused = تم رفض الترخيص. ستطلع الجمعية على سبب الرفض.
authz-confirm-title = تحققوا من قراركم
authz-confirm-change = تعديل القرار
authz-confirm-grant-warning = بعد منح الترخيص لا يمكن سحبه من هنا: ستتمكن الحملة من جمع التبرعات بين هذين التاريخين، ويُسجَّل الترخيص في السجل العمومي.
authz-confirm-grant = تأكيد منح الترخيص
authz-confirm-refuse-warning = بعد الرفض يُغلق الطلب: ستطلع الجمعية على سبب الرفض وعليها تقديم طلب جديد.
authz-confirm-refuse = تأكيد الرفض
verify-reject-reason-label = السبب (سيطلع عليه أعضاء الجمعية)

## رموز الواجهة البرمجية

tokens-title = رموز الواجهة البرمجية
tokens-label = التسمية
tokens-created = انسخ هذا الرمز الآن، فلن يُعرض مرة أخرى.
tokens-last-used = آخر استعمال
tokens-never-used = لم يُستعمل قط
tokens-empty = لا يوجد أي رمز بعد.

## الأخطاء (المفتاح: error-<code>)، لواجهة JSON البرمجية وللصفحات

error-bad-request = الطلب غير صالح.
error-invalid-json = محتوى الطلب ليس بصيغة JSON صالحة.
error-unknown-field = حقل غير معروف: { $field }
error-wrong-type = أحد الحقول من نوع غير صحيح.
error-missing-field = حقل ناقص: { $field }
error-payload-too-large = حجم الطلب كبير جدًا.
error-unsupported-media-type = نوع المحتوى هذا غير مدعوم.
error-validation = بعض الحقول غير صالحة.
error-invalid-email = عنوان البريد الإلكتروني غير صالح.
error-password-too-short = كلمة المرور قصيرة جدًا (12 حرفًا على الأقل).
error-email-taken = يوجد حساب مسجل بهذا البريد الإلكتروني.
error-invalid-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-rate-limited = محاولات كثيرة جدًا. أعد المحاولة بعد بضع دقائق.
error-unauthenticated = يجب عليك تسجيل الدخول.
error-forbidden = غير مسموح لك بالقيام بهذا الإجراء.
error-not-found = الصفحة أو العنصر المطلوب غير موجود.
error-conflict = يتعارض هذا الطلب مع الحالة الحالية للمعطيات.
error-csrf = انتهت صلاحية الاستمارة. أعد تحميل الصفحة وحاول مرة أخرى.
error-invalid-commune = رمز جماعة غير معروف.
error-invalid-province = عمالة أو إقليم غير معروف.
error-invalid-region = جهة غير معروفة.
error-invalid-competence = اختر اختصاصًا: إقليم أو عمالة، جهة، وطني أو خارج المغرب.
error-location-mismatch = الجماعة لا تنتمي إلى هذا الإقليم أو هذه الجهة.
error-bidi-control = يجب ألا يحتوي النص على رموز خفية للتحكم في اتجاه الكتابة.
error-text-too-long = النص طويل جدًا (الحد الأقصى لعدد الأحرف: { $max }).
error-required = هذا الحقل إلزامي.
error-invalid-date = تاريخ غير صالح.
error-invalid-domain = مجال عمل غير معروف.
error-invalid-role = دور غير معروف.
error-invalid-phone = رقم هاتف غير صالح.
error-invalid-url = عنوان الموقع الإلكتروني غير صالح.
error-invalid-logo = يجب أن يكون الشعار صورة بصيغة PNG أو JPEG أو WebP لا يتجاوز حجمها 200 كيلوبايت.
error-already-member = هذا الشخص عضو بالفعل في الجمعية.
error-already-invited = لهذا البريد الإلكتروني دعوة قيد الانتظار في الجمعية.
error-declaration-number-taken = توجد جمعية مسجلة برقم وصل التصريح هذا.
error-invalid-status-change = هذه الجمعية ليست في انتظار التوثيق.
error-timeout = استغرق الطلب وقتًا طويلًا جدًا.
error-internal = حدث خطأ من جهتنا. أعد المحاولة لاحقًا.
error-page-title = خطأ
error-invalid-query = أحد المعاملات في عنوان الصفحة غير صالح.
error-method-not-allowed = طريقة الطلب هذه غير مسموح بها.
error-not-arabic-script = يجب كتابة الاسم بالحروف العربية.
error-not-tifinagh-script = يجب كتابة الاسم بحروف تيفيناغ.

## Fundraising errors
error-invalid-amount = مبلغ غير صالح: اكتبه بالأرقام وبرقمين عشريين على الأكثر، مثل 250.00.
error-amount-too-precise = لا يتجاوز المبلغ رقمين عشريين (السنتيمات).
error-amount-too-large = هذا المبلغ كبير جدًا.
error-amount-not-positive = يجب أن يكون المبلغ أكبر من الصفر.
error-unknown-currency = عملة غير معروفة: المبالغ بالدرهم المغربي (MAD).
error-invalid-scope = نطاق غير معروف: محلي أو جهوي أو وطني أو بالخارج.
error-invalid-bank-account = حساب بنكي غير صالح: أدخل رقم RIB المكون من 24 رقمًا أو رقم IBAN المغربي.
error-invalid-period = تاريخ النهاية يسبق تاريخ البداية.
error-organization-not-verified = لا يمكن القيام بهذا إلا لجمعية موثقة.
error-authorization-decided = سبق البت في هذا الترخيص.
error-outside-competence = هذا الطلب خارج اختصاصكم الترابي: يبت العامل في الحملات المحلية لعمالته أو إقليمه، والوالي في الحملات الجهوية لجهته.
error-invalid-campaign-state = وضعية الحملة لا تسمح بهذا.
error-campaign-code-taken = رمز الحملة هذا مستعمل من قبل: أعد المحاولة.
error-missing-idempotency-key = الترويسة Idempotency-Key إلزامية.
error-invalid-idempotency-key = يجب أن يتكون Idempotency-Key من 8 إلى 100 حرف أو رقم أو - أو _.
error-idempotency-conflict = سبق استعمال Idempotency-Key هذا مع طلب مختلف.
error-campaign-draft = هذه الحملة لم تنشر بعد.
error-campaign-closed = هذه الحملة مغلقة.
error-campaign-not-authorized = هذه الحملة لا تتوفر على ترخيص صالح لجمع التبرعات.
error-campaign-not-started = هذه الحملة لم تبدأ بعد.
error-campaign-ended = انتهت فترة جمع التبرعات لهذه الحملة.
error-invalid-method = وسيلة أداء غير معروفة.
error-invalid-quantity = الكمية عدد صحيح من 1 إلى 1000000.
error-log-out-of-range = هذا الفهرس أو حجم الشجرة يتجاوز السجل.
error-unavailable = الخدمة غير متاحة مؤقتًا. أعد المحاولة.
error-donation-not-confirmed = هذا التبرع لم يُؤكَّد بعد: لا وصل له.

## Verifying a donation; printable receipts
donation-verify-title = التحقق من تبرع
donation-verify-intro = الصق ملف الوصل الذي سلمته لك الجمعية. تثبت عمليات التحقق أن تبرعك مسجل في السجل العمومي الموقع لتويزة وأن هذا السجل لم يُعَد كتابته أبدا، دون الحاجة إلى الثقة في تويزة.
donation-verify-receipt-label = ملف الوصل (JSON)
donation-verify-submit = تحقق
donation-verify-by-server = تحقق منه هذا الخادم
donation-verify-by-browser = تحقق منه متصفحك بشكل مستقل
donation-verify-result-ok = تبرعك مسجل في السجل العمومي، والسجل متسق.
donation-verify-result-failed = تعذر التحقق من هذا الوصل. احتفظ به واتصل بالجمعية أو بالسلطة.
donation-verify-check-readable = الوصل مقروء
donation-verify-check-key = يذكر المفتاح العمومي لهذا السجل
donation-verify-check-signature = نقطة المراقبة فيه موقعة بهذا المفتاح
donation-verify-check-leaf = التبرع المسجل يطابق بصمته
donation-verify-check-inclusion = التبرع موجود في السجل الموقع
donation-verify-check-donor = سر الوصل يثبت أن التبرع تبرعك
donation-verify-check-consistency = السجل لم يزد إلا نموا منذ ذلك الحين: لم يُعَد كتابة شيء
receipt-title = وصل التبرع
receipt-number = رقم التبرع
receipt-campaign = رمز الحملة
receipt-date = التاريخ
receipt-amount = المبلغ
receipt-goods = السلع
receipt-leaf-index = الموقع في السجل العمومي
receipt-leaf-hash = بصمة التسجيل
receipt-secret = سرك (احتفظ به: يثبت أن التبرع تبرعك)
receipt-log-key = المفتاح العمومي للسجل
receipt-how-to-verify = يمكن لأي شخص التحقق من هذا التبرع في صفحة «التحقق من تبرع» بملف الوصل، أو بالأمر { $command }.
receipt-download = تحميل ملف الوصل

## Campaign pages, code check and gifts

home-check-link = تحقق من رمز حملة
check-title = التحقق من رمز حملة
check-intro = سمعت نداءً للتبرع؟ اكتب رمزه المكون من ثمانية أحرف وأرقام للتحقق من أنه يعود لحملة مرخصة تابعة لجمعية موثقة قبل أن تتبرع.
check-code-label = رمز الحملة
check-submit = تحقق
check-valid = هذا الرمز يعود لحملة مرخصة تابعة لجمعية موثقة، وهي تجمع التبرعات الآن.
check-not-collecting = هذا الرمز يعود لحملة مرخصة، لكنها لا تجمع التبرعات الآن: لا تتبرع لها.
check-not-found = غير موجود أو غير مرخص: لا توجد حملة مرخصة ومنشورة لجمعية موثقة تحمل هذا الرمز. لا تتبرع.
check-see-campaign = عرض الحملة
campaign-code = الرمز العمومي
campaign-association = الجمعية
campaign-goal = الهدف
campaign-raised = المبلغ المحصل إلى الآن
campaign-donations = التبرعات المؤكدة
campaign-period = فترة جمع التبرعات
campaign-state = حالة الحملة
campaign-state-draft = مسودة
campaign-state-published = منشورة
campaign-state-closed = مغلقة
campaign-emergency = جمع وفق مسطرة الاستعجال
campaign-authorization = الترخيص (القانون 18-18)
campaign-auth-status = حالة الترخيص
campaign-auth-reference = مرجع الترخيص
campaign-auth-authority = السلطة المختصة
campaign-auth-valid-from = صالح ابتداءً من
campaign-auth-valid-to = صالح إلى غاية
auth-status-requested = مطلوب، لم يبت فيه بعد
auth-status-granted = ممنوح
auth-status-refused = مرفوض
authority-governor = عامل العمالة أو الإقليم
authority-wali = والي الجهة
authority-secretary-general-of-government = الأمين العام للحكومة
authority-foreign-affairs = وزارة الشؤون الخارجية
give-title = تبرع لهذه الحملة
campaign-not-collecting = هذه الحملة لا تستقبل التبرعات الآن.
give-amount = المبلغ بالدرهم
give-method = وسيلة الأداء
method-card = بطاقة بنكية
method-mobile-wallet = محفظة إلكترونية على الهاتف
method-bank-transfer = تحويل بنكي
method-cash = نقدًا
give-identity = هويتك
give-identity-note = إلزامية للتبرعات التي تفوق { $threshold }، واختيارية دون ذلك. تحفظ مشفرة، ولا يطلع عليها إلا أمين مال الجمعية، ولا تنشر أبدًا.
give-full-name = الاسم الكامل
give-document-type = وثيقة الهوية
document-cin = البطاقة الوطنية للتعريف
document-passport = جواز السفر
give-document-number = رقم الوثيقة
give-country = البلد (رمز من حرفين لاتينيين)
give-anonymous-note = يظهر تبرعك في سجل الشفافية العمومي دون اسمك: فقط التزام مشفر يفتحه وصلك.
give-submit = تبرع
gift-title = شكرًا على تبرعك
gift-pending = تبرعك في انتظار تأكيد مزود الأداء. هذه الصفحة تتحدث تلقائيًا.
gift-confirmed = تم تأكيد تبرعك ونشره في سجل الشفافية.
gift-failed = فشل الأداء: لم يقتطع أي مبلغ. يمكنك المحاولة من جديد من صفحة الحملة.
gift-status = الحالة
gift-amount = المبلغ
gift-reference = مرجع الأداء
gift-leaf = المدخل في سجل الشفافية
gift-refresh = تحديث
gift-back = العودة إلى الحملة
donation-status-pending = في انتظار الأداء
donation-status-confirmed = مؤكد
donation-status-failed = فاشل

## Errors of gifts and payment callbacks

error-donor-identity-required = فوق عتبة التعريف، يلزم الاسم الكامل للمتبرع ووثيقة هويته وبلده.
error-invalid-cin = رقم البطاقة الوطنية غير صالح: حرف أو حرفان تتبعهما أرقام.
error-invalid-passport = رقم جواز السفر غير صالح: من 6 إلى 20 حرفًا ورقمًا.
error-invalid-document-type = اختر وثيقة هوية: البطاقة الوطنية أو جواز السفر.
error-invalid-country = بلد غير صالح: أدخل رمزه المكون من حرفين.
error-online-method-only = التبرعات عبر الإنترنت تؤدى بالبطاقة البنكية أو المحفظة الإلكترونية.
error-invalid-signature = توقيع الإشعار مفقود أو خاطئ.
error-stale-callback = الإشعار قديم جدًا أو مؤرخ في المستقبل.
error-invalid-callback = الإشعار غير سليم البنية.
error-payment-mismatch = المبلغ المؤدى لا يطابق مبلغ التبرع.
error-donation-not-pending = هذا التبرع لم يعد في انتظار الأداء.
error-payment-provider-unavailable = تعذر الاتصال بمزود الأداء. تبرعك محفوظ: أعد المحاولة بنفس الطلب.
error-payments-not-configured = هذا الموقع لا يستقبل التبرعات عبر الإنترنت بعد: لم يُضبط أي مزود للأداء.
payments-test-mode = وضع التجربة: الأداءات هنا محاكاة. لا تنتقل أي أموال ولا تُخصم أي بطاقة.
gift-pay-title = أداء تبرعك
gift-pay-intro = ستنتقل الآن إلى صفحة الأداء الآمنة للمركز النقدي ما بين البنوك (CMI) لإدخال بطاقتك. لا تطّلع تويزة أبدًا على رقم بطاقتك.
gift-pay-continue = المتابعة إلى صفحة الأداء الآمنة
gift-pay-again = الأداء أو إعادة محاولة الأداء
gift-back-to-gift = العودة إلى تبرعك

## محاسبة الجمعية: المصاريف والتحويلات
error-expense-self-approval = يجب أن يصادق على المصروف عضو آخر من أعضاء الخزينة غير الذي قدمه.
error-expense-decided = سبقت المصادقة على هذا المصروف أو رفضه.
error-insufficient-funds = لم يتبق لدى الحملة مال كافٍ لهذا المبلغ.
error-invalid-recipient = يجب أن تكون الجمعية المستفيدة جمعية أخرى تم التحقق منها.
error-transfer-decided = سبق تأكيد هذا التحويل.
error-invalid-evidence = يجب أن يكون المستند ملف PDF أو PNG أو JPEG أو WebP لا يتجاوز 2 ميغابايت ومن النوع المصرح به.
error-invalid-category = فئة غير معروفة.
error-invalid-paid-from = حساب غير معروف.
expense-category-programme = مصاريف البرنامج
expense-category-running-costs = مصاريف التسيير

## تقرير الحملة (القانون 18-18)
report-title = تقرير الحملة
report-raised = الأموال المحصلة
report-method = وسيلة الأداء
report-donations = التبرعات
report-amount = المبلغ
report-total = المجموع
report-in-kind-donations = التبرعات العينية
report-in-kind-received = السلع المتوصل بها عينًا
report-none = لا شيء.
report-item = السلعة
report-quantity = الكمية
report-unit = الوحدة
report-in-kind-more = تم التوصل بسلع أخرى: ملف CSV يتضمنها كلها.
report-in-kind-distributed = السلع الموزعة
report-in-kind-distribution-not-recorded = توزيعات السلع غير مسجلة بعد في تويزة، لذلك لا يتضمن هذا التقرير أي رقم عنها.
report-spent = المصاريف المصادق عليها
report-category = الفئة
report-expenses = المصاريف
report-transferred-out = المحول إلى جمعيات أخرى
report-balance = الرصيد
report-download-csv = تحميل التقرير (CSV)
error-invalid-document = يجب أن تكون الوثيقة ملف PDF أو PNG أو JPEG أو WebP لا يتجاوز 2 ميغابايت ومن النوع المصرح به.

## تنسيق الأزمات
error-unknown-commune = جماعة غير معروفة: أدخل رمزها لدى المندوبية السامية للتخطيط (مثلا 07.041.07.05).
error-coordinates-outside-morocco = هذه الإحداثيات خارج المغرب. تحقق من خط العرض وخط الطول وترتيبهما.
error-coordinates-incomplete = أدخل خط العرض وخط الطول معا، أو لا تدخل أيا منهما.
error-coordinates-invalid = هذه الإحداثيات ليست أرقاما.
error-quantity-negative = لا يمكن أن تكون الكمية سالبة.
error-quantity-too-large = هذه الكمية كبيرة جدا.
error-quantity-not-positive = أدخل كمية أكبر من الصفر.
error-need-size-required = حدد عدد الأسر أو الأشخاص المتضررين.
error-phone-invalid = أدخل رقم هاتف مغربيا (مثلا 06 12 34 56 78).
error-date-in-past = هذا التاريخ قد مضى.
error-too-many = عناصر كثيرة جدا في هذه القائمة.
error-commune-not-in-incident = هذه الجماعة ليست من الجماعات المتضررة من هذه الكارثة.
error-unknown-douar = هذا الدوار ليس في هذه الجماعة.
error-unknown-need = هذه الحاجة ليست من حاجات هذه الكارثة.
error-need-elsewhere = هذه الحاجة في جماعة أخرى.
error-need-not-open = هذه الحاجة مغطاة أو مغلقة أو مدمجة من قبل.
error-merge-into-itself = لا يمكن دمج حاجة في نفسها.
error-merge-across-incidents = لا يمكن دمج إلا حاجات الكارثة نفسها.
error-douar-exists = هذا الدوار مسجل من قبل في هذه الجماعة.
error-place-already-covered = هذا المكان مغطى من قبل بينما ما زالت جماعات مجاورة تنتظر: فكر في إرسال المساعدة إليها.

## Crisis pages
nav-incidents = الكوارث
incidents-title = الكوارث والحاجات
incidents-none = لم يعلن عن أي كارثة.
incident-kind-earthquake = زلزال
incident-kind-flood = فيضان
incident-kind-pandemic = جائحة
incident-kind-cold-wave = موجة برد
incident-kind-drought = جفاف
incident-kind-wildfire = حريق غابة
incident-kind-other = كارثة أخرى
incident-report-need = التبليغ عن حاجة
coverage-open-needs = حاجات قائمة
coverage-needed = أسر محتاجة
coverage-pledged = أسر موعودة
coverage-delivered = أسر وصلتها المساعدة
coverage-gap = الخصاص (أسر)
coverage-oversupply = الفائض (أسر)
coverage-commune = الجماعة
incident-map = الحاجات والتغطية حسب الجماعة والدوار
coverage-shade-gap = غير مغطى في الغالب
coverage-shade-partial = مغطى جزئيا
coverage-shade-covered = مغطى
coverage-shade-oversupply = فائض
coverage-shade-quiet = لا حاجة مبلغ عنها
coverage-status = الوضعية
map-legend = مفتاح الخريطة
map-legend-communes =
    { PLURAL($count) ->
        [zero] لا جماعة
        [one] جماعة واحدة
        [two] جماعتان
        [few] { $count } جماعات
       *[other] { $count } جماعة
    }
map-legend-douar = دائرة: دوار، تكبر كلما كثرت الأسر المحتاجة
incident-coverage = الخصاص حسب الجماعة
incident-3w = من يفعل ماذا وأين
threew-organization = الجمعية
threew-sector = الحاجة
threew-pledges = الالتزامات
threew-targeted = الأسر المستهدفة
threew-reached = الأسر التي وصلتها المساعدة
incident-exports = بيانات مفتوحة
export-3w = من يفعل ماذا وأين (ملف CSV بوسوم HXL)
export-needs-geojson = الحاجات على الخريطة (GeoJSON)
need-form-title = التبليغ عن حاجة
need-form-intro = لا حاجة إلى حساب. يحفظ رقم هاتفك مشفرا ولا يطلع عليه إلا الجمعية التي تأتي للمساعدة.
need-commune = الجماعة
need-douar = الدوار
need-douar-none = غير موجود في القائمة
need-category = ما المطلوب
need-urgency = درجة الاستعجال
need-households = عدد الأسر
need-people = عدد الأشخاص
need-description = تفاصيل (اختياري)
need-phone = هاتف للتواصل معك (اختياري)
need-phone-hint = مثلا 06 12 34 56 78.
need-contact-name = الاسم (اختياري)
need-submit = إرسال
need-page-title = تبليغك
need-reference = المرجع
need-page-keep = احتفظ بهذا المرجع: تبين هذه الصفحة حالة حاجتك.
need-category-shelter = مأوى
need-category-food = غذاء
need-category-water = ماء
need-category-health = صحة
need-category-psychosocial = دعم نفسي
need-category-hygiene = نظافة
need-category-education = تمدرس
need-category-clothing-blankets = ملابس وأغطية
need-category-protection = حماية
need-category-other = شيء آخر
need-urgency-critical = أرواح في خطر
need-urgency-high = خلال اليوم
need-urgency-medium = خلال أيام
need-urgency-low = يمكن أن ينتظر
need-status-reported = مبلغ عنه
need-status-verified = تم التحقق منه
need-status-assigned = جمعية تتكفل به
need-status-in-progress = المساعدة في الطريق
need-status-covered = تمت تغطيته
need-status-closed = مغلق
need-status-merged = مدمج مع تبليغ سابق

need-status-held = في انتظار المراجعة
need-held-waiting = وصلت تبليغات كثيرة من نفس الشبكة في وقت واحد، لذلك يراجع منسق هذا التبليغ قبل أن يظهر في القوائم. لن يضيع شيء: احتفظ بمرجعك.
need-releases-title = من توصل برقم هاتفك
need-releases-none = لم تتوصل أي جمعية برقم هاتفك بعد.
need-releases-hint = لا يمكن أن تتوصل به إلا جمعية مكلفة بحاجتك؛ وتُذكر هنا كل مرة.
error-need-assignment-limit = هذه الحاجة مسندة من قبل إلى أقصى عدد مسموح به من الجمعيات.
error-unknown-organization = جمعية غير معروفة.
error-need-not-held = هذا التبليغ ليس في انتظار المراجعة.

## Logistics
sms-delivery-code = تويزة: رمز التسليم هو { $code }. لا تعطه إلا لمن يسلمك المساعدة.
error-unknown-item = مادة غير معروفة: استعمل رمزا من القائمة.
error-unknown-warehouse = هذا المخزن ليس من مخازن الجمعية.
error-insufficient-stock = الكمية غير كافية في المخزن: لم يخرج أي شيء.

## Logistics pages: stock, lots, deliveries, convoys
stock-title = المخزون
stock-back-home = الصفحة الرئيسية للجمعية
stock-lots-title = الدفعات في المخزون
stock-lots-none = لا توجد أي دفعة في المخزون.
stock-lot = الدفعة
stock-lot-number = الدفعة رقم { $n }
stock-donation-number = التبرع رقم { $n }
stock-expense-number = النفقة رقم { $n }
stock-item = المادة
stock-warehouse = المخزن
stock-quantity = الكمية
stock-source = المصدر
stock-source-in-kind-donation = تبرع عيني
stock-source-purchase = شراء (نفقة مصادق عليها)
stock-source-other = مصدر آخر
stock-source-opening = مخزون سابق للدفعات
stock-warehouses-title = المخازن
stock-warehouses-none = لا تتوفر الجمعية على أي مخزن بعد.
stock-warehouse-new = فتح مخزن
stock-warehouse-name = اسم المخزن
stock-warehouse-commune = الجماعة (رمز المندوبية السامية للتخطيط)
stock-warehouse-commune-hint = مثلا 07.041.07.03 لأسني.
stock-warehouse-create = فتح المخزن
stock-receive-title = استلام السلع
stock-receive-donation = التبرع العيني المستلم
stock-receive-donation-hint = بالنسبة لتبرع عيني لحملة: تبقى الدفعة مرتبطة به، ويمكن تتبع التبرع حتى الدوار.
stock-receive-expense = النفقة المصادق عليها (شراء)
stock-receive-expense-hint = بالنسبة للسلع المشتراة: النفقة المصادق عليها التي أدت ثمنها.
stock-receive-none = لا شيء
stock-reference = مرجع وصل التسليم
stock-reference-hint = اختياري: رمز الحملة أو النفقة أو الشريك.
stock-receive-submit = الإدخال إلى المخزون
stock-received = المستلم
stock-delivered = المسلم
stock-lot-where = أين توجد الدفعة
stock-lot-empty = لم يبق أي شيء من هذه الدفعة في المخزون.
stock-trail-title = أين ذهبت هذه الدفعة
stock-trail-hint = كل تسليم أخذ من هذه الدفعة، والدوار الذي وصل إليه.
stock-trail-none = لم يؤخذ أي تسليم من هذه الدفعة بعد.
stock-move-title = النقل إلى مخزن آخر
stock-move-from = من المخزن
stock-move-to = إلى المخزن
stock-move-submit = نقل
stock-count-title = الجرد
stock-count-hint = أدخل ما أحصيته: يسجل الفرق مع المخزون.
stock-counted = المحصى
stock-expected = حسب المخزون
stock-difference = الفرق
stock-count-submit = تسجيل الجرد
stock-done-warehouse = تم فتح المخزن.
stock-done-received = السلع في المخزون، في هذه الدفعة.
stock-done-moved = تم نقل الدفعة.
stock-done-counted = تم تسجيل الجرد.
deliveries-title = عمليات التسليم
deliveries-none = لا توجد أي عملية تسليم حاليا.
delivery-label = التسليم
delivery-number = التسليم رقم { $n }
delivery-place = المكان
delivery-new-title = تحضير تسليم
delivery-lot = الدفعة
delivery-lots = الدفعات المستعملة
delivery-need = الحاجة المغطاة
delivery-need-hint = الحاجات المفتوحة المسندة إلى الجمعية.
delivery-needs-none = لا توجد أي حاجة مفتوحة مسندة إلى الجمعية: التزم أولا بتغطية حاجة.
delivery-household = الأسرة المسجلة (مرجعها، اختياري)
delivery-household-hint = مرجع أسرة سجل الجمعية التي تتسلم السلع، كما هو على بطاقتها.
delivery-households = الأسر المستفيدة
delivery-households-count = الأسر: { $n }
delivery-proof = إثبات التسليم
delivery-proof-code = رمز يرسل إلى هاتف الأسرة
delivery-proof-agent = الأسرة بدون هاتف: تصريح وصورة العون
delivery-phone = هاتف الأسرة
delivery-phone-hint = اتركه فارغا لإرسال الرمز إلى الهاتف المسجل مع الحاجة. لا يعرض الرقم أبدا.
delivery-submit = التحضير وإرسال الرمز
delivery-status-awaiting = في انتظار الإثبات
delivery-status-delivered = تم التسليم
delivery-status-locked = مقفل
delivery-confirm-title = التأكيد برمز الأسرة
delivery-attempts-left = المحاولات المتبقية: { $n }. بعد خمسة رموز خاطئة، يقفل التسليم.
delivery-code = رمز الأسرة
delivery-code-hint = الأرقام الستة التي تلقتها الأسرة في رسالة قصيرة.
delivery-confirm-submit = تأكيد التسليم
delivery-agent-title = التأكيد بتصريح العون
delivery-statement = تصريحك
delivery-statement-hint = من تسلم ماذا، وأين ومتى. يحفظ مع التسليم ولا ينشر أبدا.
delivery-photo = صورة التسليم
delivery-photo-hint = صورة بصيغة PNG أو JPEG أو WebP لا تتجاوز 2 ميغابايت.
delivery-agent-submit = تأكيد التسليم
delivery-done-prepared = التسليم جاهز: خرجت السلع من المخزون وأرسل الرمز.
delivery-done-delivered = تم تأكيد التسليم وتسجيله في السجل العمومي.
convoys-title = القوافل
convoys-none = لا توجد أي قافلة حاليا.
convoy-new-title = برمجة قافلة
convoy-incident = الكارثة
convoy-incident-choose = اختيار
convoy-warehouse = مخزن الشحن
convoy-commune = جماعة الوجهة
convoy-douar = الدوار (اختياري)
convoy-vehicle = المركبة
convoy-driver = السائق
convoy-route = المسار
convoy-route-hint = المراحل، مثلا مراكش – أسني – إجوكاك.
convoy-departs-on = تاريخ الانطلاق
convoy-manifest = الحمولة (الدفعات والكميات)
convoy-submit = برمجة القافلة
convoy-mark-left = انطلقت
convoy-mark-arrived = وصلت
convoy-status-planned = مبرمجة
convoy-status-left = في الطريق
convoy-status-arrived = وصلت
convoy-status-cancelled = ملغاة
convoys-done-planned = تمت برمجة القافلة.
convoys-done-left = انطلقت القافلة.
convoys-done-arrived = وصلت القافلة.
convoy-check-title = هذه الوجهة مغطاة من قبل
convoy-check-covered = حاجات { $commune } مغطاة من قبل.
convoy-check-neighbours = جماعات مجاورة ما زالت تنتظر:
convoy-check-confirm = البرمجة رغم ذلك
convoy-check-elsewhere = اختيار وجهة أخرى
error-unknown-lot = هذه الدفعة ليست من دفعات الجمعية، أو ليست من هذه المادة.
error-lot-donation-invalid = هذا التبرع ليس تبرعا عينيا مؤكدا بهذه المادة لحملة من حملات الجمعية.
error-lot-beyond-donation = هذا أكثر مما قدمه التبرع من هذه المادة: لم يستلم أي شيء.
error-lot-expense-invalid = هذه النفقة ليست نفقة مصادقا عليها للجمعية.
error-same-warehouse = اختر مخزنا غير الذي توجد فيه السلع.
error-warehouse-exists = للجمعية مخزن بهذا الاسم من قبل.
error-proof-locked = رموز خاطئة كثيرة: أغلق إثبات هذا التسليم. اتصل بمنسق.
error-proof-already-used = هذا التسليم مؤكد من قبل: لا يمكن استعمال رمزه مرة أخرى.
error-proof-code-wrong = رمز خاطئ. المحاولات المتبقية: { $max }.
error-proof-code-invalid = الرمز من ستة أرقام.
error-recipient-phone-required = أدخل هاتف المستفيد: إليه يرسل رمز إثبات التسليم.
error-sms-unavailable = تعذر إرسال الرسالة النصية: أعد المحاولة بعد قليل.
error-proof-method-mismatch = يثبت هذا التسليم بطريقة أخرى (برمز المستفيد، أو بتصريح العون الميداني وصورته).
error-invalid-photo = يجب أن تكون الصورة من نوع PNG أو JPEG أو WebP لا تتجاوز 2 MB، ومن النوع المصرح به.
error-unknown-campaign = هذه الحملة ليست من حملات الجمعية.

## سجل المستفيدين والبرامج وملفات الأسر
error-cin-invalid = رقم البطاقة الوطنية غير صالح: حرف أو حرفان ثم من 1 إلى 6 أرقام.
error-cin-repeated = رقم البطاقة الوطنية هذا موجود من قبل في الملف أو في هذه الأسرة.
error-unknown-choice = قيمة غير معروفة: استعمل أحد الرموز المقترحة.
error-idcs-invalid = المعرف المدني والاجتماعي الرقمي غير صالح: 10 أرقام.
error-date-in-future = هذا التاريخ في المستقبل.
error-date-too-old = هذا التاريخ قبل سنة 1900.
error-household-head-required = للأسرة رب أسرة واحد بالضبط.
error-household-size-invalid = تضم الأسرة من فرد واحد إلى 30 فردا.
error-name-script-mismatch = يُكتب هذا الاسم بخط حقله (العربي أو اللاتيني)، دون أرقام أو رموز.
error-index-invalid = المؤشر السوسيو اقتصادي غير صالح: عدد بين 0 و20.
error-model-invalid = نموذج الاستهداف غير صالح.
error-rule-bad-label = لكل مكوّن اسم فريد من حروف صغيرة وأرقام وشرطات سفلية.
error-rule-invalid-json = القواعد ليست وثيقة صالحة بالشكل المنتظر.
error-rule-minimum-above-maximum = المبلغ الأدنى يفوق المبلغ الأقصى.
error-rule-unknown-field = أحد الشروط يخص حقلا غير معروف.
error-rule-bad-operator = هذه المقارنة لا تنطبق على هذا الحقل.
error-rule-bad-value = قيمة أحد الشروط ليست من نوع الحقل.
error-file-not-utf8 = ترميز الملف غير مقبول: احفظه بترميز يونيكود.
error-file-columns = أعمدة الملف ليست الأعمدة المنتظرة.
error-file-unreadable = تتعذر قراءة الملف.
error-unknown-column = عمود غير معروف.
error-column-repeated = هذا العمود مكرر.
error-column-missing = عمود إلزامي غير موجود.
error-household-not-contiguous = يجب أن تتتابع أسطر الأسرة الواحدة.
error-programme-without-rules = ليست لهذا البرنامج قواعد بعد.
error-cycle-already-approved = تمت المصادقة على هذه الدورة من قبل.
error-programme-code-taken = رمز البرنامج هذا مستعمل من قبل.
error-two-person-rule = يجب أن يصادق شخص ثان على ما أعددته.
error-cycle-not-approved = لا يُعَدّ الأداء إلا لدورة تمت المصادقة عليها.
error-payment-batch-exists = لهذه الدورة دفعة أداء من قبل.
error-payment-batch-empty = لا توجد في هذه الدورة أسرة تستحق أداءً.
error-payment-file-invalid = يتعذر إعداد ملف الأداء: أحد الأسطر غير صالح.
error-status-report-invalid = هذا ليس تقريرا مقروءا عن حالة الأداءات.
error-status-report-other-batch = هذا التقرير يخص دفعة أداء أخرى.
error-status-report-without-lines = هذا التقرير لا يذكر حالة أي سطر.
error-rib-invalid = رقم الحساب البنكي غير صالح: 24 رقما منها مفتاح المراقبة.
error-remedy-mismatch = الإجراء لا يتوافق مع القرار: الرفض لا يغير شيئا، والشكاية المقبولة تغير شيئا.
error-grievance-wrong-step = لا يمكن القيام بهذه الخطوة الآن في هذه الشكاية.
error-grievance-closed = هذه الشكاية مغلقة.
error-appeal-window-closed = انقضى أجل الطعن.
error-appeal-same-decider = يجب أن يبت في الطعن شخص غير صاحب القرار الأول.
error-unknown-programme = لا يوجد هذا البرنامج في هذه الجمعية.
error-pair-already-decided = سبق اتخاذ قرار بشأن هذين الشخصين.
error-received-too-long-ago = يجب أن يكون تاريخ التوصل خلال السنة الأخيرة.
error-unknown-household = هذه الأسرة غير مسجلة في سجل الجمعية.
error-no-consent = لا تتوفر هذه الأسرة على موافقة أو أساس قانوني ساري المفعول للبرامج.
error-not-enrolled = هذه الأسرة غير مسجلة في هذا البرنامج.

# Members and roles
members-title = الأعضاء والأدوار
members-actions = التغييرات
members-you = أنت
members-new-role = الدور الجديد
members-change-role = تغيير الدور
members-remove = إخراج من الجمعية
members-leave = مغادرة الجمعية
members-done-role-changed = تم تغيير الدور.
members-done-member-removed = تم إخراج العضو.
members-done-ownership-handed-over = تم نقل الملكية. أنت الآن مسير.
members-hand-over-title = نقل الملكية
members-hand-over-hint = يصبح العضو الذي تختاره مالكًا وتصبح أنت مسيرًا. تحتفظ الجمعية دائمًا بمالك.
members-hand-over-to = المالك الجديد
members-hand-over-next = متابعة
members-hand-over-check = تحقق مما سيحدث قبل التأكيد.
members-hand-over-new-owner = يصبح مالكًا
members-hand-over-your-role = دورك بعد ذلك
members-hand-over-confirm = نقل الملكية
members-history = التغييرات السابقة
members-history-empty = لا تغيير بعد.
members-removed = أُخرج
members-changed-by = بواسطة
action-cancel = إلغاء
error-owner-only = وحده المالك يمكنه منح دور المالك أو تغييره أو سحبه.
error-managers-only = وحدهم المالكون والمسيرون يغيرون أدوار الأعضاء.
error-last-owner = يجب أن تحتفظ الجمعية بمالك: امنح هذا الدور لعضو آخر أولًا.
error-unknown-member = اختر عضوًا في الجمعية.

# The treasury's campaign pages
treasury-campaigns-title = الحملات
treasury-new-campaign = فتح حملة
treasury-new-campaign-hint = تُفتح الحملة كمسودة ويُطلب ترخيصها طبقًا للقانون 18-18 فورًا من السلطة التي يحددها نطاقها. يمكن نشرها بعد الترخيص.
treasury-no-campaign = لا توجد حملة بعد.
treasury-campaign = الحملة
treasury-title-ar = العنوان بالعربية
treasury-title-fr = العنوان بالفرنسية
treasury-purpose-ar = الغرض بالعربية
treasury-purpose-fr = الغرض بالفرنسية
treasury-goal = الهدف بالدرهم
treasury-starts-on = أول يوم في جمع التبرعات
treasury-ends-on = آخر يوم في جمع التبرعات
treasury-scope = نطاق الجمع، ومن ثم السلطة المرخِّصة
treasury-bank-account = الحساب البنكي للحملة
treasury-bank-account-hint = الأرقام الأربعة والعشرون للتعريف البنكي (RIB)، أو رقم IBAN المغربي. يُتحقق من مفتاحه.
treasury-emergency = جمع وفق مسطرة الاستعجال
treasury-open-campaign = فتح الحملة وطلب ترخيصها
treasury-refusal-reason = سبب الرفض
treasury-publish = نشر الحملة
treasury-close = إغلاق الحملة
treasury-public-page = الصفحة العمومية للحملة
treasury-report = تقرير الحملة
treasury-done-created = فُتحت الحملة كمسودة وطُلب ترخيصها.
treasury-done-published = نُشرت الحملة.
treasury-done-closed = أُغلقت الحملة: لم تعد تستقبل التبرعات.

# What waits for a member
waiting-title = ما ينتظرك
waiting-to-publish = مرخَّصة: يمكن نشرها
waiting-authority = ترخيصها في انتظار قرار السلطة
waiting-ending-soon = ينتهي جمع تبرعاتها خلال أسبوعين

## سلطة تعلن عن كارثة
nav-declare-incident = الإعلان عن كارثة
declaration-new-title = الإعلان عن كارثة
declaration-no-territory = اختصاصكم لا يشمل أي جماعة، فلا يمكنكم الإعلان عن كارثة.
declaration-provinces = الأقاليم والعمالات المتضررة
declaration-provinces-hint = اختاروها ثم اعرضوا جماعاتها.
declaration-show-communes = عرض جماعاتها
declaration-kind = نوع الكارثة
declaration-title-ar = الاسم بالعربية
declaration-title-fr = الاسم بالفرنسية
declaration-started-on = يوم البداية
declaration-communes = الجماعات المتضررة
declaration-declare = الإعلان عن الكارثة
declaration-public-page = الصفحة العمومية للكارثة
declaration-douars = الدواوير
declaration-no-douar = لم يسجل أي دوار بعد.
declaration-douar = الدوار
declaration-commune = الجماعة
declaration-population = عدد السكان
declaration-add-douar = إضافة دوار
declaration-name-ar = الاسم بالعربية
declaration-name-fr = الاسم بالفرنسية
declaration-name-latin = الاسم بالحروف اللاتينية
declaration-name-latin-hint = كما يكتب في الهاتف، مثلا تيخفيست.
declaration-latitude = خط العرض (اختياري)
declaration-longitude = خط الطول (اختياري)
declaration-done-declared = تم الإعلان عن الكارثة. أضيفوا دواويرها حتى يمكن تحديد مكان الحاجات.
declaration-done-douar = تمت إضافة الدوار.
error-outside-territory = اختاروا جماعات مجالكم الترابي فقط.

home-switch-label = جمعياتكم الأخرى

## ملف طلب الترخيص
treasury-request-document = ملف طلب الترخيص
treasury-request-document-download = تنزيل الملف المرسل
treasury-request-document-missing = لم يرسل أي ملف بعد: أرسلوا الطلب الموقع وملحقاته حتى تتمكن السلطة من اتخاذ القرار.
treasury-request-document-file = ملف الطلب
treasury-request-document-hint = ملف واحد بصيغة PDF أو JPEG أو PNG لا يتجاوز 2 ميغابايت. يعوض الملف الجديد الملف السابق ما دامت السلطة لم تقرر.
treasury-request-document-send = إرسال الملف
treasury-done-document = تم إرفاق الملف بالطلب.
treasury-file-size-kb = { $kb } كيلوبايت
authz-request-document = ملف الطلب
authz-request-document-missing = لم ترفق الجمعية أي ملف بهذا الطلب.
error-invalid-request-document = اختاروا ملف PDF أو JPEG أو PNG لا يتجاوز 2 ميغابايت ويطابق محتواه اسمه.
# Donations and payment batches (the treasury's pages)
donations-title = التبرعات
donations-record = تسجيل تبرع
donations-record-hint = للمال الذي تم استلامه (نقدا أو بتحويل بنكي أو ببطاقة في مكتبكم) أو للسلع المسلمة. يُسجَّل التبرع فورا في السجل العمومي ويحصل على وصله.
donations-done-recorded = تم تسجيل التبرع.
donations-print-receipt = طباعة وصله
donations-kind = نوع التبرع
donations-any = الكل
donations-money = مال
donations-in-kind = عيني (سلع)
donations-method = طريقة الأداء
donations-online = تبرع عبر الإنترنت
donations-from = من (تاريخ)
donations-to = إلى (تاريخ)
donations-minimum = أدنى مبلغ بالدرهم
donations-filter = عرض
donations-none = لا يوجد أي تبرع مطابق.
donations-number = رقم التبرع
donations-date = التاريخ
donations-what = المبلغ أو السلع
donations-status = الحالة
donations-actions = إجراءات
donations-receipt = الوصل
donations-show-donor = عرض هوية المتبرع
donations-amount = المبلغ بالدرهم
donations-amount-hint = أرقام بعشريتين على الأكثر، مثلا 250.00.
donations-choose = اختر
donations-items-hint = اختر ما يصل إلى ثلاثة أصناف من الفهرس وكمياتها (أعداد صحيحة).
donations-item = الصنف
donations-quantity = الكمية
donations-record-submit = تسجيل التبرع
donations-conflict = سبق إرسال هذه الاستمارة بقيم أخرى. تحقق من لائحة التبرعات قبل التسجيل من جديد.
donations-donor-title = هوية المتبرع
donations-donor-hint = قُدمت لتبرع كبير، وتُحفظ مختومة، ولا تُعرض إلا على أمانة المال. تُسجَّل هذه القراءة.
donations-donor-name = الاسم الكامل
donations-donor-document = وثيقة الهوية
donations-donor-country = البلد
donations-document-cin = البطاقة الوطنية للتعريف
donations-document-passport = جواز السفر
batches-title = دفعات الأداء
batches-hint = كل دفعة تؤدي للأسر المستفيدة من دورة مصادق عليها عبر بنك الجمعية.
batches-none = لا توجد أي دفعة أداء بعد.
batches-programme = البرنامج
batches-period = الفترة
batches-lines = الأداءات
batches-total = المجموع
batches-execution-date = تاريخ التنفيذ
batches-status = الحالة
batch-title = دفعة الأداء
batch-done-reconciled = تم تطبيق تقرير البنك.
batch-message-id = مرجع الملف البنكي
batch-skipped = أسر مستبعدة (بدون حساب للأداء)
batch-file-title = الملف الموجه للبنك
batch-file-hint = تحويلات الدفعة بالصيغة المعيارية التي يقرأها بنككم. تُسجَّل قراءة أسماء المستفيدين وحساباتهم في سجل الولوج لكل أسرة.
batch-file-download = تنزيل الملف البنكي
batch-report-title = تقرير البنك عن حالة الأداءات
batch-report-file = ملف تقرير الحالة
batch-report-hint = الملف الذي أعاده البنك عن هذه الدفعة. إرسال التقرير نفسه مرة أخرى لا يغير شيئا.
batch-report-submit = تطبيق التقرير
batch-lines-title = أداءات الدفعة
batch-line-reference = المرجع
batch-line-household = الأسرة
batch-line-amount = المبلغ
batch-line-reason = سبب البنك
payment-line-status-sent = أُرسل إلى البنك
payment-line-status-pending = في انتظار البنك
payment-line-status-paid = مؤدى
payment-line-status-rejected = مرفوض
payment-batch-status-ready = جاهز للإرسال
payment-batch-status-reconciled = مطابق
batch-report-paid =
    { PLURAL($count) ->
        [zero] لم يُؤدَّ أي أداء
        [one] أداء واحد مؤدى
        [two] أداءان مؤديان
        [few] { $count } أداءات مؤداة
        [many] { $count } أداء مؤدى
       *[other] { $count } أداء مؤدى
    }
batch-report-rejected =
    { PLURAL($count) ->
        [zero] لم يُرفض أي أداء
        [one] أداء واحد مرفوض
        [two] أداءان مرفوضان
        [few] { $count } أداءات مرفوضة
        [many] { $count } أداء مرفوض
       *[other] { $count } أداء مرفوض
    }
batch-report-pending =
    { PLURAL($count) ->
        [zero] لا يوجد أي أداء في الانتظار
        [one] أداء واحد في الانتظار
        [two] أداءان في الانتظار
        [few] { $count } أداءات في الانتظار
        [many] { $count } أداء في الانتظار
       *[other] { $count } أداء في الانتظار
    }
batch-report-unchanged =
    { PLURAL($count) ->
        [zero] لا يوجد أي سطر معروف مسبقا
        [one] سطر واحد معروف مسبقا
        [two] سطران معروفان مسبقا
        [few] { $count } أسطر معروفة مسبقا
        [many] { $count } سطرا معروفا مسبقا
       *[other] { $count } سطر معروف مسبقا
    }
batch-report-unmatched =
    { PLURAL($count) ->
        [zero] لا يوجد أي سطر غير مطابق
        [one] سطر واحد من التقرير لا يطابق أي أداء في هذه الدفعة
        [two] سطران من التقرير لا يطابقان أي أداء في هذه الدفعة
        [few] { $count } أسطر من التقرير لا تطابق أي أداء في هذه الدفعة
        [many] { $count } سطرا من التقرير لا يطابق أي أداء في هذه الدفعة
       *[other] { $count } سطر من التقرير لا يطابق أي أداء في هذه الدفعة
    }
# البريد الإلكتروني: الدعوات بالرابط، كلمات المرور المنسية، الإشعارات
password-forgot-link = نسيت كلمة المرور؟
password-forgot-title = استعادة كلمة مرور منسية
password-forgot-hint = أدخل البريد الإلكتروني لحسابك. إذا كان لحساب هذا العنوان، يُرسل إليه رابط لاختيار كلمة مرور جديدة؛ يصلح مرة واحدة خلال ساعة.
password-forgot-submit = أرسل لي رابطًا
password-link-sent = إذا كان لحساب هذا العنوان، فقد أُرسل إليه رابط لاختيار كلمة مرور جديدة. تفقّد بريدك.
password-mail-off = إرسال البريد الإلكتروني غير مُعدّ على هذا الخادم: اطلب رابطًا من مسؤول المنصة.
password-link-invalid = هذا الرابط لم يعد صالحًا: استُعمل من قبل أو انتهت مدته. اطلب رابطًا جديدًا من صفحة «نسيت كلمة المرور؟».
password-reset-title = اختيار كلمة مرور جديدة
password-reset-hint = كلمة المرور الجديدة تُنهي كل جلسات حسابك: سجّل الدخول من جديد بعدها.
password-new = كلمة المرور الجديدة
password-reset-submit = حفظ كلمة المرور الجديدة
password-changed = تم تغيير كلمة المرور. سجّل الدخول بالجديدة.
invitation-title = الانضمام إلى جمعية
invitation-association = الجمعية
invitation-join-as = ستنضم باسم { $name }.
invitation-accept = قبول الدعوة
invitation-sign-in-first = سجّل الدخول أو أنشئ حسابًا لقبول هذه الدعوة، ثم تعود إلى هذه الصفحة.
invitation-link-invalid = رابط الدعوة هذا لم يعد صالحًا: استُعمل من قبل أو انتهت مدته. اطلب دعوة جديدة من الجمعية.
invitation-accepted = مرحبًا بك: أصبحت عضوًا في الجمعية.
invitation-mail-hint = يتلقى الشخص رسالة بريد إلكتروني فيها رابط للانضمام؛ يصلح الرابط مرة واحدة خلال 14 يومًا.
invitation-mail-off = إرسال البريد الإلكتروني غير مُعدّ على هذا الخادم: على الشخص أن ينشئ حسابًا بهذا العنوان، فتظهر الدعوة في جمعياته.
mail-invitation-subject = دعوة للانضمام إلى { $association }
mail-invitation-body = السلام عليكم،
    أنت مدعو للانضمام إلى { $association } على منصة تويزة بصفة { $role }.
    للقبول، افتح هذا الرابط (يصلح مرة واحدة خلال 14 يومًا):
    { $link }
    إذا لم تكن تنتظر هذه الدعوة، فتجاهل هذه الرسالة.
mail-password-link-subject = اختيار كلمة مرور جديدة على تويزة
mail-password-link-body = السلام عليكم،
    طلب أحدهم كلمة مرور جديدة لحسابك على تويزة. لاختيارها، افتح هذا الرابط (يصلح مرة واحدة خلال ساعة):
    { $link }
    إذا لم تطلب ذلك، فتجاهل هذه الرسالة: كلمة مرورك لا تتغير.
mail-authorization-granted-subject = منح الترخيص: { $campaign }
mail-authorization-granted-body = السلام عليكم،
    منحت السلطة ترخيص التماس الإحسان العمومي لحملة «{ $campaign }». يمكن نشرها الآن:
    { $link }
mail-authorization-refused-subject = رفض الترخيص: { $campaign }
mail-authorization-refused-body = السلام عليكم،
    رفضت السلطة ترخيص التماس الإحسان العمومي لحملة «{ $campaign }». السبب مذكور في صفحة الحملة:
    { $link }
mail-expense-waiting-subject = نفقة تنتظر موافقتك
mail-expense-waiting-body = السلام عليكم،
    نفقة لـ { $association } تنتظر موافقة عضو ثانٍ. للاطلاع عليها:
    { $link }
mail-transfer-arrived-subject = وصل تحويل إلى { $association }
mail-transfer-arrived-body = السلام عليكم،
    وصل تحويل من جمعية أخرى إلى { $association } وينتظر تأكيدك:
    { $link }
## صفحات الحسابات: المصاريف والتحويلات والدفاتر
expenses-title = مصاريف الحملة
expenses-done-submitted = تم تقديم المصروف: يجب الآن أن يصادق عليه عضو آخر من الخزينة.
expenses-done-approved = تمت المصادقة على المصروف: أصبح مسجلا في الحسابات وفي السجل العمومي.
expenses-done-rejected = تم رفض المصروف: لم يسجل أي شيء في الحسابات.
expenses-waiting-title = في انتظار المصادقة
expenses-waiting-none = لا يوجد مصروف في انتظار المصادقة.
expenses-submitted-on = تاريخ التقديم
expenses-description = الوصف
expenses-submitted-by = قدمه
expenses-own-waiting = أنت من قدمه: يصادق عليه عضو آخر من الخزينة.
expenses-approve = مصادقة…
expenses-reject = رفض…
expenses-evidence-download = تحميل الوثيقة المثبتة
expenses-submit-title = تقديم مصروف
expenses-submit-hint = يصادق عليه عضو آخر من الخزينة قبل أن يدخل الحسابات.
expenses-amount = المبلغ بالدرهم
expenses-amount-hint = أرقام وعلى الأكثر رقمان بعد الفاصلة، مثلا 1200.50.
expenses-paid-from = أديت من
expenses-description-ar = الوصف بالعربية
expenses-description-fr = الوصف بالفرنسية
expenses-evidence = الوثيقة المثبتة (فاتورة أو وصل)
expenses-evidence-hint = ملف PDF أو JPEG أو PNG لا يتجاوز { $mb } MB. يتم فحص محتواه: يرفض الملف الذي لا يطابق ما يدل عليه اسمه.
expenses-submit = تقديم المصروف
expenses-all-title = كل مصاريف الحملة
expenses-none = لا توجد مصاريف بعد.
expenses-rejection-reason = سبب الرفض:
expenses-status = الحالة
expenses-approve-title = المصادقة على مصروف
expenses-reject-title = رفض مصروف
expenses-approve-check = تحقق مما سيحدث قبل المصادقة.
expenses-approve-effect = تسجل المصادقة هذا المبلغ من أموال الحملة وتنشره في السجل العمومي مع بصمة الوثيقة المثبتة. لا يمكن التراجع عنها.
expenses-approve-confirm = المصادقة على هذا المصروف
expenses-reject-reason = سبب الرفض
expenses-reject-confirm = رفض هذا المصروف
list-newer = الأحدث
list-older = الأقدم
expense-status-submitted = في انتظار المصادقة
expense-status-approved = مصادق عليه
expense-status-rejected = مرفوض
transfer-status-pending = في انتظار تأكيد الجهة المستقبلة
transfer-status-confirmed = تم الاستلام والتأكيد
ledger-account-bank = البنك
ledger-account-cash = الصندوق
ledger-account-mobile-wallet = المحفظة الإلكترونية
ledger-account-donation-income = التبرعات المحصلة
ledger-account-in-kind-stock = السلع في المخزون
ledger-account-in-kind-income = السلع المحصلة
ledger-account-programme-expenses = مصاريف البرنامج
ledger-account-running-costs = مصاريف التسيير
ledger-account-transfers-out = التحويلات المرسلة
ledger-account-transfers-in = التحويلات المستلمة
ledger-source-donation = التبرعات
ledger-source-expense = مصروف
ledger-source-transfer-out = تحويل مرسل
ledger-source-transfer-in = تحويل مستلم
transfers-title = التحويلات بين الجمعيات
transfers-done-sent = تم إرسال التحويل: ينتظر تأكيد الجمعية المستقبلة.
transfers-done-confirmed = تم تأكيد التحويل: أصبح مسجلا في حسابات الجمعيتين.
transfers-to-confirm-title = تحويلات للتأكيد
transfers-to-confirm-none = لا يوجد تحويل في انتظار تأكيدكم.
transfers-date = التاريخ
transfers-from = أرسله
transfers-confirm = تأكيد الاستلام
transfers-confirm-hint = لا تؤكد إلا بعد وصول المال فعلا إلى حسابكم: يدخل التحويل حينها حسابات الجمعيتين.
transfers-send-title = إرسال تحويل
transfers-search = البحث عن الجمعية المستقبلة باسمها
transfers-to = الجمعية المستقبلة
transfers-no-recipient = لا توجد جمعية موثقة تطابق هذا الاسم.
transfers-paid-by-campaign = يؤدى من الحملة
transfers-next = متابعة
transfers-list-title = التحويلات المرسلة والمستلمة
transfers-none = لا توجد تحويلات بعد.
transfers-direction = الاتجاه
transfers-other = الجمعية الأخرى
transfers-sent = مرسل
transfers-received = مستلم
transfers-check-title = التحقق من التحويل قبل إرساله
transfers-check-intro = تحقق مما سيحدث قبل الإرسال.
transfers-check-effect = ينتظر التحويل تأكيد الجمعية المستقبلة؛ بعد التأكيد يخرج المبلغ من أموال الحملة وينشر في السجل العمومي.
transfers-send = إرسال التحويل
books-title = حسابات الجمعية
books-trial-balance = ميزان الحسابات
books-balanced = متوازن: مجموع المدين يساوي مجموع الدائن.
books-not-balanced = غير متوازن: مجموع المدين يختلف عن مجموع الدائن.
books-account = الحساب
books-debits = المدين
books-credits = الدائن
books-balance = الرصيد
books-in-kind-stock = السلع المحصلة عينيا
books-journal = دفتر اليومية
books-all-accounts = كل الحسابات
books-from = من (التاريخ مشمول)
books-to = إلى (التاريخ مشمول)
books-show = عرض دفتر اليومية
books-journal-empty = لا يوجد سطر يطابق هذه المرشحات.
books-source = القيد
books-debit = مدين
books-credit = دائن
books-reports = تقارير الحملات
books-report-csv = التقرير بصيغة CSV
error-invalid-account = حساب غير معروف: اختر حسابا من القائمة.
# إدارة المنصة ومستندات الجمعيات
nav-administration = الإدارة
admin-home-title = إدارة المنصة
admin-accounts-title = الحسابات
admin-accounts-hint = البحث عن حساب، أو إنشاؤه، أو تعطيله، أو منح أدوار المنصة وسحبها.
admin-verification-hint = فحص مستندات كل جمعية، ثم توثيقها أو رفضها مع ذكر السبب.
admin-new-account-title = إنشاء حساب
admin-new-account-hint = ليست للحساب كلمة مرور بعد: يختارها صاحبه عبر الرابط المرسل إلى بريده الإلكتروني.
admin-search-label = البحث بالبريد الإلكتروني أو بالاسم
admin-no-account = لا يوجد حساب مطابق.
admin-platform-role = الدور في المنصة
admin-status = الحالة
admin-status-active = نشط
admin-status-disabled = معطَّل
admin-previous = الحسابات السابقة
admin-next = الحسابات التالية
admin-role-none = بلا دور في المنصة
admin-competence = اختصاص السلطة
admin-competence-hint = لدور السلطة فقط: السلطة التي تبت في تراخيص التماس الإحسان العمومي (القانون 18-18).
admin-competence-none = لا شيء (ليست سلطة)
admin-competence-code = إقليم السلطة أو عمالتها أو جهتها
admin-competence-code-hint = إقليم أو عمالة للعامل، وجهة للوالي، ولا شيء للوطني والخارج.
admin-competence-code-none = لا شيء (وطني أو خارج المغرب)
admin-regions = الجهات
admin-create-account = إنشاء الحساب
admin-account-title = الحساب
admin-created-on = أُنشئ في
admin-own-account = هذا حسابك: يمكن لمشرف آخر للمنصة تعطيله أو تغيير دوره.
admin-enable-hint = سيتمكن الحساب من تسجيل الدخول من جديد. تبقى رموز API الخاصة به ملغاة.
admin-enable = تفعيل الحساب
admin-disable-hint = لن يتمكن الحساب من تسجيل الدخول، وتنتهي جلساته وتُلغى رموز API الخاصة به فورًا.
admin-disable = تعطيل الحساب
admin-change-role-title = منح دور في المنصة أو سحبه
admin-role-next = متابعة
admin-history = التغييرات على هذا الحساب
admin-history-empty = لم يُسجَّل أي تغيير.
admin-role-check-title = تحقق من تغيير الدور
admin-role-check-back = العودة إلى الحساب
admin-role-check-hint = تحقق مما سيتغير قبل التأكيد.
admin-role-now = الدور الحالي
admin-role-after = الدور بعد التغيير
admin-role-confirm = تأكيد التغيير
admin-done-created = تم إنشاء الحساب. سيختار صاحبه كلمة المرور عبر الرابط المرسل إلى العنوان.
admin-done-disabled = تم تعطيل الحساب.
admin-done-enabled = تم تفعيل الحساب من جديد.
admin-done-role-given = تم منح الدور.
admin-done-role-taken = تم سحب الدور.
admin-action-created = إنشاء الحساب
admin-action-disabled = تعطيل
admin-action-enabled = إعادة التفعيل
admin-action-role-given = منح دور: { $role }
admin-action-role-taken = سحب دور: { $role }
admin-by-command-line = سطر الأوامر
error-own-account = لا يمكنك تعطيل حسابك أو تغيير دوره: اطلب ذلك من مشرف آخر للمنصة.
error-last-platform-admin = يجب أن يبقى للمنصة مشرف نشط: امنح هذا الدور لحساب آخر أولًا.
error-invalid-association-document = يجب أن يكون المستند ملف PDF أو JPEG أو PNG لا يتجاوز 2 ميغابايت ويطابق محتواه نوعه.
error-invalid-document-kind = اختر نوع المستند: النظام الأساسي أو وصل الإيداع أو قائمة أعضاء المكتب.
org-documents = مستندات التوثيق
org-documents-hint = توثق المنصة الجمعية اعتمادًا على نظامها الأساسي ووصل إيداع تصريحها لدى السلطة المحلية وقائمة أعضاء مكتبها.
org-documents-empty = لا توجد مستندات بعد.
org-document-add = إضافة مستند
org-document-kind = نوع المستند
org-document-file = الملف
org-document-file-hint = PDF أو JPEG أو PNG، بحجم أقصاه 2 ميغابايت.
org-document-upload = إضافة المستند
org-document-size = { $kb } كيلوبايت
org-done-document-added = تمت إضافة المستند.
document-kind-statutes = النظام الأساسي
document-kind-declaration-receipt = وصل إيداع التصريح
document-kind-board-list = قائمة أعضاء المكتب
verify-no-documents = لم تقدم هذه الجمعية أي مستند بعد.
home-expense-to-approve = نفقة تنتظر موافقتكم
home-transfer-to-confirm = تحويل ينتظر تأكيدكم
file-fingerprint = بصمة الملف

# Crisis coordination: the incident board, pledges, contacts and triage.
nav-triage = كوارث للتنسيق
board-title = لوحة الكارثة
board-incidents = الكوارث
board-back-home = الصفحة الرئيسية للجمعية
board-back-declaration = الكارثة وجماعاتها ودواويرها
board-triage-needs = فرز حاجات الكارثة
board-done-pledged = تم تسجيل التزامكم.
board-done-pledged-covered = تم تسجيل التزامكم، لكن هذه الجماعة كانت مغطاة من قبل بينما جماعات مجاورة ما تزال تنتظر. انظروا الخصاص أسفله.
board-queue = الحاجات حسب الأولوية
board-queue-hint = الحاجات القائمة، من الأكثر أولوية إلى الأقل. الأولوية من 100، وهي مجموع الاستعجال والأشخاص المتضررين ومدة الانتظار وخصاص الجماعة.
board-all-communes = كل الجماعات
board-filter = تصفية
board-queue-empty = لا توجد حاجة قائمة.
board-next = التالي
board-need = الحاجة
board-priority = الأولوية
board-priority-explained = الاستعجال { $urgency } + الأشخاص { $vulnerability } + الانتظار { $waiting } + الخصاص { $gap }
board-status = الحالة
board-action = الإجراء
board-possible-duplicate = تكرار محتمل للحاجة
board-pledge = الالتزام
board-contact = وسيلة الاتصال
board-triage = الفرز
board-douar-coverage = الخصاص حسب الدوار
pledge-title = الالتزام بتغطية حاجة
pledge-households = الأسر التي ستغطونها
pledge-households-hint = تضم هذه الحاجة { $n } أسرة. يمكنكم الالتزام بجزء منها، لا أكثر.
pledge-description = ما ستقدمونه
pledge-description-hint = مثلا 12 خيمة عائلية وأغطية.
pledge-due-on = في أجل أقصاه
pledge-submit = تسجيل الالتزام
error-pledge-beyond-need = لا يمكنكم الالتزام بأسر أكثر مما تضمه الحاجة.
contact-title = وسيلة الاتصال بالشخص الذي أبلغ عن الحاجة
contact-recorded = هذا الاطلاع مسجل. يرى الشخص اسم جمعيتكم والتاريخ.
contact-name = الاسم
contact-phone = الهاتف
triage-title = فرز الحاجة
triage-this-need = هذه الحاجة
triage-verify = تأكيد التحقق من الحاجة
triage-likely-duplicate = الحاجة التي تكررها على الأرجح
triage-reasons = لماذا تبدوان حاجة واحدة
triage-reason-same-commune = الجماعة نفسها
triage-reason-same-douar = الدوار نفسه
triage-reason-no-douar = لا تذكر أي منهما دوارا
triage-reason-same-category = الحاجة نفسها
triage-reason-close-in-time = أبلغ عنهما في أقل من ثلاثة أيام
triage-reason-close-points = تفصل بينهما أقل من كيلومترين
triage-merge = الدمج مع الحاجة التي تكررها
triage-merge-into = رقم الحاجة المحتفظ بها
triage-merge-hint = تخرج هذه الحاجة من الإحصاء وتنتقل التزاماتها إلى الحاجة المحتفظ بها.
triage-merge-submit = الدمج
triage-assign = إسناد الحاجة إلى جمعية
triage-assign-to = جمعية متحقق منها في الإقليم
triage-assign-hint = ستتمكن من الاطلاع على وسيلة الاتصال بالشخص الذي أبلغ عن الحاجة. ثلاث جمعيات على الأكثر.
triage-assign-submit = إسناد الحاجة
triage-assigned-by-pledge = بالتزامها
triage-assigned-by-authority = من طرف السلطة
triage-reported-at = تاريخ الإبلاغ
triage-description = الوصف
triage-done-verified = تم التحقق من الحاجة.
triage-done-merged = تم دمج الحاجة المكررة في هذه الحاجة.
triage-done-assigned = تم إسناد الحاجة إلى الجمعية.
## السجل: الأسر والملفات والتكرارات
registry-households-title = سجل الأسر
registry-back-to-association = العودة إلى الجمعية
registry-done-registered = تم تسجيل الأسرة.
registry-open-household = فتح ملفها
registry-register = تسجيل أسرة
registry-import = استيراد ملف أسر
registry-duplicates = التكرارات المطلوب فحصها
registry-search-name = اسم أحد الأفراد
registry-search-name-hint = بالحروف العربية أو اللاتينية أو تيفيناغ: تتطابق الكتابات المختلفة للاسم نفسه.
registry-reference = المرجع
registry-commune = الجماعة
registry-douar = الدوار
registry-programme = البرنامج
registry-any = الكل
registry-status = الحالة
registry-status-active = نشط
registry-status-anonymized = مجهول الهوية
registry-search = بحث
registry-none = لا توجد أسرة مطابقة.
registry-head = رب الأسرة
registry-place = المكان
registry-members = الأفراد
registry-register-hint = أدخل الأسرة وأفرادها ثم سجلها. لا يحفظ أي شيء ما دام هناك حقل يحتاج إلى تصحيح.
registry-household = الأسرة
registry-commune-hint = رمزها لدى المندوبية السامية للتخطيط (مثلا 07.041.07.05) أو اسمها.
registry-address = العنوان
registry-damage = الأضرار التي لحقت بالمسكن
registry-consent = الموافقة
registry-consent-hint = لماذا تعالج معطيات الأسرة وعلى أي أساس (القانون 09-08).
registry-purpose = الغرض
registry-basis = الأساس القانوني
registry-channel = طريقة الإدلاء
registry-members-hint = سطر لكل فرد؛ اترك الأسطر الزائدة فارغة. للأسرة رب أسرة واحد بالضبط.
registry-member-n = الفرد { $n }
registry-register-submit = تسجيل الأسرة
registry-more-rows = أسطر إضافية للأفراد
registry-given-name-ar = الاسم الشخصي بالعربية
registry-family-name-ar = الاسم العائلي بالعربية
registry-given-name-lat = الاسم الشخصي بالحروف اللاتينية
registry-family-name-lat = الاسم العائلي بالحروف اللاتينية
registry-sex = الجنس
registry-choose = اختر
registry-birth-date = تاريخ الازدياد
registry-relation = صلة القرابة برب الأسرة
registry-disability = الإعاقة
registry-schooling = التمدرس
registry-cin = رقم البطاقة الوطنية
registry-phone = الهاتف
registry-idcs = المعرف الرقمي المدني والاجتماعي
registry-rectify-title = تصحيح معطيات أحد الأفراد
registry-rectify-hint = حق التصحيح (القانون 09-08): يحفظ التصحيح مع سببه دون القيم القديمة.
registry-rectify-reason = سبب التصحيح
registry-rectify-reason-hint = مثلا: طلب الأسرة، تقديم وثيقة من الحالة المدنية.
registry-rectify-submit = حفظ التصحيح
registry-rectify = تصحيح
registry-consents = الموافقات
registry-none-yet = لا شيء حتى الآن.
registry-recorded = سجلت في
registry-withdrawn = السحب
registry-withdrawn-on = سحبت في
registry-standing = سارية
registry-decisions = قرارات البرامج
registry-eligible = مؤهلة
registry-not-eligible = غير مؤهلة
registry-indexes = المؤشرات السوسيو-اقتصادية
registry-deliveries = المساعدات المستلمة
registry-grievances = الشكايات
registry-name = الاسم
registry-identifiers = المعرفات
registry-export = ما نحتفظ به عن الأسرة
registry-corrections = التصحيحات
registry-withdraw-title = سحب موافقة
registry-withdraw-hint = يمكن للأسرة سحب موافقتها في أي وقت؛ يؤرخ السحب ويحفظ.
registry-withdraw = سحب الموافقة
registry-access-log = من اطلع على هذه المعطيات
registry-access-log-hint = تسجل هنا كل قراءة للمعطيات الشخصية للأسرة.
registry-when = متى
registry-who = من
registry-what = ماذا
registry-why = لماذا
registry-done-withdrawn = تم سحب الموافقة.
registry-done-rectified = تم حفظ التصحيح.
registry-reader-platform = إدارة المنصة
registry-read-household = بطاقة الأسرة
registry-read-identifiers = المعرّفات
registry-read-sensitive = المعطيات الحساسة
registry-read-export = الملف كاملا
registry-read-list = سطر في قائمة
registry-read-lookup = بحث محدد
registry-read-duplicate-review = مقارنة التكرارات
registry-read-grievance = شكاية
registry-read-other = معطيات أخرى
registry-why-case-review = تتبع الملف
registry-why-subject-access = حق الأسرة في الاطلاع
registry-why-rectification = تصحيح
registry-why-duplicate-review = مراجعة التكرارات
registry-why-grievance = معالجة شكاية
registry-why-registry-search = بحث في السجل
registry-why-payment = أداء
registry-why-file-export = تصدير السجل
registry-why-other = غرض آخر
grievance-subject-exclusion = الإقصاء
grievance-subject-amount = المبلغ
grievance-subject-payment-not-received = أداء لم يتم تسلمه
grievance-subject-data-error = خطأ في المعطيات
grievance-subject-conduct = السلوك
grievance-subject-other = موضوع آخر
grievance-status-received = متوصل بها
grievance-status-acknowledged = تم الإشعار بالتوصل
grievance-status-decided = تم البت فيها
grievance-status-appealed = قيد الطعن
grievance-status-closed = مغلقة
registry-export-intro = كل ما تحتفظ به الجمعية عن الأسرة (القانون 09-08، حق الولوج). هذا الاطلاع بدوره مسجل.
registry-printed-on = طبع في
registry-export-rights = يمكن للأسرة أن تطلب من الجمعية تصحيح معطياتها وسحب موافقتها.
registry-import-hint = يفحص الملف أولا دون استيراد أي شيء؛ ثم تختار استيراده كاملا أو الأسر الصالحة فقط.
registry-import-file = ملف الأسر
registry-import-file-hint = ملف CSV أو مصنف جداول (أول ورقة منه)، 16 MB على الأكثر.
registry-import-check = فحص الملف
registry-import-report = نتيجة فحص الملف
registry-import-report-hint = لم يستورد أي شيء بعد. يعرض كل سطر غير صالح مع حقله والسبب.
registry-import-valid = الأسر الصالحة
registry-import-persons = الأشخاص في هذه الأسر
registry-import-invalid = الأسر غير الصالحة
registry-import-errors = الأخطاء
registry-import-row = السطر
registry-import-field = العمود
registry-import-reason = السبب
registry-import-how = ماذا تريد أن تستورد؟
registry-import-all = الملف كاملا (فقط إن لم يكن فيه أي خطأ)
registry-import-submit = استيراد
registry-import-nothing = لا توجد أسرة صالحة: صحح الملف وأرسله من جديد.
duplicates-title = التكرارات المحتملة
duplicates-hint = سجلان يبدو أنهما لشخص واحد مع أسباب التطابق. قرر بعد التحقق مع الأسرة.
duplicates-search = البحث عن تكرارات جديدة
duplicates-none = لا توجد تكرارات في الانتظار.
duplicates-pair = زوج بنقطة { $score }
duplicates-field = الحقل
duplicates-first = السجل الأول
duplicates-second = السجل الثاني
duplicates-reasons = أسباب التطابق
duplicates-same = نفس الشخص
duplicates-different = شخصان مختلفان
duplicates-done-same = تقرر: نفس الشخص. لم يعد السجل الأحدث يحتسب في الدورات.
duplicates-done-different = تقرر: شخصان مختلفان. لن يقترح هذا الزوج مرة أخرى.
registry-done-imported =
    { PLURAL($count) ->
        [zero] لم تستورد أي أسرة
        [one] تم استيراد أسرة واحدة
        [two] تم استيراد أسرتين
        [few] تم استيراد { $count } أسر
        [many] تم استيراد { $count } أسرة
       *[other] تم استيراد { $count } أسرة
    }
registry-import-more-errors =
    { PLURAL($count) ->
        [zero] ولا أخطاء أخرى
        [one] وخطأ واحد آخر
        [two] وخطآن آخران
        [few] و{ $count } أخطاء أخرى
        [many] و{ $count } خطأ آخر
       *[other] و{ $count } خطأ آخر
    }
registry-import-valid-only =
    { PLURAL($count) ->
        [zero] الأسر الصالحة فقط ({ $count })
        [one] الأسرة الصالحة فقط ({ $count })
        [two] الأسرتان الصالحتان فقط ({ $count })
        [few] الأسر الصالحة فقط ({ $count })
        [many] الأسر الصالحة فقط ({ $count })
       *[other] الأسر الصالحة فقط ({ $count })
    }
duplicates-done-searched =
    { PLURAL($count) ->
        [zero] لا يوجد زوج جديد للفحص
        [one] زوج جديد واحد للفحص
        [two] زوجان جديدان للفحص
        [few] { $count } أزواج جديدة للفحص
        [many] { $count } زوجا جديدا للفحص
       *[other] { $count } زوج جديد للفحص
    }
error-consent-not-standing = ليست لهذه الأسرة موافقة سارية لهذا الغرض.
error-file-not-household-file = اختر ملف CSV أو مصنف جداول.
error-import-has-errors = في الملف أخطاء: استورد الأسر الصالحة فقط أو صححه.
registry-sex-f = أنثى
registry-sex-m = ذكر
registry-relation-head = رب الأسرة
registry-relation-spouse = الزوج أو الزوجة
registry-relation-child = ابن أو بنت
registry-relation-parent = أب أو أم
registry-relation-sibling = أخ أو أخت
registry-relation-grandchild = حفيد أو حفيدة
registry-relation-other-relative = قريب آخر
registry-relation-not-related = بدون قرابة
registry-disability-none = لا توجد
registry-disability-physical = حركية
registry-disability-sensory = حسية
registry-disability-intellectual = ذهنية
registry-disability-mental = نفسية
registry-disability-multiple = متعددة
registry-schooling-none = غير متمدرس
registry-schooling-preschool = التعليم الأولي
registry-schooling-primary = الابتدائي
registry-schooling-lower-secondary = الإعدادي
registry-schooling-upper-secondary = الثانوي التأهيلي
registry-schooling-higher = التعليم العالي
registry-schooling-vocational = التكوين المهني
registry-damage-none = لا توجد
registry-damage-partial = جزئية
registry-damage-total = مسكن مهدم
registry-purpose-registration = التسجيل في السجل
registry-purpose-programme-enrollment = التسجيل في البرامج
registry-purpose-payments = الأداءات
registry-purpose-duplicate-check = البحث عن التكرارات
registry-basis-consent = الموافقة
registry-basis-legal-obligation = التزام قانوني
registry-basis-vital-interest = مصلحة حيوية
registry-basis-public-interest = المصلحة العامة
registry-channel-paper = على الورق
registry-channel-in-person = حضوريا
registry-channel-phone = عبر الهاتف
registry-channel-sms = عبر رسالة نصية
registry-channel-ussd = عبر خدمة الرموز القصيرة
registry-channel-web = عبر الإنترنت
registry-field-given-name-ar = الاسم الشخصي بالعربية
registry-field-family-name-ar = الاسم العائلي بالعربية
registry-field-given-name-lat = الاسم الشخصي بالحروف اللاتينية
registry-field-family-name-lat = الاسم العائلي بالحروف اللاتينية
registry-field-sex = الجنس
registry-field-birth-date = تاريخ الازدياد
registry-field-relation = صلة القرابة
registry-field-disability = الإعاقة
registry-field-schooling = التمدرس
registry-field-phone = الهاتف
registry-field-cin = رقم البطاقة الوطنية
registry-field-idcs = المعرف الرقمي المدني والاجتماعي
duplicates-field-given-name = الاسم الشخصي
duplicates-field-family-name = الاسم العائلي
duplicates-field-birth-date = تاريخ الازدياد
duplicates-field-sex = الجنس
duplicates-field-national-id = رقم البطاقة الوطنية
duplicates-field-phone = الهاتف
duplicates-field-address = الدوار
duplicates-field-locality = الجماعة
duplicates-field-postcode = الرمز البريدي
duplicates-level-exact = متطابق
duplicates-level-spelling-variant = كتابة أخرى
duplicates-level-transliteration = الاسم نفسه بكتابة أخرى
duplicates-level-phonetic = النطق نفسه
duplicates-level-swapped = الاسم الشخصي والعائلي مقلوبان
duplicates-level-token-subset = جزء من الاسم
duplicates-level-similar = متقارب
duplicates-level-partial = جزئيا
duplicates-level-one-edit = اختلاف حرف واحد
duplicates-level-one-digit = اختلاف رقم واحد
duplicates-level-day-month-swapped = اليوم والشهر مقلوبان
duplicates-level-year-off-by-one = فارق سنة واحدة
duplicates-level-same-year-month = الشهر والسنة نفسهما
duplicates-level-different = مختلف
operations-title = العمليات
operations-hint = المهام التي تعمل تلقائيا في قاعدة المعطيات وما أنجزته.
operations-done-ran = تم تشغيل مهمة مدة الحفظ.
operations-retention = مدة الحفظ
operations-run-now = تشغيل الآن
operations-no-run = لا يوجد أي تشغيل بعد.
operations-run = التشغيل
operations-started = البداية (بالتوقيت العالمي)
operations-finished = النهاية (بالتوقيت العالمي)
operations-status = الحالة
operations-households = الأسر التي أخفيت هويتها
operations-status-running = جارية
operations-status-done = منتهية
operations-status-failed = فاشلة
operations-retention-hint =
    { PLURAL($hours) ->
       *[other] تتحقق كل عقدة كل { $hours } ساعة من تشغيل مهمة اليوم؛ تشغلها عقدة واحدة فقط. تخفي هوية الأسر التي انتهت برامجها منذ مدة تفوق مدة الحفظ، ولا تغير شيئا عند تشغيلها مرة ثانية.
    }

# Field work: an agent's communes, their home, the field assessment.
error-outside-agent-communes = هذا المكان خارج جماعاتكم. اختاروا إحدى الجماعات التي تعملون فيها، أو اطلبوا من مسير الجمعية أن يسندها إليكم.
field-title = عملكم الميداني
field-communes = جماعاتكم: { $communes }
field-no-communes = لم تسند إليكم أي جماعة بعد. يسندها مسير الجمعية (مالك أو مسير) في صفحة الأعضاء.
field-deliveries = تسليمات تنتظر التأكيد
field-deliveries-empty = لا ينتظر أي تسليم في جماعاتكم.
field-confirm = تأكيد
field-needs = الحاجات المفتوحة، الأكثر استعجالا أولا
field-needs-empty = لا توجد حاجة مفتوحة في جماعاتكم.
field-assess = تسجيل تقييم
field-done-assessed = تم تسجيل تقييمكم.
assessment-title = تقييم ميداني
assessment-intro = ما تسجلونه هنا يعد حاجة متحققا منها.
assessment-submit = تسجيل التقييم
members-communes = جماعات العمل
members-communes-none = لا شيء
members-communes-hint = رموز المندوبية السامية للتخطيط أو أسماء، مفصولة بفواصل. اتركوه فارغا لسحبها كلها.
members-communes-save = حفظ الجماعات
members-done-communes-set = تم حفظ جماعات العضو.
# Social programmes and cycles on pages
programmes-title = البرامج الاجتماعية
programmes-hint = يحدد كل برنامج في قواعده من هو المؤهل وكم تتلقى كل أسرة؛ تطبقها الدورة لشهر واحد، ويصادق عليها شخص ثانٍ قبل الأداء.
programmes-back-home = العودة إلى الجمعية
programmes-none = لا يوجد أي برنامج بعد.
programmes-new = إنشاء برنامج
programmes-new-hint = الاستمارة مملوءة بمثال جاهز: تحويل نقدي يستهدف الأسر بالمؤشر الاجتماعي والاقتصادي، بمبالغ عن كل طفل. غيّر ما يلزم.
programmes-name = البرنامج
programmes-code = الرمز
programmes-code-hint = حروف لاتينية وأرقام وشرطات.
programmes-name-ar = الاسم بالعربية
programmes-name-fr = الاسم بالفرنسية
programmes-retention = مدة الحفظ بعد النهاية (بالأيام)
programmes-retention-hint = تُجهَّل المعطيات الشخصية للأسر بعد هذا العدد من الأيام من نهاية البرنامج (من 0 إلى 3650).
programmes-ends-on = تاريخ النهاية (اختياري)
programmes-rules = القواعد (وثيقة بيانات)
programmes-rules-hint = من هو المؤهل والمبالغ، في شكل بيانات. تحقق منها في صفحة البرنامج قبل حساب دورة.
programmes-rules-edit-hint = عدّل القواعد، وتحقق منها (لا يُحفظ شيء)، ثم احفظها نسخة جديدة: تستعملها الدورة المقبلة.
programmes-create = إنشاء البرنامج
programmes-rules-version = نسخة القواعد
programmes-enrolled = الأسر المسجلة
programmes-cycles = الدورات
programmes-no-cycle = لم تُحسب أي دورة بعد.
programmes-enroll-title = التسجيل
programmes-enroll-hint = يسجل كل أسرة من أسر الجمعية لها موافقة سارية أو أساس قانوني ولم تُسجل بعد.
programmes-enroll = تسجيل الأسر الموافقة
programmes-compute-title = حساب دورة
programmes-period = الشهر المؤدى عنه
programmes-period-hint = السنة والشهر، مثلا 2026-11.
programmes-reference-date = التاريخ المرجعي
programmes-reference-date-hint = تؤخذ الأعمار والمؤشر الاجتماعي والاقتصادي في هذا التاريخ.
programmes-compute = حساب الدورة
programmes-rules-title = القواعد بالكلمات
programmes-checked = القواعد صالحة. لم يُحفظ شيء بعد.
programmes-eligibility = من هو المؤهل
programmes-amounts = المبالغ في الشهر
programmes-check = التحقق من القواعد
programmes-save = الحفظ نسخة جديدة
programme-done-created = أُنشئ البرنامج بالنسخة الأولى من قواعده.
programme-done-saved = حُفظت نسخة جديدة من القواعد.
programme-done-enrolled = الأسر المسجلة حديثا: { $count }
programme-eligibility-all = كل أسرة مسجلة
programme-per-member = عن كل فرد يستوفي
programme-per-household = عن كل أسرة عندما
programme-minimum = على الأقل { $amount } للأسرة
programme-maximum = على الأكثر { $amount } للأسرة
programme-value-yes = نعم
programme-value-no = لا
programme-op-eq = هو
programme-op-ne = ليس
programme-op-lt = أقل من
programme-op-le = لا يتجاوز
programme-op-gt = أكثر من
programme-op-ge = لا يقل عن
programme-op-in = أحد
programme-field-socio-economic-index = المؤشر الاجتماعي والاقتصادي
programme-field-area = الوسط
programme-field-housing-damage = الأضرار اللاحقة بالمسكن
programme-field-size = عدد أفراد الأسرة
programme-field-children = عدد الأطفال
programme-field-affected-by-incident = متضررة من كارثة
programme-field-region = الجهة
programme-field-province = الإقليم
programme-field-commune = الجماعة
programme-field-age = السن
programme-field-sex = الجنس
programme-field-relation = القرابة برب الأسرة
programme-field-in-school = متمدرس
programme-field-schooling = التمدرس
programme-field-disabled = في وضعية إعاقة
programme-field-child-rank = الرتبة بين الأطفال
programme-line-per-household = مبلغ عن الأسرة
programme-line-minimum-top-up = تكملة إلى الحد الأدنى
programme-line-maximum-cap = تخفيض إلى الحد الأقصى
programme-line-child-rank-1-3-under-6 = طفل دون 6 سنوات (من الأول إلى الثالث)
programme-line-child-rank-1-3-in-school = طفل متمدرس (من الأول إلى الثالث)
programme-line-child-rank-4-6-under-6 = طفل دون 6 سنوات (من الرابع إلى السادس)
programme-line-child-rank-4-6-in-school = طفل متمدرس (من الرابع إلى السادس)
programme-line-child-disability-supplement = إضافة عن طفل في وضعية إعاقة
cycle-title = دورة { $period }
cycle-status = الحالة
cycle-status-computed = محسوبة، في انتظار المصادقة
cycle-status-approved = مصادق عليها
cycle-households = الأسر المدروسة
cycle-eligible = الأسر المؤهلة
cycle-eligible-count = المؤهلة: { $count }
cycle-total = المجموع المستحق
cycle-done-computed = حُسبت الدورة. يجب أن يصادق عليها شخص ثانٍ.
cycle-done-approved = صودق على الدورة. يمكن للخزينة إعداد الأداء.
cycle-approve-title = المصادقة على الدورة
cycle-approve-hint = يصادق شخص ثانٍ: من حسب الدورة لا يمكنه ذلك. بعد المصادقة لا يمكن إعادة حساب الدورة.
cycle-approve-confirm = تحققت من مستحقات الأسر المؤهلة ({ $count }) وأصادق على الأداء.
cycle-approve = المصادقة على الدورة
cycle-batch-title = إعداد دفعة الأداء
cycle-batch-hint = سطر لكل أسرة مؤهلة لها حساب بنكي؛ ثم نزّل الملف البنكي من صفحة الدفعة.
cycle-debtor-name = اسم الجمعية لدى البنك
cycle-debtor-account = حساب الجمعية (رقم التعريف البنكي)
cycle-debtor-account-hint = الأرقام الأربعة والعشرون للتعريف البنكي، أو الرقم البنكي الدولي.
cycle-execution-date = تاريخ الأداء
cycle-batch-create = إنشاء دفعة الأداء
cycle-entitlements = الأسر والقرارات
cycle-no-household = لا توجد أي أسرة في هذه الدورة.
cycle-household = الأسرة
cycle-decision = القرار
cycle-decision-eligible = مؤهلة
cycle-decision-not-eligible = غير مؤهلة
cycle-amount = المبلغ
cycle-why = السبب
cycle-condition-unmet = الشرط { $n } غير مستوفى: { $field }
cycle-condition-unknown = الشرط { $n } لم يُتحقق منه: { $field } غير معروف
cycle-duplicate-household = تسجيل ثانٍ لنفس الأسرة: لا تُؤدى مرتين أبدا

## Grievance pages
grievances-title = الشكايات
grievances-hint = الشكايات المفتوحة، الأقرب أجلا أولا.
grievances-none = لا توجد شكاية مفتوحة.
grievances-deadline = الأجل
grievance-title = شكاية الأسرة
grievance-household = الأسرة
grievance-subject = موضوع الشكاية
grievance-channel = وسيلة التوصل
grievance-filed-by = مقدم الشكاية
grievance-received = تاريخ التوصل
grievance-status = الحالة
grievance-overdue = متأخرة
grievance-appeal-by = الطعن ممكن إلى غاية
grievance-statement = كلام الأسرة
grievance-entitlement = آخر استحقاق للأسرة
grievance-decision = القرار
grievance-appeal = الطعن
grievance-appeal-decision = القرار في الطعن
grievance-acknowledge-title = الإشعار بالتوصل
grievance-acknowledge = إشعار بالتوصل
grievance-decide-title = البت
grievance-decide = تسجيل القرار
grievance-outcome = النتيجة
grievance-remedy = ما يتغير
grievance-explanation = التوضيح المقدم للأسرة
grievance-appeal-title = تسجيل طعن
grievance-appeal-hint = يمكن للأسرة الطعن في القرار إلى غاية التاريخ أعلاه.
grievance-appeal-statement = كلام الأسرة في الطعن
grievance-appeal-record = تسجيل الطعن
grievance-appeal-decide-title = البت في الطعن
grievance-appeal-decide-hint = يبت في الطعن شخص غير صاحب القرار الأول.
grievance-new-title = تقديم شكاية
grievance-new-hint = ما تعترض عليه الأسرة أو من ينوب عنها. تحتسب الآجال من يوم التوصل.
grievance-received-on = تاريخ التوصل (إن لم يكن اليوم)
grievance-received-on-hint = اتركه فارغا لليوم؛ سنة على الأكثر.
grievance-file = تقديم الشكاية
grievance-done-acknowledged = تم الإشعار بالتوصل.
grievance-done-decided = تم تسجيل القرار؛ أجل الطعن مفتوح.
grievance-done-appealed = تم تسجيل الطعن.
grievance-done-appeal-decided = تم البت في الطعن؛ أغلقت الشكاية.
registry-done-grievance-filed = تم تقديم الشكاية.
grievance-channel-in-person = حضوريا
grievance-channel-phone = الهاتف
grievance-channel-sms = رسالة نصية
grievance-channel-ussd = قائمة الهاتف
grievance-channel-letter = رسالة
grievance-channel-web = الموقع
grievance-filed-by-member = فرد من الأسرة
grievance-filed-by-representative = شخص ينوب عنها
grievance-outcome-upheld = مقبولة
grievance-outcome-partly-upheld = مقبولة جزئيا
grievance-outcome-rejected = مرفوضة
grievance-remedy-re-enrolled = إعادة التسجيل
grievance-remedy-amount-corrected = تصحيح المبلغ
grievance-remedy-payment-reissued = إعادة الأداء
grievance-remedy-data-rectified = تصحيح المعطيات
grievance-remedy-no-change = لا تغيير
grievance-remedy-other = أخرى

# Alerts to the phones that follow communes.
alerts-title = تنبيهات إلى الهواتف
alerts-hint = رسائل قصيرة تُرسل إلى الهواتف المشتركة في تنبيهات جماعة (بالرسائل القصيرة أو بخدمة الرموز). من أرسل كلمة التوقف لا تصله.
alerts-back = رجوع
alerts-none = لم يُرسل أي تنبيه بعد.
alerts-new-title = إرسال تنبيه
alerts-new-hint = اختر الجماعات ثم نص التنبيه. سترى من يصله وكم يكلف قبل أي إرسال.
alerts-no-communes = لا توجد بعد جماعة يمكنك تنبيهها. تنبه الجمعية الجماعات التي التزمت فيها بتغطية حاجات.
alerts-communes = الجماعات
alerts-commune = الجماعة
alerts-kind = نوع التنبيه
alerts-kind-message = رسالة تكتبها بنفسك
alerts-kind-fake-appeal-warning = تحذير من نداء تبرع مزيف
alerts-fake-appeal = رمز النداء المزيف أو اسمه
alerts-fake-appeal-hint = للتحذير: الرمز الذي أُعطي للناس أو الاسم. يصل التحذير إلى كل هاتف بلغته.
alerts-text-arabic = الرسالة بالحروف العربية
alerts-text-latin = الرسالة نفسها بالحروف اللاتينية
alerts-text-hint = للرسالة: اكتبها مرتين. تتلقى الهواتف بالعربية أو الدارجة النص العربي، والباقي (الدارجة أو الأمازيغية بالحروف اللاتينية، الفرنسية، الإنجليزية) النص اللاتيني. الحروف العربية تقصّر كل جزء (٧٠ حرفا بدل ١٦٠).
alerts-preview = تحقق قبل الإرسال
alerts-preview-title = تحقق من التنبيه قبل إرساله
alerts-preview-hint = لا يُرسل شيء قبل تأكيدك. ثم تنطلق الرسائل بوتيرة البوابة.
alerts-recipients = الهواتف المعنية
alerts-parts = مجموع أجزاء الرسائل
alerts-parts-each = أجزاء كل رسالة
alerts-cost = الكلفة التقديرية
alerts-cost-unknown = الكلفة غير معروفة (لم يُحدد ثمن الجزء)
alerts-nobody = لا يتابع أي هاتف هذه الجماعات: لن يصل هذا التنبيه إلى أحد.
alerts-languages = النص حسب اللغة
alerts-language = اللغة
alerts-text = النص المرسل
alerts-encoding = الترميز والطول
alerts-encoding-gsm7 = ترميز لاتيني
alerts-encoding-ucs2 = ترميز موحد
alerts-send = أرسل التنبيه
alerts-change = عدّل التنبيه
alerts-broadcast-title = تنبيه مرسل
alerts-done-sent = سُجل التنبيه ووُضعت رسائله في قائمة الإرسال.
alerts-sent-on = أُرسل في
alerts-state-waiting = رسائل في الانتظار
alerts-state-sent = رسائل مرسلة
alerts-state-failed = رسائل فشل إرسالها
alerts-language-ar = العربية
alerts-language-ary = الدارجة (بالحروف العربية)
alerts-language-ary-latn = الدارجة (بالحروف اللاتينية)
alerts-language-zgh-latn = الأمازيغية (بالحروف اللاتينية)
alerts-language-fr = الفرنسية
alerts-language-en = الإنجليزية
error-alert-communes-not-served = لا تنبه الجمعية إلا الجماعات التي التزمت فيها بتغطية حاجات.
error-alert-appeal-authorized = هذا النداء مرخص: رمزه رمز حملة مرخصة. لا يرسل أي تحذير.
error-alert-text-not-arabic = اكتب هذا النص بالحروف العربية.
error-alert-text-not-latin = اكتب هذا النص بالحروف اللاتينية، دون حروف عربية.

## OpenRosa (ODK Collect, KoboCollect)
openrosa-incident = الكارثة
openrosa-received = تم الاستلام: سُجّلت الاستمارة في تويزة.
openrosa-received-again = سبق الاستلام: سُجّلت هذه الاستمارة من قبل، ولا تُسجَّل مرتين.
error-malformed-submission = تعذّرت قراءة الإرسال: ليس استمارة معبأة من تويزة.
error-unknown-form = لا تقدّم تويزة هذه الاستمارة: حمّلوا الاستمارات الفارغة من جديد.
error-openrosa-version-required = رُفض الإرسال: لا يقبل هذا العنوان إلا الاستمارات المرسلة من تطبيق جمع المعطيات الميدانية.
error-openrosa-choose-association = حسابكم عضو في عدة جمعيات: اجعلوا عنوان الخادم عنوان الجمعية التي تعملون لها: { $urls }
## التطبيق الميداني دون شبكة
field-app-title = التطبيق الميداني
field-app-intro = يعمل هذا التطبيق دون شبكة. ما تسجله ينتظر على هذا الهاتف ويُرسَل مرة واحدة فور عودة الشبكة.
field-app-no-association = لست عضوا ميدانيا في أي جمعية: اطلب من مسيّريها إضافتك.
field-app-nav-label = التطبيق الميداني
field-app-home = التسجيلات والإرسال
field-app-assessment = تقييم حاجة
field-app-household = تسجيل أسرة
field-app-delivery = تأكيد تسليم
field-app-device = ما يحفظه هذا الهاتف
field-app-online = الشبكة متاحة.
field-app-offline = لا شبكة. ما تسجله ينتظر على هذا الهاتف.
field-app-saved = حُفظ على هذا الهاتف. سيُرسَل عند عودة الشبكة.
field-app-sending = جارٍ الإرسال…
field-app-not-loaded = قوائم التطبيق ليست على هذا الهاتف بعد. افتحه مرة واحدة مع الشبكة.
field-app-wiped = لم يُرسَل شيء من هذا الهاتف منذ مدة طويلة، فمُسح.
field-app-wiped-kept = لم يصل شيء من هذا الهاتف إلى الخادم منذ مدة طويلة، فمُسحت قوائمه وسجله. التسجيلات التي تنتظر محفوظة: أرسلها حين تتوفر الشبكة.
field-app-other-account = سُجّل بحساب آخر، يبقى محفوظا على هذا الهاتف ولا يُرسَل إلا حين يدخل ذلك الحساب منه:
field-app-sign-in-again = انتهت جلستك. تسجيلاتك محفوظة على هذا الهاتف، فادخل من جديد لإرسالها.
field-app-sign-in-link = الدخول من جديد
field-app-save-failed = تعذّر حفظ هذا التسجيل على الهاتف (قد تكون ذاكرته ممتلئة). لم يُحفظ شيء، فأعد المحاولة.
field-app-code-invalid = رمز الأسرة من 6 أرقام.
field-app-number-invalid = يجب أن يكون عدد الأسر وعدد الأشخاص أعدادا صحيحة.
field-app-signout-warning = لم تُرسَل بعد تسجيلات على هذا الهاتف. الخروج يمحوها. هل تخرج رغم ذلك؟
field-app-discard = إزالة من هذا الهاتف
field-app-sync-failed = فشل الإرسال. تسجيلاتك محفوظة وستُرسَل لاحقا.
field-app-synced = انتهى الإرسال.
field-app-nothing-to-send = لا شيء ينتظر الإرسال.
field-app-reference = المرجع
field-app-none = لا شيء هنا.
field-app-clear-confirm = محو كل ما يحفظه هذا الهاتف للتطبيق، بما فيه التسجيلات التي لم تُرسَل؟
field-app-sync = أرسل الآن
field-app-waiting = في انتظار الإرسال
field-app-refused = مرفوضة
field-app-sent = أُرسلت
field-app-incident = الكارثة
field-app-save = احفظ على هذا الهاتف
field-app-household-hint = أرقام البطاقة الوطنية المكتوبة هنا تبقى في هذا التسجيل وحده، وتغادر الهاتف بعد إرساله.
field-app-delivery-hint = اكتب الرمز الذي تلقته الأسرة. يُتحقق منه عند الإرسال؛ خمسة رموز خاطئة تقفل التسليم.
field-app-delivery-choose = التسليم
field-app-device-intro = لا يحفظ هذا الهاتف إلا ما يحتاجه عملك: قوائم جماعاتك وتسجيلاتك. لا يحفظ رقم بطاقة وطنية ولا رقم هاتف، إلا في أسرة لم تُرسَل بعد.
field-app-device-incidents = الكوارث
field-app-device-needs = الحاجات المفتوحة
field-app-device-deliveries = تسليمات للتأكيد
field-app-device-identifiers = تسجيلات فيها رقم بطاقة وطنية
field-app-device-last-sync = آخر إرسال
field-app-device-wipe-days = أيام دون إرسال قبل مسح الهاتف
field-app-device-wipe = يُمحى كل شيء عند الخروج، وبعد هذا العدد من الأيام دون إرسال.
field-app-clear = امسح هذا الهاتف
field-app-add-member = إضافة فرد

## Volunteering: refusals and field errors
error-host-not-accredited = لا يمكن إبرام عقد إلا لجمعية حاصلة على اعتماد ساري المفعول للتطوع التعاقدي (القانون 06-18). سجلوا الاعتماد أولا، أو أبقوا المهمة تطوعا غير تعاقدي.
error-volunteer-under-18 = يجب أن يكون عمر المتطوع 18 سنة أو أكثر (القانون 06-18).
error-volunteer-exists = يوجد ملف متطوع لهذا الحساب أو لهذه البطاقة الوطنية. افتحوا ملفكم لتعديله.
error-not-a-volunteer = سجلوا أولا كمتطوعين: ملفكم يعرّف الجمعيات بما تستطيعون القيام به.
error-mission-closed = هذه المهمة مغلقة.
error-shift-overlap = لديكم نوبة أخرى في نفس الوقت. اختاروا نوبة أخرى.
error-shift-full = جميع أماكن هذه النوبة محجوزة.
error-shift-not-accepted = هذا المتطوع غير مقبول في هذه النوبة.
error-shift-not-open = يبدأ تسجيل الحضور قبل النوبة بساعة وينتهي بنهايتها.
error-checkin-code-invalid = هذا الرمز ليس رمز النوبة. اطلبوا من المنسق أن يعرضه مرة أخرى.
error-already-applied = سبق أن ترشحتم لهذه النوبة.
error-application-wrong-step = لم يعد هذا الترشح في هذه المرحلة.
error-contract-exists = لهذا الترشح عقده بالفعل.
error-mission-informal = هذه المهمة تطوع غير تعاقدي: لا عقد لها.
error-contract-wrong-step = هذا العقد ليس في هذه المرحلة: سبق أن قبله هذا الطرف، أو انتهى.
error-contract-not-signed = يجب أن يقبل الطرفان العقد أولا.
error-no-hours-to-certify = ليس لهذا المتطوع ساعات عمل مع الجمعية يمكن الإشهاد بها.
error-unknown-certificate = لا توجد شهادة بهذا الرمز. تحققوا من الرمز كما هو مطبوع على الشهادة.
error-before-start = يجب ألا يسبق هذا التاريخ تاريخ البداية.
error-outside-mission = اختاروا يوما بين بداية المهمة ونهايتها.
error-invalid-time = أدخلوا الوقت بالساعات والدقائق، مثلا 08:30.
error-shift-too-long = لا تتجاوز مدة النوبة { $max } ساعة.
error-out-of-range = أدخلوا عددا صحيحا من 1 إلى { $max }.

## Volunteering: contracts, shifts on the ground, certificates, the register, the message board
contract-title = عقد التطوع التعاقدي
contract-number = العقد رقم { $number }
contract-between = بين الموقعين أسفله:
contract-host = { $host }، الجمعية المستقبلة الحاصلة على اعتماد التطوع التعاقدي رقم { $reference } الصادر عن { $authority }، الساري المفعول إلى غاية { $valid_until }، ويشار إليها فيما يلي بـ«الجهة المستقبلة»؛
contract-volunteer = و{ $name }، المزداد(ة) بتاريخ { $birth_date }، الحامل(ة) للبطاقة الوطنية للتعريف الإلكترونية رقم { $cin }، ويشار إليه فيما يلي بـ«المتطوع».
contract-article-object = المادة 1 — الموضوع. يشارك المتطوع في مهمة «{ $mission }» ذات المنفعة العامة: { $purpose }
contract-article-place = المادة 2 — المكان. تجري المهمة في { $place }.
contract-article-period = المادة 3 — المدة. يسري هذا العقد ابتداء من { $starts_on } وينتهي في { $ends_on }.
contract-article-hours = المادة 4 — الوقت المخصص. يخصص المتطوع للمهمة { $hours } ساعة في الأسبوع على الأكثر.
contract-article-training = المادة 5 — التكوين. تضمن الجهة المستقبلة للمتطوع التكوين اللازم للمهمة: { $training }
contract-article-insurance = المادة 6 — التأمين. تؤمّن الجهة المستقبلة المتطوع ضد المخاطر المرتبطة بالمهمة: { $insurance }
contract-article-expenses = المادة 7 — المصاريف. التطوع غير مؤدى عنه: لا يتقاضى المتطوع أي أجر أو مقابل. تُسترد له فقط المصاريف التي ينفقها من أجل المهمة، بناء على الوثائق المثبتة: { $expenses }
contract-article-termination = المادة 8 — إنهاء العقد. يجوز لكل طرف إنهاء العقد كتابة مع إشعار مسبق مدته { $days } يوما؛ وينتهي العقد دون إشعار في حالة الخطأ الجسيم، أو إذا انتهى اعتماد الجهة المستقبلة.
contract-article-nature = المادة 9 — طبيعة العقد. هذا العقد عقد تطوع تعاقدي يخضع للقانون رقم 06.18 المتعلق بتنظيم العمل التطوعي التعاقدي، الصادر بتنفيذه الظهير الشريف رقم 1.21.85 بتاريخ 26 يوليوز 2021 (الجريدة الرسمية عدد 7010 بتاريخ 5 غشت 2021)، ولنصوصه التطبيقية. وهو ليس عقد شغل: لا ينشئ أي علاقة تبعية ولا يخول الحق في أي أجر.
contract-closing = حرر في نظيرين باللغتين العربية والفرنسية، ويتسلم كل طرف نظيره.
contract-new-title = إعداد عقد التطوع
contract-new-hint = يُنشأ العقد باللغتين العربية والفرنسية انطلاقا من الترشح المقبول والمهمة واعتماد الجمعية. حددوا هنا ما يخص هذه المهمة.
contract-field-weekly-hours = عدد الساعات في الأسبوع، على الأكثر
contract-field-training = التكوين المقدم للمتطوع
contract-field-insurance = التأمين (شركة التأمين ورقم العقد)
contract-field-expenses = المصاريف المستردة
contract-field-expenses-hint = التطوع لا يؤدى عنه أبدا: فقط المصاريف الفعلية بناء على الوثائق المثبتة.
contract-field-notice-days = مدة الإشعار بإنهاء العقد، بالأيام
contract-generate = إنشاء العقد
contract-back = رجوع
contract-done-created = تم إنشاء العقد. اقبلوه، ثم يقبله المتطوع من حسابه.
contract-done-accepted = تم تسجيل قبولكم.
contract-number-label = الرقم في السجل
contract-status-label = الحالة
contract-status-proposed = مقترح، في انتظار قبول الطرفين
contract-status-host-accepted = قبلته الجمعية، في انتظار المتطوع
contract-status-volunteer-accepted = قبله المتطوع، في انتظار الجمعية
contract-status-signed = قبله الطرفان
contract-status-ended = منته
contract-host-accepted = قبله باسم الجمعية
contract-volunteer-accepted = قبله المتطوع
contract-account = الحساب رقم { $id }
contract-digest = البصمة الرقمية للنصين
contract-digest-mismatch = النص لم يعد مطابقا لبصمته.
contract-accept-hint = يسجل القبول الإلكتروني حسابكم والتاريخ والساعة. ويمكن أيضا طبع العقد وتوقيعه باليد.
contract-accept = أقبل هذا العقد
contract-print = اطبعوا هذه الصفحة للتوقيع باليد: النص العربي ثم النص الفرنسي، ولكل منهما أسطر التوقيع.
contract-sign-host = عن الجهة المستقبلة — الاسم والصفة والتاريخ والتوقيع
contract-sign-volunteer = المتطوع — الاسم والتاريخ والتوقيع
vshift-title = النوبة في الميدان
vshift-informal = تطوع غير تعاقدي، دون عقد
vshift-places = الأماكن المحجوزة:
vshift-code = رمز الحضور
vshift-code-hint = اعرضوا هذا الرمز على المتطوعين: يدخلونه في هواتفهم لتسجيل الحضور والانصراف.
vshift-rotate = رمز جديد
vshift-roster = المتطوعون المقبولون
vshift-roster-empty = لم يُقبل بعد أي متطوع في هذه النوبة.
vshift-volunteer = المتطوع
vshift-in = الحضور
vshift-out = الانصراف
vshift-hours = الساعات
vshift-actions = الإجراءات
vshift-check-in = تسجيل الحضور
vshift-check-out = تسجيل الانصراف
vshift-no-show = غائب
vshift-reviewed = تمت المراجعة
vshift-certificate = إصدار شهادة
vshift-contract = العقد
vshift-status-present = حاضر
vshift-status-closed-at-end = لم يسجل الانصراف: أغلق عند نهاية النوبة، للمراجعة
vshift-status-no-show = غائب
vshift-status-reviewed = تمت المراجعة
vshift-done-recorded = تم التسجيل.
vshift-done-code = للنوبة رمز جديد؛ الرمز القديم لم يعد صالحا.
vshift-done-certificate = تم إصدار الشهادة.
vshift-done-checked-in = تم تسجيل حضوركم.
vshift-done-checked-out = تم تسجيل انصرافكم؛ وحُسبت ساعاتكم.
vshift-reminder-sms = تذكير: تبدأ نوبتكم «{ $mission }» يوم { $day } على الساعة { $time }.
vmine-title = نوباتي وعقودي وشهاداتي
vmine-back = فضاء المتطوع
vmine-shifts = النوبات
vmine-no-shifts = لا توجد نوبة مقبولة حاليا.
vmine-code = الرمز الذي يعرضه المنسق
vmine-hours = الساعات: { $hours }
vmine-contracts = العقود
vmine-no-contracts = لا يوجد عقد.
vmine-certificates = الشهادات
vmine-no-certificates = لا توجد شهادة.
vcert-check-title = التحقق من شهادة تطوع
vcert-check-intro = أدخلوا الرمز المطبوع على الشهادة.
vcert-code = رمز الشهادة
vcert-check = تحقق
vcert-check-another = التحقق من شهادة أخرى
vcert-title = شهادة تطوع
vcert-statement-host = تشهد { $host } بأن الشخص المذكور أدناه قام بالتطوع معها:
vcert-volunteer = المتطوع
vcert-hours = الساعات المنجزة
vcert-missions = المهام
vcert-period = الفترة
vcert-issued = تاريخ الإصدار
vcert-verify-title = كيفية التحقق منها
vcert-commitment-ok = البصمة مطابقة للمحتوى.
vcert-commitment-bad = البصمة غير مطابقة للمحتوى.
vcert-verify-how = البصمة الرقمية للملح متبوعا بالمحتوى مسجلة في سجل الشفافية بالفهرس المبين، مع تاريخ الإصدار: لا يمكن للجمعية ولا لغيرها تغييرها أو تقديم تاريخها. لا يحتوي السجل على أي معطيات شخصية.
vcert-leaf-index = الفهرس في السجل
vcert-commitment = البصمة
vcert-salt = الملح
vcert-content = المحتوى
vregister-title = سجل التطوع التعاقدي
vregister-hint = العقود، مع هوية المتطوعين، للإدارة. تُسجل كل قراءة ويطلع عليها المتطوع.
vregister-csv = تنزيل بصيغة CSV
vregister-xlsx = تنزيل بصيغة إكسل
vregister-empty = لا يوجد عقد حاليا.
vregister-number = الرقم
vregister-host = الجمعية المستقبلة والاعتماد
vregister-volunteer = المتطوع
vregister-mission = المهمة والجماعة
vregister-period = الفترة
vregister-status = الحالة
vregister-hours = الساعات المنجزة
vregister-more = العقود التالية
vboard-title = لوحة رسائل المهمة
vboard-host-hint = تصل إعلاناتكم إلى المتطوعين المقبولين (وبالرسائل القصيرة والبريد الإلكتروني لمن طلب ذلك). ولا يرى ردودهم إلا المنسقون.
vboard-volunteer-hint = إعلانات المنسقين. لا يقرأ ردكم إلا المنسقون؛ ولا يرى المتطوعون الآخرون ردودكم ولا رقمكم.
vboard-announce = إعلان للمتطوعين المقبولين
vboard-reply = رد على المنسقين
vboard-post = إرسال
vboard-done-posted = تم إرسال الرسالة.
vboard-kind-reply = رد
vboard-sms = تويزة: { $body }
mail-mission-announcement-subject = إعلان من مهمتكم التطوعية
mail-mission-announcement-body = كتب منسق مهمتكم:
    { $body }
    لوحة المهمة: { $link }
vshift-open = النوبة في الميدان: رمز الحضور، الحاضرون، الساعات
vmine-open = نوباتي ورمز الحضور وعقودي وشهاداتي
vregister-open = الاطلاع على العقود في السجل




## Missions and matching
volunteering-invitation-sms = تويزة: تدعوك جمعية إلى المهمة « { $title } ». للاطلاع والترشح: { $link }
mail-mission-invitation-subject = دعوة إلى المهمة « { $title } »
mail-mission-invitation-body = مرحبا،
    تدعوك جمعية إلى مهمة التطوع « { $title } » التي تناسب ملفك. للاطلاع عليها والترشح لفترة عمل:
    { $link }

## التطوع: الملفات والجمعيات المستقبلة
nav-volunteering = التطوع
volunteer-home-title = تطوعي
volunteer-done-signed-up = تم تسجيلك متطوعا.
volunteer-done-updated = تم حفظ ملفك.
volunteer-done-document = تم إرسال الوثيقة. ستتحقق منها الجمعية التي تترشح لديها.
volunteer-done-deleted = تم حذف ملف التطوع الخاص بك.
volunteer-profile-title = ملفي
volunteer-name = الاسم الكامل
volunteer-reference = المرجع
volunteer-skills = المهارات
volunteer-languages = اللغات المتحدث بها
volunteer-communes = الجماعات التي يمكنك الذهاب إليها
volunteer-edit-profile = تعديل ملفي
volunteer-export = تنزيل بياناتي
volunteer-delete-title = حذف ملف التطوع الخاص بي
volunteer-record-title = مستخرج السجل العدلي
volunteer-record-checked = مرسل وتحققت منه جمعية.
volunteer-record-uploaded = مرسل، لم يتم التحقق منه بعد.
volunteer-record-none = لم يرسل بعد. العقد يتطلبه.
volunteer-record-file = ملف المستخرج
volunteer-document-hint = ملف بصيغة بي دي إف أو صورة، { $mb } ميغابايت على الأكثر.
volunteer-record-send = إرسال المستخرج
volunteer-invitation = ليس لديك ملف تطوع بعد. سجل نفسك: سترى الجمعيات ما تستطيع فعله عندما تترشح لمهامها.
volunteer-sign-up-title = التسجيل كمتطوع
volunteer-birth-date = تاريخ الازدياد
volunteer-birth-date-hint = يجب أن يكون عمر المتطوع 18 سنة أو أكثر (القانون 06-18).
volunteer-cin = رقم البطاقة الوطنية
volunteer-cin-hint = يحفظ مشفرا. لا تراه الجمعية إلا في عقد توقعه معها.
volunteer-phone = رقم الهاتف
volunteer-weekdays = الأيام التي تكون فيها متاحا عادة
volunteer-available-from = متاح ابتداء من (اختياري)
volunteer-available-until = متاح إلى غاية (اختياري)
volunteer-communes-hint = اختر إقليما، واعرض جماعاته، ثم ضع علامة على الجماعات التي يمكنك الذهاب إليها (20 على الأكثر).
volunteer-province = الإقليم
volunteer-show-communes = عرض جماعاته
volunteer-emergency = الشخص الذي يتم الاتصال به في حالة الطوارئ
volunteer-emergency-name = اسمه
volunteer-emergency-phone = رقم هاتفه
volunteer-sign-up-send = التسجيل
volunteer-delete-erased-title = ما يتم مسحه
volunteer-delete-erased = اسمك وتاريخ ازديادك ورقم بطاقتك وهاتفك والشخص الذي يتصل به في الطوارئ ومهاراتك ولغاتك وأوقات تفرغك وجماعاتك ومستخرج سجلك العدلي وسجل من اطلع على ملفك وترشيحاتك التي لم يبت فيها بعد.
volunteer-delete-kept-title = ما يتم الاحتفاظ به ولماذا
volunteer-delete-nothing-kept = لا شيء: لا يذكرك أي عقد أو شهادة.
volunteer-delete-contracts-kept = عدد العقود المحتفظ بها كما وقعت: { $count }. إنها جزء من سجل التطوع التعاقدي (القانون 06-18) ودليل للطرفين.
volunteer-delete-certificates-kept = عدد شهادات التطوع المحتفظ بها: { $count }. يمكن لمن يحملها التحقق منها برمزها.
volunteer-delete-export-first = يمكنك تنزيل بياناتك أولا.
volunteer-delete-confirm = أفهم: سيتم مسح ملفي وبياناته الشخصية نهائيا.
volunteer-delete-send = حذف ملفي
host-volunteering-title = التطوع
host-back-to-association = العودة إلى الجمعية
host-accreditation-title = الاعتماد للتطوع التعاقدي
host-accreditation-in-force = ساري المفعول إلى غاية { $until }: يمكن للجمعية توقيع عقود التطوع.
host-accreditation-expired = غير ساري: انتهى آخر اعتماد في { $until }. لا عقد جديد قبل تسجيل اعتماد جديد.
host-accreditation-not-yet = غير ساري بعد: يبدأ الاعتماد في { $from }.
host-accreditation-none = لا يوجد اعتماد مسجل: لا يمكن للجمعية توقيع عقود التطوع.
host-informal-always = التطوع غير الرسمي، بدون عقد، ممكن دائما: تحمل هذه المهام علامة غير رسمية.
host-accreditation-reference = المرجع
host-accreditation-authority = السلطة المانحة
host-accreditation-valid-from = صالح ابتداء من
host-accreditation-valid-until = صالح إلى غاية
host-accreditation-record = تسجيل اعتماد
host-accreditation-done = تم تسجيل الاعتماد.
host-accreditation-intro = القانون 06-18: لا يمكن أن تستقبل متطوعين بعقد إلا هيئة حاصلة على اعتماد ساري المفعول. أدخله كما سلمته الإدارة.
host-accreditation-issued-on = تاريخ التسليم
host-accreditation-document = وثيقة الاعتماد (اختياري)
host-volunteer-title = متطوع
host-volunteer-record-open = فتح مستخرج السجل العدلي
host-volunteer-record-check-hint = سجل أنك اطلعت على المستخرج ولم تجد فيه أي إدانة تمنع التطوع. يحتفظ باسمك وبالتاريخ.
host-volunteer-record-check = تم التحقق من المستخرج
host-volunteer-record-checked = تم تسجيل التحقق من المستخرج.
error-invalid-volunteer-document = يجب أن تكون الوثيقة ملفا بصيغة بي دي إف أو صورة، 5 ميغابايت على الأكثر، ويتم التحقق من محتواها.
volunteer-skill-first-aid = الإسعافات الأولية
volunteer-skill-nursing = التمريض
volunteer-skill-medicine = الطب
volunteer-skill-psychosocial-support = الدعم النفسي والاجتماعي
volunteer-skill-driving-4x4 = سياقة سيارة رباعية الدفع
volunteer-skill-driving-truck = سياقة شاحنة
volunteer-skill-logistics = اللوجستيك
volunteer-skill-construction = البناء
volunteer-skill-cooking = الطبخ
volunteer-skill-teaching = التعليم
volunteer-skill-translation = الترجمة
volunteer-skill-child-care = رعاية الأطفال
volunteer-skill-search-and-rescue = البحث والإنقاذ
volunteer-skill-administration = الإدارة
volunteer-language-ar = العربية
volunteer-language-ary = الدارجة
volunteer-language-shi = تشلحيت
volunteer-language-tzm = تمازيغت الأطلس المتوسط
volunteer-language-rif = تاريفيت
volunteer-language-fr = الفرنسية
volunteer-language-en = الإنجليزية
volunteer-language-es = الإسبانية
volunteer-weekday-1 = الاثنين
volunteer-weekday-2 = الثلاثاء
volunteer-weekday-3 = الأربعاء
volunteer-weekday-4 = الخميس
volunteer-weekday-5 = الجمعة
volunteer-weekday-6 = السبت
volunteer-weekday-7 = الأحد
volunteer-reads-title = من اطلع على ملفي
volunteer-reads-none = لم تطلع أي جمعية على ملفك.

missions-kind-contractual = تطوع تعاقدي (القانون 06-18)
missions-kind-informal = تطوع غير رسمي (بدون عقد)
missions-application-applied = مترشح
missions-application-invited = مدعو
missions-application-waiting = لائحة الانتظار
missions-application-accepted = مقبول
missions-application-declined = مرفوض
missions-application-withdrawn = مسحوب
missions-title = مهام التطوع
missions-hint = المهام المفتوحة للجمعيات، الأقرب موعدا أولا. صفّ حسب الكفاءة أو اللغة أو الجماعة أو التاريخ.
missions-skill = الكفاءة
missions-skills = الكفاءات
missions-language = اللغة
missions-languages = اللغات
missions-commune = الجماعة
missions-from = ابتداء من
missions-search = بحث
missions-none = لا توجد مهمة مفتوحة مطابقة.
missions-mission = المهمة
missions-kind = الإطار
missions-dates = التواريخ
missions-host = الجمعية المستقبلة
missions-purpose = غرض المنفعة العامة
missions-requirements = المتطلبات
missions-shifts = فترات العمل
missions-shift = فترة العمل
missions-places-left = الأماكن المتبقية
missions-waiting = في الانتظار
missions-apply = ترشح
missions-join-waiting = الانضمام إلى لائحة الانتظار
missions-sign-up-volunteer = التسجيل كمتطوع
missions-applied-applied = تم إرسال ترشحك. ستجيبك الجمعية.
missions-applied-waiting = هذه الفترة ممتلئة: أنت في لائحة الانتظار.
missions-public-page = الصفحة العمومية
missions-candidates = المرشحون المرتبون
missions-candidates-hint = المتطوعون القريبون من المهمة، مرتبون حسب النقاط مع أسبابها. عدد المتطوعين المدروسين: { $count }.
missions-no-candidate = لم يبق أي متطوع قريب لاقتراحه.
missions-rank = الرتبة
missions-volunteer = المتطوع
missions-points = النقاط من 100
missions-reasons = الأسباب
missions-skills-matched = الكفاءات المطلوبة المتوفرة: { $list }
missions-skills-missing = الكفاءات المطلوبة الناقصة: { $list }
missions-distance = { $km } كلم عن جماعة المهمة
missions-available = متاح في أيام وتواريخ المهمة
missions-not-available = غير متاح في أيام أو تواريخ المهمة
missions-hours-given = { $hours } ساعة من التطوع سبق تقديمها
missions-status = الحالة
missions-accept = قبول
missions-decline = رفض
missions-languages-matched = لغات المهمة التي يتحدثها: { $list }
missions-org-title = مهام التطوع الخاصة بالجمعية
missions-new = نشر مهمة
missions-org-none = لم تنشر الجمعية أي مهمة.
missions-shift-day = يوم الفترة
missions-shift-starts = البداية (توقيت المغرب)
missions-shift-ends = النهاية (توقيت المغرب)
missions-shift-places = عدد الأماكن
missions-starts-on = اليوم الأول
missions-ends-on = اليوم الأخير
missions-first-shift = الفترة الأولى
missions-publish = نشر
missions-fitting-title = المهام التي تناسبك
missions-my-applications = ترشيحاتي
missions-no-application = لم تترشح بعد لأي فترة.
missions-withdraw = سحب ترشيحي
missions-add-shift = إضافة فترة
missions-invite-choose = دعوة
missions-invite = دعوة المتطوعين المختارين عبر الرسائل القصيرة والبريد الإلكتروني
missions-volunteering-link = التطوع

## البيانات المفتوحة: فهرس مجموعات البيانات العمومية.
open-data-title = البيانات المفتوحة
open-data-intro = أرقام تويزة عن الأزمات وحملات جمع التبرعات، حرة لإعادة الاستعمال بموجب رخصة المشاع الإبداعي نسب المصنف 4.0: اذكروا تويزة والمصدر المسمى. لا تتضمن أي مجموعة بيانات شخصًا: لا اسم ولا رقم هاتف ولا رقم بطاقة تعريف ولا موقع أسرة، بل أماكن وأعداد ومبالغ وتواريخ فقط.
open-data-catalogue-json = الفهرس بصيغة JSON، مع حقول البيانات الوصفية لمنصة تبادل البيانات الإنسانية
open-data-count =
    { PLURAL($count) ->
        [zero] لا توجد أي مجموعة بيانات
        [one] مجموعة بيانات واحدة
        [two] مجموعتا بيانات
        [few] { $count } مجموعات بيانات
        [many] { $count } مجموعة بيانات
       *[other] { $count } مجموعة بيانات
    }
open-data-empty = لم تُنشر أي مجموعة بيانات بعد.
open-data-description = الوصف
open-data-source = المصدر
open-data-licence = الرخصة
open-data-licence-cc-by = المشاع الإبداعي، نسب المصنف 4.0 الدولية (CC BY 4.0)
open-data-frequency = التحديث
open-data-frequency-daily = كل يوم
open-data-frequency-never = لم تعد تُحدَّث (الحملة مغلقة)
open-data-period = الفترة
open-data-format = الصيغة
open-data-methodology = المنهجية
open-data-download = تنزيل
open-data-source-incident = الحاجات المبلغ عنها في تويزة من طرف السلطات والأعوان الميدانيين والأسر، والتعهدات والتسليمات التي سجلتها فيها الجمعيات
open-data-source-campaign = { $organization }، عبر تويزة
open-data-dataset-title-coverage = تغطية الحاجات حسب الجماعة والدوار: { $subject }
open-data-dataset-title-3w = من يفعل ماذا وأين: { $subject }
open-data-dataset-title-needs = الحاجات على الخريطة: { $subject }
open-data-dataset-title-deliveries = التسليمات حسب الجماعة واليوم: { $subject }
open-data-dataset-title-donations = التبرعات حسب اليوم: { $subject }
open-data-dataset-title-expenses = النفقات حسب اليوم: { $subject }
open-data-dataset-notes-coverage = لكل جماعة معنية بالأزمة (الدوار فارغ: مجموع الجماعة) ولكل دوار فيها: الحاجات المفتوحة، والأسر المحتاجة والمتعهد بها والمستفيدة، والأسر التي لم يتعهد بها أحد بعد، وعدد أسر الجماعة حسب إحصاء 2024.
open-data-dataset-notes-3w = سطر لكل تعهد غير ملغى: الجمعية، والقطاع وصنف الحاجة، والجهة والإقليم والجماعة والدوار، والحالة، وتاريخ البدء، والأسر المستهدفة والمستفيدة.
open-data-dataset-notes-needs = نقطة لكل حاجة، في دوارها أو، إن لم يكن لها دوار، في وسط جماعتها: صنفها وقطاعها ودرجة استعجالها وحالتها وعدد الأسر والأشخاص المقدر، ويوم الإبلاغ عنها ويوم آخر تغيير.
open-data-dataset-notes-deliveries = التسليمات المؤكدة برمز الأسرة أو بتصريح العون الميداني، مجموعة حسب اليوم والجماعة والجمعية: عدد التسليمات والأسر المستفيدة.
open-data-dataset-notes-donations = التبرعات المؤكدة مجموعة حسب اليوم والنوع (نقدي أو عيني) ووسيلة الأداء: عددها ومبلغها بالدرهم. لا يظهر أي متبرع ولا أي تبرع منفرد.
open-data-dataset-notes-expenses = النفقات المصادق عليها مجموعة حسب يوم المصادقة والصنف (البرنامج أو مصاريف التسيير): عددها ومبلغها بالدرهم.
open-data-dataset-method-coverage = تُقرأ من المجاميع الجارية المحفوظة مع كل تغيير في حاجة أو تعهد. تُحسب الأسر المحتاجة من الحاجات التي ما تزال مفتوحة أو مغطاة (الحاجة المعطاة بعدد الأشخاص تُحسب أسرة لكل 4.6 أشخاص)؛ ولا تُحسب الحاجات المدمجة والمغلقة. المتعهد بها: التعهدات الجارية؛ المستفيدة: التعهدات المسلَّمة.
open-data-dataset-method-3w = مستخرجة من التعهدات التي تسجلها الجمعيات في تويزة؛ الأسر المستفيدة هي أسر التعهدات المسلَّمة. يُعطى النشاط بصنفه ويُستبعد النص الحر.
open-data-dataset-method-needs = حاجات مبلغ عنها بالرسائل القصيرة وقائمة الهاتف والتطبيق الميداني والاستمارات والسلطات؛ تُستبعد البلاغات الموقوفة للمراجعة. لا تُنشر أبدًا النقطة التي أعطاها المبلِّغ.
open-data-dataset-method-deliveries = التسليمات مع إثباتها (رمز أو تصريح)، محسوبة في يوم تأكيدها (بالتوقيت العالمي)؛ والجماعة هي جماعة الحاجة.
open-data-dataset-method-donations = التبرعات التي أكدها مزود الأداء أو سجلها أمين المال، محسوبة في يوم تأكيدها (بالتوقيت العالمي). لا تُقيَّم التبرعات العينية: مبلغها 0.
open-data-dataset-method-expenses = النفقات التي صادق عليها عضو ثان في الجمعية، مع وثائقها المثبتة، محسوبة في يوم المصادقة (بالتوقيت العالمي).
## ملف أنشطة IATI (البيانات المفتوحة)
iati-title = نشر ملف IATI
iati-intro = يصف ملف IATI للممولين وللجميع الحملات العمومية للجمعية وبرامجها، وفق معيار IATI في صيغته 2.03، مع الأموال الواردة والمصروفة.
iati-published = منشور: يمكن لأي كان تحميل الملف.
iati-not-published = غير منشور: عنوانه يجيب «غير موجود».
iati-file-link = تحميل الملف
iati-identifier = معرّف الهيئة في IATI
iati-identifier-hint = مكوّن من رقم الجمعية في تويزة ومحفوظ منذ النشر الأول: معرّفات الأنشطة لا تتغير أبدا.
iati-activities = ما يتضمنه الملف
iati-activities-none = لا حملة عمومية ولا برنامج إلى حد الآن.
iati-activity-identifier = معرّف النشاط
iati-activity-title = العنوان
iati-activity-kind = النوع
iati-activity-status = الحالة
iati-kind-campaign = حملة
iati-kind-programme = برنامج
iati-status-1 = قيد الإعداد
iati-status-2 = قيد التنفيذ
iati-status-3 = قيد الإنهاء
iati-status-4 = مغلق
iati-never = لا يُنشر أبدا: أسماء المتبرعين ووسائل الاتصال بهم، والأسر وأفرادها. لا تظهر التبرعات والتحويلات النقدية إلا مجاميعَ يومية.
iati-publish = نشر الملف
iati-unpublish = سحب الملف
iati-done-published = تم نشر ملف IATI.
iati-done-unpublished = تم سحب ملف IATI.
iati-programme-description = تحويلات نقدية للأسر المسجلة وفق قواعد البرنامج «{ $name }».
