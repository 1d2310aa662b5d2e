### Twiza — English messages.
### ar.ftl, fr.ftl, zgh.ftl and en.ftl have exactly the same keys and, per message, the same
### variables (checked by the tests). Plural variants are selected with PLURAL($n), never on a
### bare number: see crates/twiza-i18n/src/plural.rs.

## General

app-name = Twiza
app-tagline = Social solidarity, together
# The language's own name, shown in the language switcher.
language-name = English
language-label = Language
skip-to-content = Skip to content
nav-home = Home
nav-directory = Directory
nav-sign-in = Sign in
nav-sign-up = Create an account
nav-sign-out = Sign out
nav-my-associations = My associations
nav-verification-queue = Associations to verify
nav-authorizations = Authorization requests
nav-api-tokens = API tokens
# Accessible label of the main <nav>.
nav-main-label = Main navigation
footer-geo-credit = Geographic data: HCP — 2024 General Census of Population and Housing, CC BY 4.0
footer-api = Public API
# Symbol of the Moroccan dirham (CLDR en: "MAD").
currency-mad = MAD

## Month names (CLDR, format context, wide)

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Actions

action-save = Save
action-create = Create
action-search = Search
action-verify = Verify
action-reject = Reject
action-revoke = Revoke
action-invite = Invite
# Submit button of the language switcher.
action-change = Change
action-accept = Accept

## Pagination

pagination-previous = Previous
pagination-next = Next
pagination-label = Pagination
page-count = Page { $page } of { $pages }

## Home

home-title = Solidarity you can verify
home-intro = Twiza connects associations, donors, volunteers, authorities and affected households around one shared, verifiable picture of needs, money and goods.
home-directory-link = Find a verified association
home-create-association = Register your association

## Accounts

account-email = Email address
account-password = Password
account-password-hint = At least 12 characters.
account-display-name = Display name
account-sign-up-title = Create an account
account-sign-in-title = Sign in
account-sign-up-submit = Create my account
account-sign-in-submit = Sign in
account-signed-in-as = Signed in as { $name }
account-no-account = No account yet?
account-have-account = Already have an account?

## Associations

org-create-title = Register an association
org-name-ar = Legal name in Arabic
org-name-fr = Legal name in French
org-name-zgh = Name in Tifinagh (optional)
org-declaration-number = Declaration receipt number
org-declaration-date = Declaration receipt date
org-declaration-help = The final receipt issued under Dahir 1-58-376 on the right of association.
org-region = Region
org-province = Province or prefecture
org-commune = Commune
org-commune-help = Commune code (HCP) or name
org-domains = Domains of action
org-email = Contact email
org-phone = Contact phone
org-website = Website
org-address = Address
org-description = Description
org-logo = Logo (PNG, JPEG or WebP, up to 200 KB)
org-status = Status
org-status-pending = Pending verification
org-status-verified = Verified
org-status-rejected = Rejected
org-rejection-reason = Reason for rejection
org-verified-badge = Verified association
org-members = Members
org-member-role = Role
org-invite-title = Invite a member
org-invitations = Pending invitations
org-pending-notice = This association is waiting for verification by the platform. It does not appear in the public directory yet.
org-rejected-notice = Verification was refused: { $reason }
org-none = You are not a member of any association yet.
org-profile-location = Location
org-profile-contacts = Contacts
org-created = Association registered. It will appear in the directory once verified.

## Domains of action (key: domain-<id>)

domain-relief = Emergency relief
domain-health = Health
domain-education = Education
domain-children = Children
domain-women = Women
domain-elderly = Older people
domain-disability = Disability
domain-water = Water and sanitation
domain-housing = Housing and reconstruction
domain-food = Food security
domain-rural = Rural development
domain-environment = Environment
domain-culture = Culture and Amazigh heritage
domain-youth = Youth and sport
domain-literacy = Literacy
domain-income = Income-generating activities

## Roles

role-owner = Owner
role-admin = Administrator
role-treasurer = Treasurer
role-coordinator = Coordinator
role-field-agent = Field agent
role-volunteer = Volunteer
role-platform-admin = Platform administrator
role-authority = Authority
role-auditor = Auditor

## Directory

directory-title = Directory of verified associations
directory-search-label = Name or declaration number
directory-all-regions = All regions
directory-all-provinces = All provinces and prefectures
directory-all-domains = All domains
# Plural categories of en (CLDR): one, other.
directory-count =
    { PLURAL($count) ->
        [one] { $count } association found
       *[other] { $count } associations found
    }
directory-empty = No association matches your search.

## Verification

verify-title = Associations waiting for verification
verify-empty = No association is waiting.
authz-queue-title = Authorization requests waiting for your decision
authz-queue-empty = No authorization request is waiting in your competence.
authz-your-competence = Your competence:
authz-next = Next requests
authz-back = Back to the authorization requests
authz-request-title = Decide an authorization request
authz-seat = Seat of the association
authz-bank-account = Bank account of the collection
authz-document = Document of the decision
authz-grant-title = Grant the authorization
authz-reference = Reference of your decision
authz-grant = Grant the authorization
authz-refuse-title = Refuse the authorization
authz-reason = Reason for the refusal
authz-refuse = Refuse the authorization
authz-granted = The authorization was granted. The association can now publish its campaign.
authz-refused = The authorization was refused. The association sees your reason.
authz-confirm-title = Check your decision
authz-confirm-change = Change the decision
authz-confirm-grant-warning = Once granted, the authorization cannot be withdrawn here: the campaign may collect donations within these dates, and the grant is written in the public log.
authz-confirm-grant = Confirm the grant
authz-confirm-refuse-warning = Once refused, the request is closed: the association sees your reason and must ask again.
authz-confirm-refuse = Confirm the refusal
verify-reject-reason-label = Reason (shown to the association)

## API tokens

tokens-title = API tokens
tokens-label = Label
tokens-created = Copy this token now; it will not be shown again.
tokens-last-used = Last used
tokens-never-used = Never used
tokens-empty = No token yet.

## Errors (key: error-<code>), for the JSON API and the pages

error-bad-request = The request is invalid.
error-invalid-json = The request body is not valid JSON.
error-unknown-field = Unknown field: { $field }
error-wrong-type = A field has the wrong type.
error-missing-field = Missing field: { $field }
error-payload-too-large = The request is too large.
error-unsupported-media-type = This content type is not supported.
error-validation = Some fields are invalid.
error-invalid-email = Invalid email address.
error-password-too-short = The password is too short (at least 12 characters).
error-email-taken = An account already exists with this email.
error-invalid-credentials = Wrong email or password.
error-rate-limited = Too many attempts. Try again in a few minutes.
error-unauthenticated = You need to sign in.
error-forbidden = You are not allowed to do this.
error-not-found = The page or item you are looking for does not exist.
error-conflict = This request conflicts with the current state of the data.
error-csrf = The form expired. Reload the page and try again.
error-invalid-commune = Unknown commune code.
error-invalid-province = Unknown province or prefecture.
error-invalid-region = Unknown region.
error-invalid-competence = Choose a competence: province or prefecture, region, national or abroad.
error-location-mismatch = The commune does not belong to this province or region.
error-bidi-control = Text must not contain hidden direction-control characters.
error-text-too-long = Text is too long (at most { $max } characters).
error-required = This field is required.
error-invalid-date = Invalid date.
error-invalid-domain = Unknown domain of action.
error-invalid-role = Unknown role.
error-invalid-phone = Invalid phone number.
error-invalid-url = Invalid web address.
error-invalid-logo = The logo must be a PNG, JPEG or WebP image of at most 200 KB.
error-already-member = This person is already a member of the association.
error-already-invited = This email already has a pending invitation to the association.
error-declaration-number-taken = An association with this declaration receipt number is already registered.
error-invalid-status-change = This association is not waiting for verification.
error-timeout = The request took too long.
error-internal = Something went wrong on our side. Try again later.
error-page-title = Error
error-invalid-query = A parameter in the address is invalid.
error-method-not-allowed = This method is not allowed.
error-not-arabic-script = The name must be written in Arabic script.
error-not-tifinagh-script = The name must be written in Tifinagh script.

## Fundraising errors
error-invalid-amount = Invalid amount: write it with digits and at most two decimals, for example 250.00.
error-amount-too-precise = An amount has at most two decimals (centimes).
error-amount-too-large = This amount is too large.
error-amount-not-positive = The amount must be more than zero.
error-unknown-currency = Unknown currency: amounts are in Moroccan dirhams (MAD).
error-invalid-scope = Unknown scope: local, regional, national or abroad.
error-invalid-bank-account = Invalid bank account: give the 24-digit RIB or the IBAN starting with MA.
error-invalid-period = The end date comes before the start date.
error-organization-not-verified = Only a verified association can do this.
error-authorization-decided = This authorization has already been decided.
error-outside-competence = This request is outside your territorial competence. A governor decides the local collections of their province or prefecture, a wali the regional collections of their region.
error-invalid-campaign-state = The campaign is not in a state that allows this.
error-campaign-code-taken = This campaign code is already used: try again.
error-missing-idempotency-key = The Idempotency-Key header is required.
error-invalid-idempotency-key = The Idempotency-Key must have 8 to 100 letters, digits, - or _.
error-idempotency-conflict = This Idempotency-Key was already used with a different request.
error-campaign-draft = This campaign is not published yet.
error-campaign-closed = This campaign is closed.
error-campaign-not-authorized = This campaign has no valid authorization to collect.
error-campaign-not-started = This campaign has not started yet.
error-campaign-ended = This campaign's collection period is over.
error-invalid-method = Unknown payment method: card, mobile_wallet, bank_transfer or cash.
error-invalid-quantity = A quantity is a whole number from 1 to 1,000,000.
error-log-out-of-range = This index or tree size is beyond the log.
error-unavailable = The service is temporarily unavailable. Try again.
error-donation-not-confirmed = This donation is not confirmed yet: it has no receipt.

## Verifying a donation; printable receipts
donation-verify-title = Verify a donation
donation-verify-intro = Paste the receipt file your association gave you. The checks prove that your donation is in Twiza's public, signed log and that the log was never rewritten — without having to trust Twiza.
donation-verify-receipt-label = Receipt file (JSON)
donation-verify-submit = Verify
donation-verify-by-server = Checked by this server
donation-verify-by-browser = Checked independently by your browser
donation-verify-result-ok = Your donation is in the public log, and the log is consistent.
donation-verify-result-failed = This receipt could not be verified. Keep it and contact the association or the authority.
donation-verify-check-readable = The receipt is readable
donation-verify-check-key = It names this log's public key
donation-verify-check-signature = Its checkpoint is signed by that key
donation-verify-check-leaf = The recorded donation matches its fingerprint
donation-verify-check-inclusion = The donation is in the signed log
donation-verify-check-donor = The receipt's secret proves the donation is yours
donation-verify-check-consistency = The log only grew since then: nothing was rewritten
receipt-title = Donation receipt
receipt-number = Donation number
receipt-campaign = Campaign code
receipt-date = Date
receipt-amount = Amount
receipt-goods = Goods
receipt-leaf-index = Position in the public log
receipt-leaf-hash = Fingerprint of the record
receipt-secret = Your secret (keep it: it proves the donation is yours)
receipt-log-key = Public key of the log
receipt-how-to-verify = Anyone can check this donation on the "Verify a donation" page with the receipt file, or with the { $command } command.
receipt-download = Download the receipt file

## Campaign pages, code check and gifts

home-check-link = Check a campaign code
check-title = Check a campaign code
check-intro = Heard an appeal for donations? Type its code (like TWZ-4K7P) to check that it belongs to an authorized campaign of a verified association before you give.
check-code-label = Campaign code
check-submit = Check
check-valid = This code belongs to an authorized campaign of a verified association, collecting now.
check-not-collecting = This code belongs to an authorized campaign, but it does not collect now: do not give to it.
check-not-found = Not found or not authorized: no authorized, published campaign of a verified association has this code. Do not give to it.
check-see-campaign = See the campaign
campaign-code = Public code
campaign-association = Association
campaign-goal = Goal
campaign-raised = Raised so far
campaign-donations = Confirmed donations
campaign-period = Collection period
campaign-state = Campaign status
campaign-state-draft = Draft
campaign-state-published = Published
campaign-state-closed = Closed
campaign-emergency = Collected under the emergency procedure
campaign-authorization = Law 18-18 authorization
campaign-auth-status = Authorization status
campaign-auth-reference = Authorization reference
campaign-auth-authority = Authorizing authority
campaign-auth-valid-from = Valid from
campaign-auth-valid-to = Valid until
auth-status-requested = Requested, not yet decided
auth-status-granted = Granted
auth-status-refused = Refused
authority-governor = The governor of the province or prefecture
authority-wali = The wali of the region
authority-secretary-general-of-government = The Secretary-General of the Government
authority-foreign-affairs = The Ministry of Foreign Affairs
give-title = Give to this campaign
campaign-not-collecting = This campaign does not take donations now.
give-amount = Amount in dirhams
give-method = Payment method
method-card = Bank card
method-mobile-wallet = Mobile wallet
method-bank-transfer = Bank transfer
method-cash = Cash
give-identity = Your identity
give-identity-note = Required for gifts above { $threshold }, optional below. It is stored encrypted, seen only by the association’s treasury, and never published.
give-full-name = Full name
give-document-type = Identity document
document-cin = National identity card (CIN)
document-passport = Passport
give-document-number = Document number
give-country = Country (two-letter code, such as MA)
give-anonymous-note = Your gift appears in the public transparency log without your name: only a commitment that your receipt can open.
give-submit = Give
gift-title = Thank you for your gift
gift-pending = Your gift is waiting for the payment provider’s confirmation. This page refreshes by itself.
gift-confirmed = Your gift is confirmed and published in the transparency log.
gift-failed = The payment failed: nothing was taken. You can try again from the campaign page.
gift-status = Status
gift-amount = Amount
gift-reference = Payment reference
gift-leaf = Entry in the transparency log
gift-refresh = Refresh
gift-back = Back to the campaign
donation-status-pending = Waiting for the payment
donation-status-confirmed = Confirmed
donation-status-failed = Failed

## Errors of gifts and payment callbacks

error-donor-identity-required = Above the identity threshold, the donor’s full name, identity document and country are required.
error-invalid-cin = Invalid CIN number: one or two letters followed by digits.
error-invalid-passport = Invalid passport number: 6 to 20 letters and digits.
error-invalid-document-type = Choose an identity document: national identity card or passport.
error-invalid-country = Invalid country: give its two-letter code (ISO 3166).
error-online-method-only = Online gifts are paid by bank card or mobile wallet.
error-invalid-signature = The callback’s signature is missing or wrong.
error-stale-callback = The callback is too old or dated in the future.
error-invalid-callback = The callback is malformed.
error-payment-mismatch = The paid amount is not the donation’s amount.
error-donation-not-pending = This donation is no longer waiting for its payment.
error-payment-provider-unavailable = The payment provider cannot be reached. Your gift is saved: try again with the same request.
error-payments-not-configured = This site does not take gifts online yet: no payment provider is configured.
payments-test-mode = Test mode: payments here are simulated. No money moves and no card is charged.
gift-pay-title = Pay your gift
gift-pay-intro = You will now go to the secure payment page of the Centre Monétique Interbancaire (CMI) to enter your card. Twiza never sees your card number.
gift-pay-continue = Continue to the secure payment page
gift-pay-again = Pay or try the payment again
gift-back-to-gift = Back to your gift

## The association ledger: expenses, transfers
error-expense-self-approval = An expense must be approved by another treasury member than the one who submitted it.
error-expense-decided = This expense has already been approved or rejected.
error-insufficient-funds = The campaign does not have enough money left for this amount.
error-invalid-recipient = The receiving association must be another verified association.
error-transfer-decided = This transfer has already been confirmed.
error-invalid-evidence = The evidence must be a PDF, PNG, JPEG or WebP file of at most 2 MB, of the declared type.
error-invalid-category = Unknown category: programme or running_costs.
error-invalid-paid-from = Unknown account: bank, cash or mobile_wallet.
expense-category-programme = Programme expenses
expense-category-running-costs = Running costs

## Campaign report (Law 18-18)
report-title = Campaign report
report-raised = Money raised
report-method = Payment method
report-donations = Donations
report-amount = Amount
report-total = Total
report-in-kind-donations = Donations in kind
report-in-kind-received = Goods received in kind
report-none = None.
report-item = Item
report-quantity = Quantity
report-unit = Unit
report-in-kind-more = More goods were received: the CSV file lists them all.
report-in-kind-distributed = Goods distributed
report-in-kind-distribution-not-recorded = Distributions of goods are not recorded in Twiza yet, so this report shows no figure for them.
report-spent = Approved expenses
report-category = Category
report-expenses = Expenses
report-transferred-out = Transferred to other associations
report-balance = Balance
report-download-csv = Download the report (CSV)
error-invalid-document = The document must be a PDF, PNG, JPEG or WebP file of at most 2 MB, of the declared type.

## Crisis coordination
error-unknown-commune = Unknown commune: give its HCP code (for example 07.041.07.05).
error-coordinates-outside-morocco = These coordinates are outside Morocco. Check the latitude and the longitude, and their order.
error-coordinates-incomplete = Give both the latitude and the longitude, or neither.
error-coordinates-invalid = These coordinates are not numbers.
error-quantity-negative = A quantity cannot be negative.
error-quantity-too-large = This quantity is too large.
error-quantity-not-positive = Give a quantity greater than zero.
error-need-size-required = Say how many households or people are affected.
error-phone-invalid = Give a Moroccan phone number (for example 06 12 34 56 78).
error-date-in-past = This date is already past.
error-too-many = Too many items in this list.
error-commune-not-in-incident = This commune is not among the communes hit by the incident.
error-unknown-douar = This douar is not in this commune.
error-unknown-need = This need is not part of the incident.
error-need-elsewhere = This need is in another commune.
error-need-not-open = This need is already covered, closed or merged.
error-merge-into-itself = A need cannot be merged into itself.
error-merge-across-incidents = Only needs of the same incident can be merged.
error-douar-exists = This douar is already recorded in this commune.
error-place-already-covered = This place is already covered while neighbouring communes still wait: consider sending help there.

## Crisis pages
nav-incidents = Crises
incidents-title = Crises and needs
incidents-none = No incident has been declared.
incident-kind-earthquake = Earthquake
incident-kind-flood = Flood
incident-kind-pandemic = Pandemic
incident-kind-cold-wave = Cold wave
incident-kind-drought = Drought
incident-kind-wildfire = Wildfire
incident-kind-other = Other disaster
incident-report-need = Report a need
coverage-open-needs = Open needs
coverage-needed = Households in need
coverage-pledged = Households pledged
coverage-delivered = Households reached
coverage-gap = Gap (households)
coverage-oversupply = Oversupply (households)
coverage-commune = Commune
incident-map = Needs and coverage by commune and douar
coverage-shade-gap = Mostly uncovered
coverage-shade-partial = Partly covered
coverage-shade-covered = Covered
coverage-shade-oversupply = Oversupplied
coverage-shade-quiet = No need reported
coverage-status = Situation
map-legend = Map legend
map-legend-communes =
    { PLURAL($count) ->
        [one] { $count } commune
       *[other] { $count } communes
    }
map-legend-douar = Disc: a douar, larger where more households are in need
incident-coverage = Gaps by commune
incident-3w = Who does what where
threew-organization = Association
threew-sector = Need
threew-pledges = Pledges
threew-targeted = Households targeted
threew-reached = Households reached
incident-exports = Open data
export-3w = Who does what where (CSV with HXL tags)
export-needs-geojson = Needs on a map (GeoJSON)
need-form-title = Report a need
need-form-intro = No account needed. Your phone number is kept encrypted and shown only to the association that comes to help.
need-commune = Commune
need-douar = Douar
need-douar-none = Not in the list
need-category = What is needed
need-urgency = How urgent
need-households = Households
need-people = People
need-description = Details (optional)
need-phone = Phone to reach you (optional)
need-phone-hint = For example 06 12 34 56 78.
need-contact-name = Name (optional)
need-submit = Send
need-page-title = Your report
need-reference = Reference
need-page-keep = Keep this reference: this page shows where your need stands.
need-category-shelter = Shelter
need-category-food = Food
need-category-water = Water
need-category-health = Health
need-category-psychosocial = Psychological support
need-category-hygiene = Hygiene
need-category-education = Schooling
need-category-clothing-blankets = Clothing and blankets
need-category-protection = Protection
need-category-other = Something else
need-urgency-critical = Lives at risk
need-urgency-high = Within a day
need-urgency-medium = Within a few days
need-urgency-low = Can wait
need-status-reported = Reported
need-status-verified = Verified
need-status-assigned = An association is coming
need-status-in-progress = Help on its way
need-status-covered = Covered
need-status-closed = Closed
need-status-merged = Merged with an earlier report

need-status-held = Waiting for review
need-held-waiting = Many reports came from the same network at once, so a coordinator reviews this one before it appears in the lists. Nothing is lost: keep your reference.
need-releases-title = Who received your phone number
need-releases-none = No association has received your phone number yet.
need-releases-hint = Only an association assigned to your need can receive it; each time is listed here.
error-need-assignment-limit = This need is already assigned to as many associations as allowed.
error-unknown-organization = Unknown association.
error-need-not-held = This report is not waiting for review.

## Logistics
sms-delivery-code = Twiza: your delivery code is { $code }. Give it only to the person handing you the aid.
error-unknown-item = Unknown item: use a code of the catalog.
error-unknown-warehouse = This warehouse is not one of the association's.
error-insufficient-stock = Not enough of this item in the warehouse: nothing was taken out.

## Logistics pages: stock, lots, deliveries, convoys
stock-title = Stock
stock-back-home = The association’s home
stock-lots-title = Lots in stock
stock-lots-none = No lot in stock.
stock-lot = Lot
stock-lot-number = Lot no. { $n }
stock-donation-number = donation no. { $n }
stock-expense-number = expense no. { $n }
stock-item = Item
stock-warehouse = Warehouse
stock-quantity = Quantity
stock-source = Where it comes from
stock-source-in-kind-donation = Gift in kind
stock-source-purchase = Purchase (approved expense)
stock-source-other = Other
stock-source-opening = Stock held before lots
stock-warehouses-title = Warehouses
stock-warehouses-none = The association has no warehouse yet.
stock-warehouse-new = Open a warehouse
stock-warehouse-name = Warehouse name
stock-warehouse-commune = Commune (HCP code)
stock-warehouse-commune-hint = For example 07.041.07.03 for Asni.
stock-warehouse-create = Open the warehouse
stock-receive-title = Receive goods
stock-receive-donation = Gift in kind received
stock-receive-donation-hint = For a campaign’s gift in kind: the lot stays linked to it, and the gift can be followed to the douar.
stock-receive-expense = Approved expense (purchase)
stock-receive-expense-hint = For goods bought: the approved expense that paid for them.
stock-receive-none = None
stock-reference = Delivery note reference
stock-reference-hint = Optional: the campaign’s, expense’s or partner’s code.
stock-receive-submit = Receive into stock
stock-received = Received
stock-delivered = Delivered
stock-lot-where = Where the lot is
stock-lot-empty = Nothing of this lot left in stock.
stock-trail-title = Where this lot went
stock-trail-hint = Each delivery taken from this lot, and the douar it reached.
stock-trail-none = No delivery has been taken from this lot yet.
stock-move-title = Move to another warehouse
stock-move-from = From the warehouse
stock-move-to = To the warehouse
stock-move-submit = Move
stock-count-title = Count
stock-count-hint = Enter what you counted: the difference with the stock is recorded.
stock-counted = Counted
stock-expected = By the stock
stock-difference = Difference
stock-count-submit = Record the count
stock-done-warehouse = The warehouse is open.
stock-done-received = The goods are in stock, in this lot.
stock-done-moved = The lot was moved.
stock-done-counted = The count is recorded.
deliveries-title = Deliveries
deliveries-none = No delivery yet.
delivery-label = Delivery
delivery-number = Delivery no. { $n }
delivery-place = Place
delivery-new-title = Prepare a delivery
delivery-lot = Lot
delivery-lots = Lots used
delivery-need = Need covered
delivery-need-hint = The open needs assigned to the association.
delivery-needs-none = No open need is assigned to the association: pledge to cover a need first.
delivery-household = Registered household (number, optional)
delivery-household-hint = The household of the association’s registry that receives the goods.
delivery-households = Households served
delivery-households-count = { $n } household(s)
delivery-proof = Proof of delivery
delivery-proof-code = Code sent to the family’s phone
delivery-proof-agent = The family has no phone: the agent’s statement and photo
delivery-phone = The family’s phone
delivery-phone-hint = Leave empty to send the code to the phone left with the need. The number is never shown.
delivery-submit = Prepare and send the code
delivery-status-awaiting = Awaiting proof
delivery-status-delivered = Delivered
delivery-status-locked = Locked
delivery-confirm-title = Confirm with the family’s code
delivery-attempts-left = Tries left: { $n }. After five wrong codes, the delivery is locked.
delivery-code = The family’s code
delivery-code-hint = The six digits the family received by text message.
delivery-confirm-submit = Confirm the delivery
delivery-agent-title = Confirm by the agent’s statement
delivery-statement = Your statement
delivery-statement-hint = Who received what, where and when. It is kept with the delivery, never published.
delivery-photo = Photo of the handover
delivery-photo-hint = A PNG, JPEG or WebP image of at most 2 MB.
delivery-agent-submit = Confirm the delivery
delivery-done-prepared = The delivery is ready: the goods left the stock and the code was sent.
delivery-done-delivered = The delivery is confirmed and written to the public log.
convoys-title = Convoys
convoys-none = No convoy yet.
convoy-new-title = Plan a convoy
convoy-incident = Incident
convoy-incident-choose = Choose
convoy-warehouse = Warehouse it loads at
convoy-commune = Destination commune
convoy-douar = Douar (optional)
convoy-vehicle = Vehicle
convoy-driver = Driver
convoy-route = Route
convoy-route-hint = The stages, for example Marrakech – Asni – Ijoukak.
convoy-departs-on = Departure date
convoy-manifest = Manifest (lots and quantities)
convoy-submit = Plan the convoy
convoy-mark-left = Left
convoy-mark-arrived = Arrived
convoy-status-planned = Planned
convoy-status-left = On its way
convoy-status-arrived = Arrived
convoy-status-cancelled = Cancelled
convoys-done-planned = The convoy is planned.
convoys-done-left = The convoy left.
convoys-done-arrived = The convoy arrived.
convoy-check-title = This destination is already covered
convoy-check-covered = The needs of { $commune } are already covered.
convoy-check-neighbours = Neighbouring communes still wait:
convoy-check-confirm = Plan it anyway
convoy-check-elsewhere = Choose another destination
error-unknown-lot = This lot is not one of the association’s, or not of this item.
error-lot-donation-invalid = This donation is not a confirmed gift in kind of this item to one of the association’s campaigns.
error-lot-beyond-donation = That is more than the donation gave of this item: nothing was received.
error-lot-expense-invalid = This expense is not an approved expense of the association.
error-same-warehouse = Choose another warehouse than the one the goods are in.
error-warehouse-exists = The association already has a warehouse of this name.
error-proof-locked = Too many wrong codes: this delivery's proof is locked. Ask a coordinator.
error-proof-already-used = This delivery is already confirmed: its code cannot be used again.
error-proof-code-wrong = Wrong code. Attempts left: { $max }.
error-proof-code-invalid = The code has six digits.
error-recipient-phone-required = Give the recipient's phone: the code that proves the delivery is sent there.
error-sms-unavailable = The text message could not be sent: try again in a moment.
error-proof-method-mismatch = This delivery is proven another way (by the recipient's code, or by the field agent's statement and photo).
error-invalid-photo = The photo must be a PNG, JPEG or WebP image of at most 2 MB, of the declared type.
error-unknown-campaign = This campaign is not one of the association's.

## Beneficiary registry, programmes and household files
error-cin-invalid = Invalid national identity card number: one or two letters, then 1 to 6 digits (for example BE819283).
error-cin-repeated = This national identity card number is already in the file or in this household.
error-idcs-invalid = Invalid civil and social digital identifier (IDCS): 10 digits.
error-date-in-future = This date is in the future.
error-date-too-old = This date is before 1900.
error-household-head-required = A household has exactly one head.
error-household-size-invalid = A household has 1 to 30 members.
error-name-script-mismatch = This name must be written in its field's script (Arabic or Latin), without digits or symbols.
error-index-invalid = Invalid socio-economic index: a number from 0 to 20.
error-model-invalid = Invalid targeting model.
error-rule-bad-label = Each component has a unique name of lower-case letters, digits and underscores.
error-rule-invalid-json = The rules are not a valid JSON document of the expected form.
error-rule-minimum-above-maximum = The minimum amount is above the maximum.
error-rule-unknown-field = A condition is on an unknown field.
error-rule-bad-operator = This operator does not apply to this field.
error-rule-bad-value = A condition's value does not have the field's type.
error-file-not-utf8 = The file is not UTF-8: save it as "CSV UTF-8".
error-file-columns = The file's columns are not the expected ones.
error-file-unreadable = The file cannot be read as CSV.
error-unknown-column = Unknown column.
error-column-repeated = This column appears twice.
error-column-missing = A required column is missing.
error-household-not-contiguous = The rows of one household must follow each other.
error-programme-without-rules = This programme has no rules yet.
error-cycle-already-approved = This cycle is already approved.
error-programme-code-taken = This programme code is already used.
error-two-person-rule = A second person must approve what you prepared.
error-cycle-not-approved = Payments are prepared only for an approved cycle.
error-payment-batch-exists = This cycle already has a payment batch.
error-payment-batch-empty = No household of this cycle has anything to be paid.
error-payment-file-invalid = The payment file cannot be made: a line is not valid.
error-status-report-invalid = This is not a readable ISO 20022 payment status report (pain.002).
error-status-report-other-batch = This report is about another payment batch.
error-status-report-without-lines = This report gives the status of no line.
error-rib-invalid = Invalid bank account (RIB): 24 digits including the check key.
error-remedy-mismatch = The remedy does not fit the outcome: a rejection changes nothing, an upheld grievance changes something.
error-grievance-wrong-step = This step cannot be taken now for this grievance.
error-grievance-closed = This grievance is closed.
error-appeal-window-closed = The time to appeal has passed.
error-appeal-same-decider = The appeal must be decided by someone other than the author of the first decision.
error-unknown-programme = No such programme in this association.
error-pair-already-decided = These two people have already been decided on.
error-received-too-long-ago = The date of receipt must be within the last year.
error-unknown-household = This household is not in the association's registry.
error-no-consent = This household has no standing consent or legal basis for programmes.
error-not-enrolled = This household is not enrolled in this programme.

# Members and roles
members-title = Members and roles
members-actions = Changes
members-you = you
members-new-role = New role
members-change-role = Change the role
members-remove = Remove from the association
members-leave = Leave the association
members-done-role-changed = The role was changed.
members-done-member-removed = The member was removed.
members-done-ownership-handed-over = Ownership was handed over. You are now an admin.
members-hand-over-title = Hand ownership over
members-hand-over-hint = The member you choose becomes an owner and you become an admin. An association always keeps an owner.
members-hand-over-to = New owner
members-hand-over-next = Continue
members-hand-over-check = Check what will happen before you confirm.
members-hand-over-new-owner = Becomes an owner
members-hand-over-your-role = Your role afterwards
members-hand-over-confirm = Hand ownership over
members-history = Past changes
members-history-empty = No change yet.
members-removed = removed
members-changed-by = by
action-cancel = Cancel
error-owner-only = Only an owner can give, change or remove the owner role.
error-managers-only = Only owners and admins change the members’ roles.
error-last-owner = The association must keep an owner: give the owner role to another member first.
error-unknown-member = Choose a member of the association.

# The treasury's campaign pages
treasury-campaigns-title = Campaigns
treasury-new-campaign = Open a campaign
treasury-new-campaign-hint = The campaign opens as a draft and its authorization under Law 18-18 is requested at once from the authority its scope names. It can be published once authorized.
treasury-no-campaign = No campaign yet.
treasury-campaign = Campaign
treasury-title-ar = Title in Arabic
treasury-title-fr = Title in French
treasury-purpose-ar = Purpose in Arabic
treasury-purpose-fr = Purpose in French
treasury-goal = Goal in dirhams
treasury-starts-on = First day of the collection
treasury-ends-on = Last day of the collection
treasury-scope = Where it collects, and so who authorizes it
treasury-bank-account = Bank account of the campaign
treasury-bank-account-hint = The 24 digits of the RIB, or the Moroccan IBAN (MA…). Its check key is verified.
treasury-emergency = Collected under the emergency procedure
treasury-open-campaign = Open the campaign and request its authorization
treasury-refusal-reason = Reason of the refusal
treasury-publish = Publish the campaign
treasury-close = Close the campaign
treasury-public-page = The campaign's public page
treasury-report = The campaign's report
treasury-done-created = The campaign is open as a draft and its authorization is requested.
treasury-done-published = The campaign is published.
treasury-done-closed = The campaign is closed: it takes no more gifts.

# What waits for a member
waiting-title = Waiting for you
waiting-to-publish = authorized: it can be published
waiting-authority = its authorization is awaited from the authority
waiting-ending-soon = its collection ends within two weeks

## An authority declares an incident
nav-declare-incident = Declare an incident
declaration-new-title = Declare an incident
declaration-no-territory = Your competence covers no commune: you cannot declare an incident.
declaration-provinces = Provinces and prefectures hit
declaration-provinces-hint = Choose them, then show their communes.
declaration-show-communes = Show their communes
declaration-kind = What struck
declaration-title-ar = Name in Arabic
declaration-title-fr = Name in French
declaration-started-on = Day it started
declaration-communes = Communes hit
declaration-declare = Declare the incident
declaration-public-page = The incident's public page
declaration-douars = Douars
declaration-no-douar = No douar recorded yet.
declaration-douar = Douar
declaration-commune = Commune
declaration-population = Population
declaration-add-douar = Add a douar
declaration-name-ar = Name in Arabic
declaration-name-fr = Name in French
declaration-name-latin = Name in Latin letters
declaration-name-latin-hint = As people write it on a phone, for example Tikhfist.
declaration-latitude = Latitude (optional)
declaration-longitude = Longitude (optional)
declaration-done-declared = The incident is declared. Add its douars so that needs can be placed.
declaration-done-douar = The douar is added.
error-outside-territory = Choose only communes of your territory.

home-switch-label = Your other associations

## The file of an authorization request
treasury-request-document = The file of the authorization request
treasury-request-document-download = Download the file sent
treasury-request-document-missing = No file sent yet: send the signed request letter and its annexes so that the authority can decide.
treasury-request-document-file = The request's file
treasury-request-document-hint = One PDF, JPEG or PNG file of at most 2 MB. A new file replaces the one sent before, until the authority decides.
treasury-request-document-send = Send the file
treasury-done-document = The file is sent with the request.
treasury-file-size-kb = { $kb } KB
authz-request-document = The file of the request
authz-request-document-missing = The association has not sent a file with this request.
error-invalid-request-document = Choose a PDF, JPEG or PNG file of at most 2 MB whose content is what its name says.
# Donations and payment batches (the treasury's pages)
donations-title = Donations
donations-record = Record a donation
donations-record-hint = For money already received (cash, bank transfer, card at your desk) or goods handed over. It is written to the public log at once and gets its receipt.
donations-done-recorded = The donation is recorded.
donations-print-receipt = Print its receipt
donations-kind = Kind of donation
donations-any = All
donations-money = Money
donations-in-kind = In kind (goods)
donations-method = How it was paid
donations-online = Online gift
donations-from = From (date)
donations-to = To (date)
donations-minimum = Minimum amount in dirhams
donations-filter = Show
donations-none = No donation matches.
donations-number = Donation number
donations-date = Date
donations-what = Amount or goods
donations-status = Status
donations-actions = Actions
donations-receipt = Receipt
donations-show-donor = Show the donor
donations-amount = Amount in dirhams
donations-amount-hint = Digits with at most two decimals, for example 250.00.
donations-choose = Choose
donations-items-hint = Choose up to three items of the catalogue and their quantities (whole numbers).
donations-item = Item
donations-quantity = Quantity
donations-record-submit = Record the donation
donations-conflict = This form was already sent with other values. Check the list of donations before recording again.
donations-donor-title = The donor's identity
donations-donor-hint = Given for a large gift, kept sealed, shown to the treasury only. This reading is recorded.
donations-donor-name = Full name
donations-donor-document = Identity document
donations-donor-country = Country
donations-document-cin = National identity card
donations-document-passport = Passport
batches-title = Payment batches
batches-hint = Each batch pays the households of an approved cycle through the association's bank.
batches-none = No payment batch yet.
batches-programme = Programme
batches-period = Period
batches-lines = Payments
batches-total = Total
batches-execution-date = Execution date
batches-status = Status
batch-title = Payment batch
batch-done-reconciled = The bank's report is applied.
batch-message-id = Reference of the bank file
batch-skipped = Households left out (no account to pay)
batch-file-title = The bank file
batch-file-hint = The credit transfers of the batch in the ISO 20022 format your bank reads. Reading the payees' names and accounts is recorded in each household's access log.
batch-file-download = Download the bank file
batch-report-title = The bank's status report
batch-report-file = Status report file
batch-report-hint = The XML file (pain.002) the bank sent back for this batch. Sending the same report again changes nothing.
batch-report-submit = Apply the report
batch-lines-title = Payments of the batch
batch-line-reference = Reference
batch-line-household = Household
batch-line-amount = Amount
batch-line-reason = Bank's reason
payment-line-status-sent = Sent to the bank
payment-line-status-pending = Waiting for the bank
payment-line-status-paid = Paid
payment-line-status-rejected = Rejected
payment-batch-status-ready = Ready to send
payment-batch-status-reconciled = Reconciled
batch-report-paid =
    { PLURAL($count) ->
        [one] { $count } payment paid
       *[other] { $count } payments paid
    }
batch-report-rejected =
    { PLURAL($count) ->
        [one] { $count } payment rejected
       *[other] { $count } payments rejected
    }
batch-report-pending =
    { PLURAL($count) ->
        [one] { $count } payment still waiting
       *[other] { $count } payments still waiting
    }
batch-report-unchanged =
    { PLURAL($count) ->
        [one] { $count } line already known
       *[other] { $count } lines already known
    }
batch-report-unmatched =
    { PLURAL($count) ->
        [one] { $count } line of the report matches no payment of this batch
       *[other] { $count } lines of the report match no payment of this batch
    }
# E-mail: invitations by link, forgotten passwords, notifications
password-forgot-link = Forgot your password?
password-forgot-title = Reset a forgotten password
password-forgot-hint = Enter the e-mail address of your account. If an account has it, a link to set a new password is sent there; it works once, for one hour.
password-forgot-submit = Send me a link
password-link-sent = If an account has this address, a link to set a new password has been sent to it. Check your inbox.
password-mail-off = E-mail is not set up on this server: ask the platform administrator to send you a link.
password-link-invalid = This link no longer works: it was used already or it expired. Ask for a new one on the “Forgot your password?” page.
password-reset-title = Set a new password
password-reset-hint = Your new password ends every session of your account: sign in again afterwards.
password-new = New password
password-reset-submit = Set the new password
password-changed = Your password was changed. Sign in with the new one.
invitation-title = Join an association
invitation-association = Association
invitation-join-as = You will join as { $name }.
invitation-accept = Accept the invitation
invitation-sign-in-first = Sign in, or create an account, to accept this invitation. You come back here afterwards.
invitation-link-invalid = This invitation link no longer works: it was used already or it expired. Ask the association for a new invitation.
invitation-accepted = Welcome: you are now a member of the association.
invitation-mail-hint = The person receives an e-mail with a link to join; the link works once, for 14 days.
invitation-mail-off = E-mail is not set up on this server: the person must create an account with this address; the invitation then appears in their associations.
mail-invitation-subject = Invitation to join { $association }
mail-invitation-body = Hello,
    You are invited to join { $association } on Twiza as { $role }.
    To accept, open this link (it works once, for 14 days):
    { $link }
    If you did not expect this invitation, ignore this message.
mail-password-link-subject = Set a new Twiza password
mail-password-link-body = Hello,
    Someone asked to set a new password for your Twiza account. To do so, open this link (it works once, for one hour):
    { $link }
    If you did not ask for it, ignore this message: your password stays as it is.
mail-authorization-granted-subject = Authorization granted: { $campaign }
mail-authorization-granted-body = Hello,
    The authority granted the fundraising authorization of the campaign “{ $campaign }”. It can now be published:
    { $link }
mail-authorization-refused-subject = Authorization refused: { $campaign }
mail-authorization-refused-body = Hello,
    The authority refused the fundraising authorization of the campaign “{ $campaign }”. The reason is on the campaign's page:
    { $link }
mail-expense-waiting-subject = An expense waits for your approval
mail-expense-waiting-body = Hello,
    An expense of { $association } waits for the approval of a second member. To look at it:
    { $link }
mail-transfer-arrived-subject = A transfer arrived for { $association }
mail-transfer-arrived-body = Hello,
    A transfer from another association arrived for { $association } and waits for your confirmation:
    { $link }
## The treasury's ledger pages: expenses, transfers, books
expenses-title = Expenses of the campaign
expenses-done-submitted = Expense submitted: another treasury member must now approve it.
expenses-done-approved = Expense approved: it is in the books and in the public log.
expenses-done-rejected = Expense rejected: nothing was booked.
expenses-waiting-title = Waiting for approval
expenses-waiting-none = No expense is waiting for approval.
expenses-submitted-on = Submitted on
expenses-description = Description
expenses-submitted-by = Submitted by
expenses-own-waiting = You submitted it: another treasury member approves it.
expenses-approve = Approve…
expenses-reject = Reject…
expenses-evidence-download = Download the evidence
expenses-submit-title = Submit an expense
expenses-submit-hint = Another treasury member approves it before it enters the books.
expenses-amount = Amount in dirhams
expenses-amount-hint = Digits and at most two decimals, for example 1200.50.
expenses-paid-from = Paid from
expenses-description-ar = Description in Arabic
expenses-description-fr = Description in French
expenses-evidence = Evidence (invoice or receipt)
expenses-evidence-hint = A PDF, JPEG or PNG file of at most { $mb } MB. Its content is checked: a file that is not what its name says is refused.
expenses-submit = Submit the expense
expenses-all-title = All the campaign's expenses
expenses-none = No expense yet.
expenses-rejection-reason = Reason of the rejection:
expenses-status = Status
expenses-approve-title = Approve an expense
expenses-reject-title = Reject an expense
expenses-approve-check = Check what will happen before you approve.
expenses-approve-effect = Approving books this amount out of the campaign's money and publishes it in the public log with the evidence's fingerprint. It cannot be undone.
expenses-approve-confirm = Approve this expense
expenses-reject-reason = Reason of the rejection
expenses-reject-confirm = Reject this expense
list-newer = Newer
list-older = Older
expense-status-submitted = Waiting for approval
expense-status-approved = Approved
expense-status-rejected = Rejected
transfer-status-pending = Waiting for the receiver's confirmation
transfer-status-confirmed = Received and confirmed
ledger-account-bank = Bank
ledger-account-cash = Cash
ledger-account-mobile-wallet = Mobile wallet
ledger-account-donation-income = Donations received
ledger-account-in-kind-stock = Goods in stock
ledger-account-in-kind-income = Goods received
ledger-account-programme-expenses = Programme expenses
ledger-account-running-costs = Running costs
ledger-account-transfers-out = Transfers sent
ledger-account-transfers-in = Transfers received
ledger-source-donation = Donations
ledger-source-expense = Expense
ledger-source-transfer-out = Transfer sent
ledger-source-transfer-in = Transfer received
transfers-title = Transfers between associations
transfers-done-sent = Transfer sent: it waits for the receiving association to confirm it.
transfers-done-confirmed = Transfer confirmed: it is in the books of both associations.
transfers-to-confirm-title = Transfers to confirm
transfers-to-confirm-none = No transfer is waiting for your confirmation.
transfers-date = Date
transfers-from = Sent by
transfers-confirm = Confirm it was received
transfers-confirm-hint = Confirm only once the money is really on your account: the transfer then enters both associations' books.
transfers-send-title = Send a transfer
transfers-search = Find the receiving association by its name
transfers-to = Receiving association
transfers-no-recipient = No verified association matches this name.
transfers-paid-by-campaign = Paid out of the campaign
transfers-next = Continue
transfers-list-title = Transfers sent and received
transfers-none = No transfer yet.
transfers-direction = Direction
transfers-other = Other association
transfers-sent = Sent
transfers-received = Received
transfers-check-title = Check the transfer before sending it
transfers-check-intro = Check what will happen before you send.
transfers-check-effect = The transfer waits for the receiving association to confirm it; once confirmed, the amount leaves the campaign's money and it is published in the public log.
transfers-send = Send the transfer
books-title = The association's books
books-trial-balance = Trial balance
books-balanced = Balanced: total debits equal total credits.
books-not-balanced = Not balanced: total debits differ from total credits.
books-account = Account
books-debits = Debits
books-credits = Credits
books-balance = Balance
books-in-kind-stock = Goods received in kind
books-journal = Journal
books-all-accounts = All accounts
books-from = From (date included)
books-to = To (date included)
books-show = Show the journal
books-journal-empty = No line matches these filters.
books-source = Entry
books-debit = Debit
books-credit = Credit
books-reports = The campaigns' reports
books-report-csv = The report as CSV
error-invalid-account = Unknown account: choose one in the list.
# Platform administration and the associations' documents
nav-administration = Administration
admin-home-title = Platform administration
admin-accounts-title = Accounts
admin-accounts-hint = Find an account, create one, disable it, or give and take platform roles.
admin-verification-hint = Check each association's documents, then verify it or reject it with a reason.
admin-new-account-title = Create an account
admin-new-account-hint = The account has no password yet: its holder sets one through the link sent to the email address.
admin-search-label = Search by email address or name
admin-no-account = No account matches.
admin-platform-role = Platform role
admin-status = Status
admin-status-active = Active
admin-status-disabled = Disabled
admin-previous = Previous accounts
admin-next = Next accounts
admin-role-none = No platform role
admin-competence = Competence of an authority
admin-competence-hint = Only for the authority role: the authority that decides the fundraising authorizations (Law 18-18).
admin-competence-none = None (not an authority)
admin-competence-code = Province, prefecture or region of the authority
admin-competence-code-hint = A province or prefecture for a governor, a region for a wali; none for national and abroad.
admin-competence-code-none = None (national or abroad)
admin-regions = Regions
admin-create-account = Create the account
admin-account-title = Account
admin-created-on = Created on
admin-own-account = This is your own account: another platform administrator can disable it or change its role.
admin-enable-hint = The account can sign in again. Its API tokens stay revoked.
admin-enable = Enable the account
admin-disable-hint = The account can no longer sign in; its sessions end and its API tokens are revoked at once.
admin-disable = Disable the account
admin-change-role-title = Give or take a platform role
admin-role-next = Continue
admin-history = Changes to this account
admin-history-empty = No change recorded.
admin-role-check-title = Check the role change
admin-role-check-back = Back to the account
admin-role-check-hint = Check what will change before you confirm.
admin-role-now = Role now
admin-role-after = Role afterwards
admin-role-confirm = Confirm the change
admin-done-created = The account is created. Its holder will set a password through the link sent to the address.
admin-done-disabled = The account is disabled.
admin-done-enabled = The account is enabled again.
admin-done-role-given = The role is given.
admin-done-role-taken = The role is taken away.
admin-action-created = Account created
admin-action-disabled = Disabled
admin-action-enabled = Enabled again
admin-action-role-given = Role given: { $role }
admin-action-role-taken = Role taken away: { $role }
admin-by-command-line = the command line
error-own-account = You cannot disable your own account or change its role: ask another platform administrator.
error-last-platform-admin = The platform must keep an active platform administrator: give the role to another account first.
error-invalid-association-document = The document must be a PDF, JPEG or PNG file of at most 2 MB, whose content matches its type.
error-invalid-document-kind = Choose the kind of document: statutes, receipt of declaration or list of the board.
org-documents = Documents for the verification
org-documents-hint = The platform verifies the association with its statutes, the receipt of its declaration from the local authority and the list of its board.
org-documents-empty = No document yet.
org-document-add = Add a document
org-document-kind = Kind of document
org-document-file = File
org-document-file-hint = PDF, JPEG or PNG, 2 MB at most.
org-document-upload = Add the document
org-document-size = { $kb } KB
org-done-document-added = The document is added.
document-kind-statutes = Statutes
document-kind-declaration-receipt = Receipt of declaration
document-kind-board-list = List of the board
verify-no-documents = This association has given no document yet.
home-expense-to-approve = An expense to approve
home-transfer-to-confirm = A transfer to confirm
file-fingerprint = Fingerprint of the file

# Crisis coordination: the incident board, pledges, contacts and triage.
nav-triage = Incidents to coordinate
board-title = Incident board
board-incidents = Incidents
board-back-home = The association's home
board-back-declaration = The incident, its communes and its douars
board-triage-needs = Triage the incident's needs
board-done-pledged = Your pledge is recorded.
board-done-pledged-covered = Your pledge is recorded, but this commune was already covered while neighbouring communes still wait. See the gaps below.
board-queue = Needs by priority
board-queue-hint = Open needs, highest priority first. The priority, out of 100, adds up urgency, the people affected, the wait and the commune's gap.
board-all-communes = All communes
board-filter = Filter
board-queue-empty = No open need.
board-next = Next
board-need = Need
board-priority = Priority
board-priority-explained = urgency { $urgency } + people { $vulnerability } + waiting { $waiting } + gap { $gap }
board-status = Status
board-action = Action
board-possible-duplicate = probable duplicate of
board-pledge = Pledge
board-contact = The contact
board-triage = Triage
board-douar-coverage = Gaps by douar
pledge-title = Pledge to cover a need
pledge-households = Households you will cover
pledge-households-hint = This need counts { $n } households. You may pledge for some of them, not more.
pledge-description = What you bring
pledge-description-hint = For example 12 family tents and blankets.
pledge-due-on = At the latest on
pledge-submit = Record the pledge
error-pledge-beyond-need = You cannot pledge for more households than the need counts.
contact-title = The contact of the person who reported the need
contact-recorded = This read is recorded. The person sees your association's name and the date.
contact-name = Name
contact-phone = Phone
triage-title = Triage the need
triage-this-need = This need
triage-verify = Confirm the need is verified
triage-likely-duplicate = The need it probably repeats
triage-reasons = Why they look like one
triage-reason-same-commune = The same commune
triage-reason-same-douar = The same douar
triage-reason-no-douar = Neither names a douar
triage-reason-same-category = The same need
triage-reason-close-in-time = Reported less than three days apart
triage-reason-close-points = Less than two kilometres apart
triage-merge = Merge with the need it repeats
triage-merge-into = Number of the need kept
triage-merge-hint = This need leaves the counts and its pledges move to the need kept.
triage-merge-submit = Merge
triage-assign = Give the need to an association
triage-assign-to = Verified association of the province
triage-assign-hint = It will be able to read the contact of the person who reported the need. Three associations at most.
triage-assign-submit = Give the need
triage-assigned-by-pledge = by its pledge
triage-assigned-by-authority = by the authority
triage-reported-at = Reported on
triage-description = Description
triage-done-verified = The need is verified.
triage-done-merged = The duplicate is merged into this need.
triage-done-assigned = The need is given to the association.
## Registry pages: households, files, duplicates
registry-households-title = Household registry
registry-back-to-association = Back to the association
registry-done-registered = The household is registered.
registry-open-household = Open its record
registry-register = Register a household
registry-import = Import a household file
registry-duplicates = Duplicates to review
registry-search-name = A member’s name
registry-search-name-hint = In Arabic, Latin or Tifinagh letters: the spellings of one name find each other.
registry-reference = Reference
registry-commune = Commune
registry-douar = Douar
registry-programme = Programme
registry-any = Any
registry-status = Status
registry-status-active = Active
registry-status-anonymized = Anonymized
registry-search = Search
registry-none = No household matches.
registry-head = Head
registry-place = Place
registry-members = Members
registry-register-hint = Enter the household and its members, then register it. Nothing is saved while a field needs correcting.
registry-household = Household
registry-commune-hint = Its HCP code (for example 07.041.07.05) or its name.
registry-address = Address
registry-damage = Damage to the home
registry-consent = Consent
registry-consent-hint = Why the household’s data is processed, and on what basis (law 09-08).
registry-purpose = Purpose
registry-basis = Legal basis
registry-channel = Given
registry-members-hint = One row per member; leave extra rows empty. A household has exactly one head.
registry-member-n = Member { $n }
registry-register-submit = Register the household
registry-more-rows = More member rows
registry-given-name-ar = Given name in Arabic
registry-family-name-ar = Family name in Arabic
registry-given-name-lat = Given name in Latin letters
registry-family-name-lat = Family name in Latin letters
registry-sex = Sex
registry-choose = Choose
registry-birth-date = Date of birth
registry-relation = Relation to the head
registry-disability = Disability
registry-schooling = Schooling
registry-cin = National identity card number
registry-phone = Phone
registry-idcs = Civil and social digital identifier
registry-rectify-title = Correct a member’s data
registry-rectify-hint = Right of rectification (law 09-08): the correction is kept with its reason, without the old values.
registry-rectify-reason = Reason for the correction
registry-rectify-reason-hint = For example: the household asked, a civil status document was shown.
registry-rectify-submit = Save the correction
registry-rectify = Correct
registry-consents = Consents
registry-none-yet = Nothing yet.
registry-recorded = Recorded on
registry-withdrawn = Withdrawal
registry-withdrawn-on = Withdrawn on
registry-standing = Standing
registry-decisions = Programme decisions
registry-eligible = Eligible
registry-not-eligible = Not eligible
registry-indexes = Socio-economic indexes
registry-deliveries = Deliveries received
registry-grievances = Grievances
registry-name = Name
registry-identifiers = Identifiers
registry-export = What we hold about the household
registry-corrections = Corrections
registry-withdraw-title = Withdraw a consent
registry-withdraw-hint = The household may withdraw its consent at any time; the withdrawal is dated and kept.
registry-withdraw = Withdraw the consent
registry-access-log = Who read this data
registry-access-log-hint = Every read of the household’s personal data is written here.
registry-when = When
registry-who = Who
registry-what = What
registry-why = Why
registry-done-withdrawn = The consent is withdrawn.
registry-done-rectified = The correction is saved.
registry-reader-platform = Platform administration
registry-export-intro = Everything the association keeps about the household (law 09-08, right of access). This read is itself recorded.
registry-printed-on = Printed on
registry-export-rights = The household may ask the association to correct its data and withdraw its consent.
registry-import-hint = The file is checked first without importing anything; you then choose to import all of it or only the valid households.
registry-import-file = Household file
registry-import-file-hint = CSV in UTF-8 or an Excel workbook (.xlsx, its first sheet), at most 16 MB.
registry-import-check = Check the file
registry-import-report = The file’s check
registry-import-report-hint = Nothing is imported yet. Each invalid row is given with its field and the reason.
registry-import-valid = Valid households
registry-import-persons = People in those households
registry-import-invalid = Invalid households
registry-import-errors = Errors
registry-import-row = Row
registry-import-field = Column
registry-import-reason = Reason
registry-import-how = What should be imported?
registry-import-all = The whole file (only if it has no error)
registry-import-submit = Import
registry-import-nothing = No valid household: correct the file and send it again.
duplicates-title = Possible duplicates
duplicates-hint = Two records that seem to be the same person, with the reasons for the match. Decide after checking with the household.
duplicates-search = Look for new duplicates
duplicates-none = No duplicate waiting.
duplicates-pair = Pair with score { $score }
duplicates-field = Field
duplicates-first = First record
duplicates-second = Second record
duplicates-reasons = Why they match
duplicates-same = Same person
duplicates-different = Different people
duplicates-done-same = Decided: same person. The later record no longer counts in cycles.
duplicates-done-different = Decided: different people. The pair will not be proposed again.
registry-done-imported =
    { PLURAL($count) ->
        [one] { $count } household imported
       *[other] { $count } households imported
    }
registry-import-more-errors =
    { PLURAL($count) ->
        [one] and { $count } more error
       *[other] and { $count } more errors
    }
registry-import-valid-only =
    { PLURAL($count) ->
        [one] Only the valid household ({ $count })
       *[other] Only the valid households ({ $count })
    }
duplicates-done-searched =
    { PLURAL($count) ->
        [one] { $count } new pair to review
       *[other] { $count } new pairs to review
    }
error-consent-not-standing = This household has no standing consent for this purpose.
error-file-not-household-file = Choose a CSV file or an Excel workbook (.xlsx).
error-import-has-errors = The file has errors: import only the valid households, or correct it.
registry-sex-f = Female
registry-sex-m = Male
registry-relation-head = Head
registry-relation-spouse = Spouse
registry-relation-child = Child
registry-relation-parent = Parent
registry-relation-sibling = Sibling
registry-relation-grandchild = Grandchild
registry-relation-other-relative = Other relative
registry-relation-not-related = Not related
registry-disability-none = None
registry-disability-physical = Physical
registry-disability-sensory = Sensory
registry-disability-intellectual = Intellectual
registry-disability-mental = Mental
registry-disability-multiple = Multiple
registry-schooling-none = Not in school
registry-schooling-preschool = Preschool
registry-schooling-primary = Primary
registry-schooling-lower-secondary = Lower secondary
registry-schooling-upper-secondary = Upper secondary
registry-schooling-higher = Higher education
registry-schooling-vocational = Vocational training
registry-damage-none = None
registry-damage-partial = Partial
registry-damage-total = Home destroyed
registry-purpose-registration = Registration
registry-purpose-programme-enrollment = Programme enrollment
registry-purpose-payments = Payments
registry-purpose-duplicate-check = Duplicate check
registry-basis-consent = Consent
registry-basis-legal-obligation = Legal obligation
registry-basis-vital-interest = Vital interest
registry-basis-public-interest = Public interest
registry-channel-paper = On paper
registry-channel-in-person = In person
registry-channel-phone = By phone
registry-channel-sms = By SMS
registry-channel-ussd = By USSD
registry-channel-web = Online
registry-field-given-name-ar = given name in Arabic
registry-field-family-name-ar = family name in Arabic
registry-field-given-name-lat = given name in Latin letters
registry-field-family-name-lat = family name in Latin letters
registry-field-sex = sex
registry-field-birth-date = date of birth
registry-field-relation = relation to the head
registry-field-disability = disability
registry-field-schooling = schooling
registry-field-phone = phone
registry-field-cin = national identity card number
registry-field-idcs = civil and social digital identifier
duplicates-field-given-name = Given name
duplicates-field-family-name = Family name
duplicates-field-birth-date = Date of birth
duplicates-field-sex = Sex
duplicates-field-national-id = National identity card
duplicates-field-phone = Phone
duplicates-field-address = Douar
duplicates-field-locality = Commune
duplicates-field-postcode = Postcode
duplicates-level-exact = identical
duplicates-level-spelling-variant = another spelling
duplicates-level-transliteration = same name in another script
duplicates-level-phonetic = sounds the same
duplicates-level-swapped = given and family names swapped
duplicates-level-token-subset = part of the name
duplicates-level-similar = similar
duplicates-level-partial = partly
duplicates-level-one-edit = one letter apart
duplicates-level-one-digit = one digit apart
duplicates-level-day-month-swapped = day and month swapped
duplicates-level-year-off-by-one = one year apart
duplicates-level-same-year-month = same month and year
duplicates-level-different = different
operations-title = Operations
operations-hint = The jobs that run by themselves in the database, and what they did.
operations-done-ran = Retention ran.
operations-retention = Retention
operations-run-now = Run now
operations-no-run = No run yet.
operations-run = Run
operations-started = Started (UTC)
operations-finished = Finished (UTC)
operations-status = Status
operations-households = Households anonymized
operations-status-running = Running
operations-status-done = Done
operations-status-failed = Failed
operations-retention-hint =
    { PLURAL($hours) ->
        [one] Every node checks each { $hours } hour whether today’s retention ran; one node runs it. It anonymizes households whose programmes ended longer ago than their retention period, and changes nothing a second time.
       *[other] Every node checks every { $hours } hours whether today’s retention ran; one node runs it. It anonymizes households whose programmes ended longer ago than their retention period, and changes nothing a second time.
    }

# Field work: an agent's communes, their home, the field assessment.
error-outside-agent-communes = This place is outside your communes. Choose one of the communes you work in, or ask a manager of the association to assign you this one.
field-title = Your field work
field-communes = Your communes: { $communes }
field-no-communes = No commune is assigned to you yet. A manager of the association (an owner or an admin) assigns them on the members page.
field-deliveries = Deliveries to confirm
field-deliveries-empty = No delivery waits in your communes.
field-confirm = Confirm
field-needs = Open needs, the most urgent first
field-needs-empty = No open need in your communes.
field-assess = Record an assessment
field-done-assessed = Your assessment is recorded.
assessment-title = Field assessment
assessment-intro = What you record here counts as a verified need.
assessment-submit = Record the assessment
members-communes = Communes worked in
members-communes-none = None
members-communes-hint = HCP codes or names, separated by commas (for example 07.041.07.03). Leave empty to take them all away.
members-communes-save = Save the communes
members-done-communes-set = The member’s communes are saved.
