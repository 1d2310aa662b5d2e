### Twiza — ⵜⵓⵣⵉⵏⵉⵏ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ (Standard Moroccan Tamazight, Tifinagh).
###
### REVIEW REQUIRED: these translations must be reviewed by an IRCAM-trained translator before
### release. They were written from attested vocabulary (CLDR zgh, the zgh MediaWiki interface,
### zgh Wikipedia's administrative terms: ⵜⴰⵎⵏⴰⴹⵜ region, ⵜⴰⵙⴳⴰ province, ⵜⴰⴳⵔⴰⵡⵜ commune) but
### several terms are best guesses, notably: ⵙⵙⵉⴷⴷ / ⴰⵙⵙⵉⴷⴷ (verify / verification), ⴰⴳⵉ and
### ⵜⵜⵡⴰⴳⵉ (reject / rejected), ⵉⵎⵢⴰⵡⴰⵙⵏ (volunteers), ⵜⵉⵏⴱⴰⴹⵉⵏ (authorities), ⴰⵔⴳⵉⵍ
### (disability), ⵜⵉⵔⵎⵜ (food security), ⴰⵏⴼⵍⵓⵙ ⵏ ⵉⴳⵔⴰⵏ (rural development), ⵔⵔⵉⵢⴰⴹⴰ (sport),
### ⴰⵏⵙⵎⵓⵏ (coordinator), ⵜⵉⵙⵓⵔⴰ ⵏ API (API tokens, literally "keys"), ⴰⵏⵎⵓⴷ (direction of
### writing), and the province/prefecture distinction, which ⵜⴰⵙⴳⴰ alone does not make.
### The campaign and gift pages add more best guesses: ⴰⴽⵓⴷ (code), ⴰⵏⵙⵉⵜⵉ (goal), ⵜⵓⴼⴽⵉⵜ (gift),
### ⵜⴰⵇⵔⴰⴱⵜ ⵏ ⵜⵉⵍⵉⴼⵓⵏ (mobile wallet), ⵍⴱⴰⵙⴱⵓⵔ (passport), ⴰⵙⵎⵎⴻⵍ (provider notification),
### ⴰⵣⵎⵎⴻⵎ (commitment), ⴰⵄⴰⵎⵉⵍ / ⴰⵡⴰⵍⵉ (governor / wali).
###
### Same keys and, per message, same variables in ar.ftl, fr.ftl, zgh.ftl and en.ftl (checked by
### the tests). Plural variants are selected with PLURAL($n): CLDR has no zgh plural rules, so
### Twiza applies CLDR's tzm rules (one: 0, 1 and 11–99; other: everything else), see
### crates/twiza-i18n/src/plural.rs.

## General

app-name = ⵜⵡⵉⵣⴰ
app-tagline = ⵜⴰⵏⵎⵢⴰⵡⴰⵙⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ, ⵎⴰⵕⵕⴰ ⴰⴽⴽⵯ
# The language's own name (CLDR zgh), shown in the language switcher.
language-name = ⵜⴰⵎⴰⵣⵉⵖⵜ
language-label = ⵜⵓⵜⵍⴰⵢⵜ
skip-to-content = ⵏⴹⵓ ⵖⵔ ⵜⵓⵎⴰⵢⵜ
nav-home = ⵜⴰⵙⵏⴰ ⵏ ⵓⵙⵏⵓⴱⴳ
nav-directory = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵏⵉⵏ
nav-sign-in = ⴽⵛⵎ
nav-sign-up = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ
nav-sign-out = ⴼⴼⵖ
nav-my-associations = ⵜⵉⵎⵓⵏⵉⵏ ⵉⵏⵓ
nav-verification-queue = ⵜⵉⵎⵓⵏⵉⵏ ⵉ ⵓⵙⵙⵉⴷⴷ
nav-authorizations = ⵜⵓⵜⵔⴰ ⵏ ⵓⵙⵓⵔⴳ
nav-api-tokens = ⵜⵉⵙⵓⵔⴰ ⵏ API
# Accessible label of the main <nav>.
nav-main-label = ⴰⵙⵙⴰⵔⴰ ⴰⴳⵊⴷⴰⵏ
footer-geo-credit = ⵉⵙⴼⴽⴰ ⵉⵊⵓⵖⵔⴰⴼⵉⵢⵏ: HCP — ⴰⵙⵉⴹⴰⵏ ⴰⵎⴰⵜⴰⵢ ⵏ ⵢⵉⵎⵣⴷⴰⵖ ⴷ ⵜⵣⴷⵖⴰ 2024, CC BY 4.0
footer-api = API ⵜⴰⴳⴷⵓⴷⴰⵏⵜ
# Symbol of the Moroccan dirham: CLDR zgh has none, so the root symbol "MAD" applies.
currency-mad = MAD

## Month names (CLDR zgh, format context, wide)

month-1 = ⵉⵏⵏⴰⵢⵔ
month-2 = ⴱⵕⴰⵢⵕ
month-3 = ⵎⴰⵕⵚ
month-4 = ⵉⴱⵔⵉⵔ
month-5 = ⵎⴰⵢⵢⵓ
month-6 = ⵢⵓⵏⵢⵓ
month-7 = ⵢⵓⵍⵢⵓⵣ
month-8 = ⵖⵓⵛⵜ
month-9 = ⵛⵓⵜⴰⵏⴱⵉⵔ
month-10 = ⴽⵜⵓⴱⵔ
month-11 = ⵏⵓⵡⴰⵏⴱⵉⵔ
month-12 = ⴷⵓⵊⴰⵏⴱⵉⵔ

## Actions

action-save = ⵃⴹⵓ
action-create = ⵙⵏⵓⵍⴼⵓ
action-search = ⵔⵣⵓ
action-verify = ⵙⵙⵉⴷⴷ
action-reject = ⴰⴳⵉ
action-revoke = ⴽⴽⵙ
action-invite = ⵙⵏⵓⴱⴳ
# Submit button of the language switcher.
action-change = ⵙⵏⴼⵍ
action-accept = ⵇⴱⵍ

## Pagination

pagination-previous = ⴰⵣⵡⵉⵔ
pagination-next = ⴰⴹⴼⵉⵕ
pagination-label = ⴰⵙⵙⴰⵔⴰ ⴳⵔ ⵜⴰⵙⵏⵉⵡⵉⵏ
page-count = ⵜⴰⵙⵏⴰ { $page } ⵙⴳ { $pages }

## Home

home-title = ⵜⴰⵏⵎⵢⴰⵡⴰⵙⵜ ⵏⵏⴰ ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵙⵉⴷⴷⴷ
home-intro = ⵜⵡⵉⵣⴰ ⴰⵔ ⵜⵙⵎⵓⵏ ⵜⵉⵎⵓⵏⵉⵏ, ⵉⵎⴼⴽⴰⵢⵏ, ⵉⵎⵢⴰⵡⴰⵙⵏ, ⵜⵉⵏⴱⴰⴹⵉⵏ ⴷ ⵜⵡⴰⵛⵓⵍⵉⵏ ⵉⵜⵜⵓⵢⵓⵜⵏ ⵅⴼ ⵢⴰⵜ ⵜⵡⵍⴰⴼⵜ ⵉⵎⵓⵏⵏ ⵏ ⵉⵙⵓⵜⵔⵏ, ⵉⴷⵔⵉⵎⵏ ⴷ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ, ⵏⵏⴰ ⵉⵥⴹⴰⵕ ⴽⵓ ⵢⴰⵏ ⴰⴷ ⵜⵜ ⵉⵙⵙⵉⴷⴷ.
home-directory-link = ⴰⴼ ⵢⴰⵜ ⵜⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ
home-create-association = ⵙⵊⵊⵍ ⵜⴰⵎⵓⵏⵜ ⵏⵏⴽ

## Accounts

account-email = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ
account-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
account-password-hint = 12 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵓⴷⵔⵓⵙ.
account-display-name = ⵉⵙⵎ ⵉⵜⵜⵓⵙⴽⴰⵏⵏ
account-sign-up-title = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ
account-sign-in-title = ⴰⴽⵛⵛⵓⵎ
account-sign-up-submit = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
account-sign-in-submit = ⴽⵛⵎ
account-signed-in-as = ⵜⴽⵛⵎⴷ ⵙ ⵢⵉⵙⵎ ⵏ { $name }
account-no-account = ⵓⵔ ⵖⵓⵔⴽ ⵉⵍⵍⵉ ⵓⵎⵉⴹⴰⵏ?
account-have-account = ⵉⵍⵍⴰ ⵖⵓⵔⴽ ⵢⴰⴷ ⵓⵎⵉⴹⴰⵏ?

## Associations

org-create-title = ⴰⵙⵊⵊⵍ ⵏ ⵜⵎⵓⵏⵜ
org-name-ar = ⵉⵙⵎ ⴰⵣⵔⴼⴰⵏ ⵙ ⵜⵄⵔⴰⴱⵜ
org-name-fr = ⵉⵙⵎ ⴰⵣⵔⴼⴰⵏ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
org-name-zgh = ⵉⵙⵎ ⵙ ⵜⵉⴼⵉⵏⴰⵖ (ⵎⴽ ⵜⵔⵉⴷ)
org-declaration-number = ⵓⵟⵟⵓⵏ ⵏ ⵓⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ
org-declaration-date = ⴰⵣⵎⵣ ⵏ ⵓⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ
org-declaration-help = ⴰⵡⵚⵍ ⴰⵎⴳⴳⴰⵔⵓ ⵏⵏⴰ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵙ ⵓⴹⴰⵀⵉⵔ 1-58-376 ⵅⴼ ⵓⵣⵔⴼ ⵏ ⵜⵎⵓⵏⵉⵏ.
org-region = ⵜⴰⵎⵏⴰⴹⵜ
org-province = ⵜⴰⵙⴳⴰ
org-commune = ⵜⴰⴳⵔⴰⵡⵜ
org-commune-help = ⵉⵏⵉⴳⵍ ⵏ ⵜⴳⵔⴰⵡⵜ (HCP) ⵏⵖ ⵉⵙⵎ ⵏⵏⵙ
org-domains = ⵉⵙⵎⵉⵍⵏ ⵏ ⵜⵡⵓⵔⵉ
org-email = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵏ ⵓⵎⵢⴰⵡⴰⴹ
org-phone = ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵓⵎⵢⴰⵡⴰⴹ
org-website = ⴰⵙⵉⵜ ⵏ ⵡⵉⴱ
org-address = ⵜⴰⵏⵙⴰ
org-description = ⴰⴳⵍⴰⵎ
org-logo = ⵜⴰⵎⴰⵜⴰⵔⵜ (PNG, JPEG ⵏⵖ WebP, ⴰⵔ 200 KB)
org-status = ⴰⴷⴷⴰⴷ
org-status-pending = ⴰⵔ ⵜⵔⴰⵊⵓ ⴰⵙⵙⵉⴷⴷ
org-status-verified = ⵜⵜⵓⵙⵙⵉⴷⴷ
org-status-rejected = ⵜⵜⵡⴰⴳⵉ
org-rejection-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⴳⵉ
org-verified-badge = ⵜⴰⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ
org-members = ⵉⴳⵎⴰⵎⵏ
org-member-role = ⴰⴷⵓⵔ
org-invite-title = ⵙⵏⵓⴱⴳ ⴰⴳⵎⴰⵎ
org-invitations = ⵉⵙⵏⵓⴱⴳⵏ ⵏⵏⴰ ⵉⵜⵜⵔⴰⵊⴰⵏ
org-pending-notice = ⵜⴰⵎⵓⵏⵜ ⴰⴷ ⴰⵔ ⵜⵔⴰⵊⵓ ⴰⵙⵙⵉⴷⴷ ⵙⴳ ⵜⵙⵉⵍⴰ. ⵓⵔ ⵜⴰ ⵜⴱⴰⵢⵏ ⴳ ⵜⵍⴳⴰⵎⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ.
org-rejected-notice = ⴰⵙⵙⵉⴷⴷ ⵉⵜⵜⵡⴰⴳⵉ: { $reason }
org-none = ⵓⵔ ⵜⴰ ⵜⴳⵉⴷ ⴰⴳⵎⴰⵎ ⴳ ⴽⵔⴰ ⵏ ⵜⵎⵓⵏⵜ.
org-profile-location = ⴰⴷⵖⴰⵔ
org-profile-contacts = ⴰⵎⵢⴰⵡⴰⴹ
org-created = ⵜⵜⵓⵙⵊⵊⵍ ⵜⵎⵓⵏⵜ. ⵔⴰⴷ ⵜⴱⴰⵢⵏ ⴳ ⵜⵍⴳⴰⵎⵜ ⵎⴽⵍⵍⵉ ⵔⴰⴷ ⵜⵜⵓⵙⵙⵉⴷⴷ.

## Domains of action (key: domain-<id>)

domain-relief = ⵜⵉⵡⵉⵙⵉ ⵏ ⵓⵣⵔⴱ
domain-health = ⵜⴰⴷⵓⵙⵉ
domain-education = ⴰⵙⴳⵎⵉ ⴷ ⵓⵙⵍⵎⴷ
domain-children = ⵉⵎⵥⵥⵢⴰⵏ
domain-women = ⵜⵉⵎⵖⴰⵔⵉⵏ
domain-elderly = ⵉⵡⵙⵙⴰⵔⵏ
domain-disability = ⴰⵔⴳⵉⵍ
domain-water = ⴰⵎⴰⵏ ⴷ ⵓⵙⵣⴷⴳ
domain-housing = ⵜⴰⵣⴷⵖⴰ ⴷ ⵓⵍⵙ ⵏ ⵓⵙⴽⴰ
domain-food = ⵜⵉⵔⵎⵜ
domain-rural = ⴰⵏⴼⵍⵓⵙ ⵏ ⵉⴳⵔⴰⵏ
domain-environment = ⵜⴰⵡⵏⴳⵉⵎⵜ
domain-culture = ⵜⴰⴷⵍⵙⴰ ⴷ ⵡⴰⵢⴷⴰ ⴰⵎⴰⵣⵉⵖ
domain-youth = ⵉⵍⵎⵥⵉⵢⵏ ⴷ ⵔⵔⵉⵢⴰⴹⴰ
domain-literacy = ⴰⵙⵍⵎⴷ ⵏ ⵜⵖⵔⵉ ⴷ ⵜⵉⵔⵔⴰ
domain-income = ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⵏⵏⴰ ⵢⵓⵡⵉⵏ ⴰⴷⵔⵉⵎ

## Roles

role-owner = ⴰⵏⵎⵀⴰⵍ ⴰⴳⵊⴷⴰⵏ
role-admin = ⴰⵏⵎⵀⴰⵍ
role-treasurer = ⴰⵎⵃⴹⴰⵢ ⵏ ⵉⴷⵔⵉⵎⵏ
role-coordinator = ⴰⵏⵙⵎⵓⵏ
role-field-agent = ⴰⵎⵙⵡⵓⵔⵉ ⵏ ⵓⴽⴰⵍ
role-volunteer = ⴰⵎⵢⴰⵡⴰⵙ
role-platform-admin = ⴰⵏⵎⵀⴰⵍ ⵏ ⵜⵙⵉⵍⴰ
role-authority = ⵜⴰⵏⴱⴰⴹⵜ
role-auditor = ⴰⵎⵙⵙⵉⴷⴷ ⵏ ⵉⵎⵉⴹⴰⵏⵏ

## Directory

directory-title = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵏⵉⵏ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ
directory-search-label = ⵉⵙⵎ ⵏⵖ ⵓⵟⵟⵓⵏ ⵏ ⵓⵡⵚⵍ
directory-all-regions = ⵎⴰⵕⵕⴰ ⵜⵉⵎⵏⴰⴹⵉⵏ
directory-all-provinces = ⵎⴰⵕⵕⴰ ⵜⵉⵙⴳⴰ
directory-all-domains = ⵎⴰⵕⵕⴰ ⵉⵙⵎⵉⵍⵏ
# Twiza's zgh plural rule (CLDR tzm): one → 0, 1, 11–99 (singular noun); other → 2–10, 100+.
directory-count =
    { PLURAL($count) ->
        [one] ⵜⵉⵢⴰⴼⵓⵜⵉⵏ: { $count } ⵏ ⵜⵎⵓⵏⵜ
       *[other] ⵜⵉⵢⴰⴼⵓⵜⵉⵏ: { $count } ⵏ ⵜⵎⵓⵏⵉⵏ
    }
directory-empty = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵏⵜ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵓⵔⵣⵣⵓ ⵏⵏⴽ.

## Verification

verify-title = ⵜⵉⵎⵓⵏⵉⵏ ⵏⵏⴰ ⵉⵜⵜⵔⴰⵊⴰⵏ ⴰⵙⵙⵉⴷⴷ
verify-empty = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵏⵜ ⵏⵏⴰ ⵉⵜⵜⵔⴰⵊⴰⵏ.
authz-queue-title = ⵜⵓⵜⵔⴰ ⵏ ⵓⵙⵓⵔⴳ ⵉⵜⵜⵔⴰⵊⴰⵏ ⵜⴰⵖⵓⵔⵉ ⵏⵏⵓⵏ
authz-queue-empty = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵓⵔⴳ ⴳ ⵜⵎⵏⴰⴹⵜ ⵏⵏⵓⵏ.
authz-your-competence = ⵜⴰⵎⵏⴰⴹⵜ ⵏⵏⵓⵏ:
authz-next = ⵜⵓⵜⵔⴰ ⵉⴹⴼⴰⵕⵏ
authz-back = ⴰⵖⵓⵍ ⵖⵔ ⵜⵓⵜⵔⴰ ⵏ ⵓⵙⵓⵔⴳ
authz-request-title = ⴰⵖⵓⵔⵉ ⵅⴼ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵓⵔⴳ
authz-seat = ⴰⵙⵉⵏⴰⴳ ⵏ ⵜⵎⵓⵏⵜ
authz-bank-account = ⴰⵎⵉⴹⴰⵏ ⵏ ⵍⴱⴰⵏⴽ ⵏ ⵓⵙⵎⵓⵏ
authz-document = ⴰⴷⵍⵉⵙ ⵏ ⵜⵖⵓⵔⵉ
authz-grant-title = ⴼⴽ ⴰⵙⵓⵔⴳ
authz-reference = ⵓⵟⵟⵓⵏ ⵏ ⵜⵖⵓⵔⵉ ⵏⵏⵓⵏ
authz-grant = ⴼⴽ ⴰⵙⵓⵔⴳ
authz-refuse-title = ⴰⴳⵉ ⴰⵙⵓⵔⴳ
authz-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⴳⴰⵢ
authz-refuse = ⴰⴳⵉ ⴰⵙⵓⵔⴳ
authz-granted = ⵉⵜⵜⵓⴼⴽ ⵓⵙⵓⵔⴳ. ⵜⵣⵎⵔ ⵜⵎⵓⵏⵜ ⴰⴷ ⵜⵙⵙⵏⵜⵉ ⵜⴰⵎⵓⵔⵙⵍⵜ ⵏⵏⵙ.
authz-refused = ⵉⵜⵜⵡⴰⴳⵉ ⵓⵙⵓⵔⴳ. ⵜⴰⵎⵓⵏⵜ ⴰⴷ ⵜⵥⵕ ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏⵏⵓⵏ.
authz-confirm-title = ⵙⵙⵏⵜⵍ ⵜⴰⵖⵓⵔⵉ ⵏⵏⵓⵏ
authz-confirm-change = ⵙⵏⴼⵍ ⵜⴰⵖⵓⵔⵉ
authz-confirm-grant-warning = ⵎⴰⵛⴰ ⵉⵜⵜⵓⴼⴽ ⵓⵙⵓⵔⴳ, ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵜⵜⵓⴽⴽⵙ ⴷⴰ. ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵜⵙⵎⵓⵏ ⵜⵓⴼⴽⵉⵡⵉⵏ ⴳⵔ ⵉⵣⵎⵣ ⴰⴷ, ⴷ ⵓⵙⵓⵔⴳ ⴰⴷ ⵉⵜⵜⵓⵙⵜⴰ ⴳ ⵓⵎⵓⵍⵍⵉ ⴰⵎⴰⵜⴰⵢ.
authz-confirm-grant = ⵙⵏⵜⵎ ⴰⵙⵓⵔⴳ
authz-confirm-refuse-warning = ⵎⴰⵛⴰ ⵉⵜⵜⵡⴰⴳⵉ, ⴰⵙⵓⵜⵔ ⴰⴷ ⵉⵜⵜⵓⵔⴳⵍ. ⵜⴰⵎⵓⵏⵜ ⴰⴷ ⵜⵥⵕ ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏⵏⵓⵏ.
authz-confirm-refuse = ⵙⵏⵜⵎ ⴰⴳⴰⵢ
verify-reject-reason-label = ⵜⴰⵎⵏⵜⵉⵍⵜ (ⵔⴰⴷ ⵜⵜ ⵜⵥⵕ ⵜⵎⵓⵏⵜ)

## API tokens

tokens-title = ⵜⵉⵙⵓⵔⴰ ⵏ API
tokens-label = ⵉⵙⵎ
tokens-created = ⵙⵙⵏⵖⵍ ⵜⴰⵙⴰⵔⵓⵜ ⴰⴷ ⵖⵉⵍⴰ: ⵓⵔ ⵔⴰⴷ ⴷⴰⵖ ⵜⴱⴰⵢⵏ.
tokens-last-used = ⴰⵙⵙⵎⵔⵙ ⴰⵎⴳⴳⴰⵔⵓ
tokens-never-used = ⵓⵔ ⵊⵊⵓ ⵜⵜⵓⵙⵎⵔⵙ
tokens-empty = ⵓⵔ ⵜⴰ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵙⴰⵔⵓⵜ.

## Errors (key: error-<code>), for the JSON API and the pages

error-bad-request = ⴰⵙⵓⵜⵔ ⵓⵔ ⵉⵖⵜⵉ.
error-invalid-json = ⵜⵓⵎⴰⵢⵜ ⵏ ⵓⵙⵓⵜⵔ ⵓⵔ ⵜⴳⵉ JSON ⵉⵖⵜⵉⵏ.
error-unknown-field = ⵉⴳⵔ ⴰⵔⵓⵙⵙⵉⵏ: { $field }
error-wrong-type = ⵢⴰⵏ ⵓⴳⵔ ⴷⵉⴳⵙ ⴰⵏⴰⵡ ⵓⵔ ⵉⵖⵜⵉⵏ.
error-missing-field = ⵉⴳⵔ ⵉⵅⵚⵚⴰⵏ: { $field }
error-payload-too-large = ⴰⵙⵓⵜⵔ ⵉⵎⵇⵇⵓⵔ ⴱⴰⵀⵔⴰ.
error-unsupported-media-type = ⴰⵏⴰⵡ ⴰⴷ ⵏ ⵜⵓⵎⴰⵢⵜ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ.
error-validation = ⵍⵍⴰⵏ ⴽⵔⴰ ⵏ ⵉⴳⵔⴰⵏ ⵓⵔ ⵉⵖⵜⵉⵏ.
error-invalid-email = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵓⵔ ⵜⵖⵜⵉ.
error-password-too-short = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴳⵣⵣⵓⵍ ⴱⴰⵀⵔⴰ (12 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳ ⵓⴷⵔⵓⵙ).
error-email-taken = ⵉⵍⵍⴰ ⵢⴰⴷ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵙ ⵜⵏⵙⴰ ⴰⴷ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ.
error-invalid-credentials = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵜⵖⵜⵉ.
error-rate-limited = ⵜⵓⵔⵎⴷ ⵎⵏⵏⴰⵡⵜ ⵜⵉⴽⴽⴰⵍ. ⴰⵔⵎ ⴷⴰⵖ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ.
error-unauthenticated = ⵉⵇⵇⴰⵏ ⴷ ⴰⴷ ⵜⴽⵛⵎⴷ.
error-forbidden = ⵓⵔ ⵖⵓⵔⴽ ⴰⵣⵔⴼ ⴰⴷ ⵜⵙⴽⵔⴷ ⴰⵢⴰ.
error-not-found = ⵜⴰⵙⵏⴰ ⵏⵖ ⵜⴰⵖⴰⵡⵙⴰ ⵏⵏⴰ ⵜⵔⵣⵓⴷ ⵓⵔ ⵜⵍⵍⵉ.
error-conflict = ⴰⵙⵓⵜⵔ ⴰⴷ ⵓⵔ ⵉⵎⵙⴰⵙⴰ ⴷ ⵡⴰⴷⴷⴰⴷ ⵏ ⵉⵙⴼⴽⴰ ⵖⵉⵍⴰ.
error-csrf = ⵜⵣⵔⵉ ⵜⵉⵣⵉ ⵏ ⵜⴼⵔⵜ ⴰⴷ. ⴰⵍⵙ ⴰⴳⵎ ⵏ ⵜⴰⵙⵏⴰ ⵜⴰⵔⵎⴷ ⴷⴰⵖ.
error-invalid-commune = ⵉⵏⵉⴳⵍ ⵏ ⵜⴳⵔⴰⵡⵜ ⴰⵔⵓⵙⵙⵉⵏ.
error-invalid-province = ⵜⴰⵙⴳⴰ ⵜⴰⵔⵓⵙⵙⵉⵏⵜ.
error-invalid-region = ⵜⴰⵎⵏⴰⴹⵜ ⵜⴰⵔⵓⵙⵙⵉⵏⵜ.
error-invalid-competence = ⵙⵜⵉ ⵜⴰⵙⴳⴰ, ⵜⴰⵎⵏⴰⴹⵜ, ⴰⵏⴰⵎⵓⵔ ⵏⵖ ⴱⵕⵕⴰ ⵏ ⵍⵎⵖⵔⵉⴱ.
error-location-mismatch = ⵜⴰⴳⵔⴰⵡⵜ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵜⵙⴳⴰ ⴰⴷ ⵏⵖ ⴳ ⵜⵎⵏⴰⴹⵜ ⴰⴷ.
error-bidi-control = ⴰⴹⵕⵉⵚ ⵓⵔ ⵉⵇⵇⵉⵏ ⴰⴷ ⴷⵉⴳⵙ ⵉⵍⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵏⵜⵍⵏ ⵏⵏⴰ ⵉⵙⵏⴼⴰⵍⵏ ⴰⵏⵎⵓⴷ ⵏ ⵜⵉⵔⵔⴰ.
error-text-too-long = ⴰⴹⵕⵉⵚ ⵉⵖⵣⵣⵉⴼ ⴱⴰⵀⵔⴰ (ⴰⵎⴹⴰⵏ ⴰⵎⵇⵇⵔⴰⵏ ⵏ ⵉⵙⴽⴽⵉⵍⵏ: { $max }).
error-required = ⵉⵇⵇⴰⵏ ⴷ ⴰⴷ ⵜⵄⵎⵎⵔⴷ ⵉⴳⵔ ⴰⴷ.
error-invalid-date = ⴰⵣⵎⵣ ⵓⵔ ⵉⵖⵜⵉ.
error-invalid-domain = ⴰⵙⵎⵉⵍ ⵏ ⵜⵡⵓⵔⵉ ⴰⵔⵓⵙⵙⵉⵏ.
error-invalid-role = ⴰⴷⵓⵔ ⴰⵔⵓⵙⵙⵉⵏ.
error-invalid-phone = ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⵓⵔ ⵉⵖⵜⵉ.
error-invalid-url = ⵜⴰⵏⵙⴰ ⵏ ⵡⵉⴱ ⵓⵔ ⵜⵖⵜⵉ.
error-invalid-logo = ⵜⴰⵎⴰⵜⴰⵔⵜ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴳ ⵜⴰⵡⵍⴰⴼⵜ PNG, JPEG ⵏⵖ WebP ⵓⵔ ⵉⵣⵔⵉⵏ 200 KB.
error-already-member = ⴰⵎⴷⴰⵏ ⴰⴷ ⵉⴳⴰ ⵢⴰⴷ ⴰⴳⵎⴰⵎ ⴳ ⵜⵎⵓⵏⵜ.
error-already-invited = ⵜⴰⵏⵙⴰ ⴰⴷ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵖⵓⵔⵙ ⵢⴰⴷ ⴰⵙⵏⵓⴱⴳ ⵉⵜⵜⵔⴰⵊⴰⵏ ⴳ ⵜⵎⵓⵏⵜ.
error-declaration-number-taken = ⵜⵍⵍⴰ ⵢⴰⴷ ⵢⴰⵜ ⵜⵎⵓⵏⵜ ⵙ ⵓⵟⵟⵓⵏ ⴰⴷ ⵏ ⵓⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ.
error-invalid-status-change = ⵜⴰⵎⵓⵏⵜ ⴰⴷ ⵓⵔ ⵜⵔⴰⵊⵓ ⴰⵙⵙⵉⴷⴷ.
error-timeout = ⵜⵣⵔⵉ ⵜⵉⵣⵉ ⵏ ⵓⵇⵇⵍ ⵏ ⵓⵙⵓⵜⵔ.
error-internal = ⵜⵍⵍⴰ ⴽⵔⴰ ⵏ ⵜⵣⴳⵍⵜ ⵖⵓⵔⵏⵖ. ⴰⵔⵎ ⴷⴰⵖ ⴷⴼⴼⵉⵔ.
error-page-title = ⵜⴰⵣⴳⵍⵜ
error-invalid-query = ⵢⴰⵏ ⵙⴳ ⵉⵙⴼⴽⴰ ⵏ ⵜⵏⵙⴰ ⵓⵔ ⵉⵖⵜⵉ.
error-method-not-allowed = ⵜⴰⵖⴰⵔⴰⵙⵜ ⴰⴷ ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ.
error-not-arabic-script = ⵉⵙⵎ ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵙ ⵜⵉⵔⵔⴰ ⵜⵉⵄⵔⴰⴱⵉⵏ.
error-not-tifinagh-script = ⵉⵙⵎ ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵙ ⵜⵉⴼⵉⵏⴰⵖ.

## Fundraising errors
error-invalid-amount = ⴰⵎⴹⴰⵏ ⵓⵔ ⵉⵖⵜⵉ: ⴰⵔⵓ ⵜ ⵙ ⵉⵎⴹⴰⵏⵏ, ⴰⵎⵎ 250.00.
error-amount-too-precise = ⴰⵎⴹⴰⵏ ⵓⵔ ⵉⵣⵔⵉ ⵙⵉⵏ ⵉⵎⴹⴰⵏⵏ ⴷⴰⵜ ⵜⵉⵇⵉⵔⵜ.
error-amount-too-large = ⴰⵎⴹⴰⵏ ⴰⴷ ⵉⵎⵇⵇⵓⵔ ⴱⴰⵀⵔⴰ.
error-amount-not-positive = ⵉⵇⵇⴰⵏ ⴰⵎⴹⴰⵏ ⴰⴷ ⵢⴰⴳⵓⵔ ⴰⵎⵢⴰ.
error-unknown-currency = ⵜⴰⴷⵔⵉⵎⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴻⵏ: ⵉⵎⴹⴰⵏⵏ ⵙ ⴷⴷⵔⵀⵎ ⴰⵎⵖⵔⵉⴱⵉ (MAD).
error-invalid-scope = ⴰⵏⴰⵡ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴻⵏ.
error-invalid-bank-account = ⴰⵎⵉⴹⴰⵏ ⵏ ⵍⴱⴰⵏⴽ ⵓⵔ ⵉⵖⵜⵉ.
error-invalid-period = ⴰⵣⵎⵣ ⵏ ⵜⵉⴳⵉⵔⴰ ⵉⵣⵡⴰⵔ ⴰⵣⵎⵣ ⵏ ⵜⵓⵔⵜⵉⵜ.
error-organization-not-verified = ⵖⴰⵙ ⵜⴰⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵏⵇⴷⵏ ⴰⵢ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜⴳ ⴰⵢⴰ.
error-authorization-decided = ⵜⵜⵓⴳⴰ ⵜⵖⵓⵔⵉ ⵅⴼ ⵓⵙⵓⵔⴳ ⴰⴷ.
error-outside-competence = ⴰⵙⵓⵜⵔ ⴰⴷ ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵜⵎⵏⴰⴹⵜ ⵏⵏⵓⵏ. ⴰⵄⴰⵎⵉⵍ ⵉⵜⵜⴱⴹⵓ ⵅⴼ ⵉⵙⵎⵓⵏⵏ ⵏ ⵜⵙⴳⴰ ⵏⵏⵙ, ⴰⵡⴰⵍⵉ ⵅⴼ ⵉⵙⵎⵓⵏⵏ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏⵏⵙ.
error-invalid-campaign-state = ⴰⴷⴷⴰⴷ ⵏ ⵜⵎⵓⵔⵙⵍⵜ ⵓⵔ ⵉⵙⵙⵓⴼⵓⵖ ⴰⵢⴰ.
error-campaign-code-taken = ⴰⵏⴰⵎⵍ ⵏ ⵜⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷⵏ: ⴰⵍⵙ.
error-missing-idempotency-key = ⵉⵇⵇⴰⵏ ⵓⵣⵡⵍ Idempotency-Key.
error-invalid-idempotency-key = Idempotency-Key ⵓⵔ ⵉⵖⵜⵉ.
error-idempotency-conflict = Idempotency-Key ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⴷ ⵢⴰⵏ ⵓⵙⵓⵜⵔ ⵢⴰⴹⵏ.
error-campaign-draft = ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵓⵔ ⵜⵜⵓⵙⵜⵉ ⵖⴰⵔ ⴷⵖⵉ.
error-campaign-closed = ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵜⵜⵓⵔⴳⵍ.
error-campaign-not-authorized = ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵓⵔ ⵖⵓⵔⵙ ⴰⵙⵓⵔⴳ ⵉⵖⵜⵉⵏ.
error-campaign-not-started = ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵓⵔ ⵜⴱⴷⵉ ⵖⴰⵔ ⴷⵖⵉ.
error-campaign-ended = ⵜⵃⵔⵔⵎ ⵜⵉⵣⵉ ⵏ ⵜⵎⵓⵔⵙⵍⵜ ⴰⴷ.
error-invalid-method = ⴰⵎⴰⵡⴰⵍ ⵏ ⵓⵅⵍⵍⵚ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴻⵏ.
error-invalid-quantity = ⵜⴰⵎⵙⵙⵓⵜⵜⴰ ⴷ ⴰⵎⴹⴰⵏ ⴰⵎⴷⴷⴰⴷ ⵙⴳ 1 ⴰⵔ 1000000.
error-log-out-of-range = ⴰⵎⴹⴰⵏ ⴰⴷ ⵉⵣⵔⵉ ⴰⵙⵎⵉⵍ.
error-unavailable = ⵜⴰⵏⴰⴼⵓⵜ ⵓⵔ ⵜⵍⵍⵉ ⵖⵉⵍⴰ. ⴰⵍⵙ ⴰⵔⵎ.
error-donation-not-confirmed = ⵜⵓⴽⴼⴰ ⴰ ⵓⵔ ⵜⵜⵓⵙⵏⵜⵎ ⴰⵔ ⴷⵖⵉ: ⵓⵔ ⵖⵓⵔⵙ ⵜⴰⵙⵍⵖⵓⵜ.

## Verifying a donation; printable receipts
donation-verify-title = ⵙⵙⵏⵜⵎ ⵜⵓⴽⴼⴰ
donation-verify-intro = ⵙⵔⵙ ⴰⴼⴰⵢⵍⵓ ⵏ ⵜⵙⵍⵖⵓⵜ ⵉⴷ ⴽ ⵉⴼⴽⴰⵏ ⵓⵎⵓⵙⵙⵓ. ⵜⵉⵙⵙⵏⵜⴰⵎⵉⵏ ⴰⴷ ⵙⵙⵏⵜⵎⵏⵜ ⵉⵙ ⵜⵓⴽⴼⴰ ⵏⵏⴽ ⵍⵍⴰⵏⵜ ⴳ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ ⵏ ⵜⵡⵉⵣⴰ, ⴱⵍⴰ ⴰⴷ ⵜⴰⵎⵏⴷ ⵜⵡⵉⵣⴰ.
donation-verify-receipt-label = ⴰⴼⴰⵢⵍⵓ ⵏ ⵜⵙⵍⵖⵓⵜ (JSON)
donation-verify-submit = ⵙⵙⵏⵜⵎ
donation-verify-by-server = ⵉⵙⵙⵏⵜⵎ ⵜ ⵓⵙⵙⵓⴼⵖ ⴰ
donation-verify-by-browser = ⵉⵙⵙⵏⵜⵎ ⵜ ⵓⵎⵙⵉⴳⴳⵍ ⵏⵏⴽ ⵙ ⵉⵅⴼ ⵏⵏⵙ
donation-verify-result-ok = ⵜⵓⴽⴼⴰ ⵏⵏⴽ ⵍⵍⴰⵏⵜ ⴳ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ, ⴷ ⵓⵎⵣⵔⵓⵢ ⵉⵎⵢⴰⵏⴰⵡ.
donation-verify-result-failed = ⵓⵔ ⵜⵜⵓⵙⵙⵏⵜⵎ ⵜⵙⵍⵖⵓⵜ ⴰ. ⵃⴹⵓ ⵜⵜ ⵜⵎⵢⴰⵡⴰⴹⴷ ⴷ ⵓⵎⵓⵙⵙⵓ ⵏⵖ ⴷ ⵜⵏⴱⴰⴹⵜ.
donation-verify-check-readable = ⵜⴰⵙⵍⵖⵓⵜ ⵜⵜⵡⴰⵖⵔⴰ
donation-verify-check-key = ⵜⵙⵎⴰ ⵜⴰⵙⴰⵔⵓⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵏ ⵓⵎⵣⵔⵓⵢ ⴰ
donation-verify-check-signature = ⵜⴰⵏⵇⵉⴹⵜ ⵏ ⵓⵙⵡⵓⴷⴷⵓ ⵜⵜⵓⵙⴳⵎⴹ ⵙ ⵜⵙⴰⵔⵓⵜ ⴰ
donation-verify-check-leaf = ⵜⵓⴽⴼⴰ ⵉⵜⵜⵓⵣⵎⵎⵎⵏ ⵜⵎⵢⴰⵏⴰⵡ ⴷ ⵓⵙⵍⴽⵉⵏ ⵏⵏⵙ
donation-verify-check-inclusion = ⵜⵓⴽⴼⴰ ⵍⵍⴰⵏⵜ ⴳ ⵓⵎⵣⵔⵓⵢ ⵉⵜⵜⵓⵙⴳⵎⴹⵏ
donation-verify-check-donor = ⴰⵏⵓⵜⵍ ⵏ ⵜⵙⵍⵖⵓⵜ ⵉⵙⵙⵏⵜⴰⵎ ⵉⵙ ⵜⵓⴽⴼⴰ ⵜⵉⵏⵏⴽ
donation-verify-check-consistency = ⴰⵎⵣⵔⵓⵢ ⵉⵎⵖⵓⵔ ⴽⴰⵏ ⵙⴳ ⵖⵉⵍⵍⵉ: ⵓⵔ ⵉⵜⵜⵓⵄⴰⵡⴷ ⵡⴰⵍⵓ
receipt-title = ⵜⴰⵙⵍⵖⵓⵜ ⵏ ⵜⵓⴽⴼⴰ
receipt-number = ⵓⵟⵟⵓⵏ ⵏ ⵜⵓⴽⴼⴰ
receipt-campaign = ⵜⴰⵏⴳⵍⴰ ⵏ ⵓⵙⵏⵓⴱⴳ
receipt-date = ⴰⵙⴰⴽⵓⴷ
receipt-amount = ⴰⵎⵓⵏ
receipt-goods = ⵉⵖⴰⵍⵍⵏ
receipt-leaf-index = ⴰⴷⵖⴰⵔ ⴳ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ
receipt-leaf-hash = ⴰⵙⵍⴽⵉⵏ ⵏ ⵓⵣⵎⵎⴻⵎ
receipt-secret = ⴰⵏⵓⵜⵍ ⵏⵏⴽ (ⵃⴹⵓ ⵜ: ⵉⵙⵙⵏⵜⴰⵎ ⵉⵙ ⵜⵓⴽⴼⴰ ⵜⵉⵏⵏⴽ)
receipt-log-key = ⵜⴰⵙⴰⵔⵓⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵏ ⵓⵎⵣⵔⵓⵢ
receipt-how-to-verify = ⴽⵓ ⵢⴰⵏ ⵉⵖⵢ ⴰⴷ ⵉⵙⵙⵏⵜⵎ ⵜⵓⴽⴼⴰ ⴰ ⴳ ⵜⴰⵙⵏⴰ «ⵙⵙⵏⵜⵎ ⵜⵓⴽⴼⴰ» ⵙ ⵓⴼⴰⵢⵍⵓ ⵏ ⵜⵙⵍⵖⵓⵜ, ⵏⵖ ⵙ ⵜⵏⴹⵜ { $command }.
receipt-download = ⴰⴳⵎ ⴰⴼⴰⵢⵍⵓ ⵏ ⵜⵙⵍⵖⵓⵜ

## Campaign pages, code check and gifts

home-check-link = ⵙⵙⵉⴷⴷ ⴰⴽⵓⴷ ⵏ ⵜⵎⵓⵔⵙⵍⵜ
check-title = ⴰⵙⵙⵉⴷⴷ ⵏ ⵓⴽⵓⴷ ⵏ ⵜⵎⵓⵔⵙⵍⵜ
check-intro = ⵜⵙⵍⵉⴷ ⵉ ⵢⴰⵏ ⵓⵖⵓⵔⵉ ⵉ ⵜⵓⴼⴽⵉⵡⵉⵏ? ⴰⵔⵓ ⴰⴽⵓⴷ ⵏⵏⵙ ⴰⴷ ⵜⵙⵙⵉⴷⴷⴷ ⵎⴰⵙ ⵉⴽⴽⴰ ⵙⴳ ⵢⴰⵜ ⵜⵎⵓⵔⵙⵍⵜ ⵉⵙⵄⴰⵏ ⴰⵙⵓⵔⴳ ⵏ ⵢⴰⵜ ⵜⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ ⵇⴱⵍ ⴰⴷ ⵜⴼⴽⴷ.
check-code-label = ⴰⴽⵓⴷ ⵏ ⵜⵎⵓⵔⵙⵍⵜ
check-submit = ⵙⵙⵉⴷⴷ
check-valid = ⴰⴽⵓⴷ ⴰⴷ ⵉⴽⴽⴰ ⵙⴳ ⵢⴰⵜ ⵜⵎⵓⵔⵙⵍⵜ ⵉⵙⵄⴰⵏ ⴰⵙⵓⵔⴳ ⵏ ⵢⴰⵜ ⵜⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ, ⴰⵔ ⵜⵙⵎⵓⵏⵏⵓ ⵜⵓⴼⴽⵉⵡⵉⵏ ⵖⵉⵍⴰ.
check-not-collecting = ⴰⴽⵓⴷ ⴰⴷ ⵉⴽⴽⴰ ⵙⴳ ⵢⴰⵜ ⵜⵎⵓⵔⵙⵍⵜ ⵉⵙⵄⴰⵏ ⴰⵙⵓⵔⴳ, ⵎⴰⵛ ⵓⵔ ⵜⵙⵎⵓⵏⵏⵓ ⵖⵉⵍⴰ: ⵓⵔ ⵜⴼⴽⵉⴷ.
check-not-found = ⵓⵔ ⵉⵍⵍⵉ ⵏⵖ ⵓⵔ ⵉⵙⵄⵉ ⴰⵙⵓⵔⴳ: ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵔⵙⵍⵜ ⵉⵙⵄⴰⵏ ⴰⵙⵓⵔⴳ ⵏ ⵜⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ ⵙ ⵓⴽⵓⴷ ⴰⴷ. ⵓⵔ ⵜⴼⴽⵉⴷ.
check-see-campaign = ⵥⵔ ⵜⴰⵎⵓⵔⵙⵍⵜ
campaign-code = ⴰⴽⵓⴷ ⴰⵎⴰⵜⴰⵢ
campaign-association = ⵜⴰⵎⵓⵏⵜ
campaign-goal = ⴰⵏⵙⵉⵜⵉ
campaign-raised = ⴰⵢⵏⵏⴰ ⵉⵜⵜⵓⵙⵎⵓⵏⵏ ⴰⵔ ⵖⵉⵍⴰ
campaign-donations = ⵜⵓⴼⴽⵉⵡⵉⵏ ⵉⵜⵜⵓⵙⵏⵜⵎⵏ
campaign-period = ⵜⵉⵣⵉ ⵏ ⵓⵙⵎⵓⵏ
campaign-state = ⴰⴷⴷⴰⴷ ⵏ ⵜⵎⵓⵔⵙⵍⵜ
campaign-state-draft = ⴰⵔⵔⴰ ⴰⵎⵣⵡⴰⵔⵓ
campaign-state-published = ⵜⵜⵓⵙⵏⵜⵉ
campaign-state-closed = ⵜⵜⵓⵔⴳⵍ
campaign-emergency = ⴰⵙⵎⵓⵏ ⵙ ⵓⴱⵔⵉⴷ ⵏ ⵜⵉⵣⵉ ⵉⵣⵔⵔⵉⴱⵏ
campaign-authorization = ⴰⵙⵓⵔⴳ (ⴰⵙⵍⴳⵏ 18-18)
campaign-auth-status = ⴰⴷⴷⴰⴷ ⵏ ⵓⵙⵓⵔⴳ
campaign-auth-reference = ⵓⵟⵟⵓⵏ ⵏ ⵓⵙⵓⵔⴳ
campaign-auth-authority = ⵜⴰⵏⴱⴰⴹⵜ ⵉⵜⵜⵓⵙⵏⴰⵏ
campaign-auth-valid-from = ⵉⵖⵜⵉ ⵙⴳ
campaign-auth-valid-to = ⵉⵖⵜⵉ ⴰⵔ
auth-status-requested = ⵉⵜⵜⵓⵜⵜⵔ, ⵓⵔ ⵜⵜ ⵉⵜⵜⵓⴱⴹⵓ ⵖⴰⵔ ⴷⵖⵉ
auth-status-granted = ⵉⵜⵜⵓⴼⴽ
auth-status-refused = ⵉⵜⵜⵡⴰⴳⵉ
authority-governor = ⴰⵄⴰⵎⵉⵍ ⵏ ⵜⵙⴳⴰ
authority-wali = ⴰⵡⴰⵍⵉ ⵏ ⵜⵎⵏⴰⴹⵜ
authority-secretary-general-of-government = ⴰⵎⵙⵙⵓⴳⵔ ⴰⵎⴰⵜⴰⵢ ⵏ ⵜⵏⴱⴰⴹⵜ
authority-foreign-affairs = ⵜⴰⵎⴰⵡⵙⵙⵓⵔⵜ ⵏ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵏ ⴱⵕⵕⴰ
give-title = ⴼⴽ ⵉ ⵜⵎⵓⵔⵙⵍⵜ ⴰⴷ
campaign-not-collecting = ⵜⴰⵎⵓⵔⵙⵍⵜ ⴰⴷ ⵓⵔ ⵜⵇⴱⵍ ⵜⵓⴼⴽⵉⵡⵉⵏ ⵖⵉⵍⴰ.
give-amount = ⴰⵎⴹⴰⵏ ⵙ ⴷⴷⵔⵀⵎ
give-method = ⴰⵎⴰⵡⴰⵍ ⵏ ⵓⵅⵍⵍⵚ
method-card = ⵜⴰⴽⴰⵕⴹⴰ ⵏ ⵍⴱⴰⵏⴽ
method-mobile-wallet = ⵜⴰⵇⵔⴰⴱⵜ ⵏ ⵜⵉⵍⵉⴼⵓⵏ
method-bank-transfer = ⴰⵙⵉⵡⴹ ⵏ ⵍⴱⴰⵏⴽ
method-cash = ⵉⴷⵔⵉⵎⵏ ⵙ ⵓⴼⵓⵙ
give-identity = ⵜⴰⵎⴰⴳⵉⵜ ⵏⵏⴽ
give-identity-note = ⵉⵇⵇⴰⵏ ⵉ ⵜⵓⴼⴽⵉⵡⵉⵏ ⵏⵏⴰ ⵉⵣⵔⵉⵏ { $threshold }, ⵓⵔ ⵉⵇⵇⵉⵏ ⵙ ⴷⴷⴰⵡ ⵏⵏⵙ. ⴰⵔ ⵜⵜⵓⵃⴹⴰ ⵜⵜⵓⵙⵏⵜⵍ, ⵖⴰⵙ ⴰⵎⵃⴹⴰⵢ ⵏ ⵉⴷⵔⵉⵎⵏ ⵏ ⵜⵎⵓⵏⵜ ⴰⵢ ⵜⵜ ⵉⵥⵕⵕⴰⵏ, ⵓⵔ ⵜⵜⵓⵙⵏⵜⴰⵢ ⴰⵔⵖⴰⵍ.
give-full-name = ⵉⵙⵎ ⴰⴽⵎⴰⵍ
give-document-type = ⵜⴰⵡⵔⵉⵇⵜ ⵏ ⵜⵎⴰⴳⵉⵜ
document-cin = ⵜⴰⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵎⴰⴳⵉⵜ
document-passport = ⵍⴱⴰⵙⴱⵓⵔ
give-document-number = ⵓⵟⵟⵓⵏ ⵏ ⵜⵡⵔⵉⵇⵜ
give-country = ⵜⴰⵎⵓⵔⵜ (ⴰⴽⵓⴷ ⵙ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ)
give-anonymous-note = ⴰⵔ ⵜⵜⴱⴰⵢⴰⵏ ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ ⴳ ⵓⵙⵎⵉⵍ ⴰⵎⴰⵜⴰⵢ ⵏ ⵜⴼⵔⴰⵡⵜ ⴱⵍⴰ ⵉⵙⵎ ⵏⵏⴽ: ⵖⴰⵙ ⵢⴰⵏ ⵓⵣⵎⵎⴻⵎ ⵏⵏⴰ ⵉⵣⵎⵎⵔ ⵓⵡⵚⵍ ⵏⵏⴽ ⴰⴷ ⵜ ⵉⵔⵣⵎ.
give-submit = ⴼⴽ
gift-title = ⵜⴰⵏⵎⵎⵉⵔⵜ ⵅⴼ ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ
gift-pending = ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ ⴰⵔ ⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵎ ⵏ ⵓⵎⵙⵙⵓⴼⵖ ⵏ ⵓⵅⵍⵍⵚ. ⵜⴰⵙⵏⴰ ⴰⴷ ⴰⵔ ⵜⵜⵓⵙⵎⴰⵢⵏⵓ ⵙ ⵉⵎⴰⵏ ⵏⵏⵙ.
gift-confirmed = ⵜⵜⵓⵙⵏⵜⵎ ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ ⵜⵜⵓⵙⵏⵜⵉ ⴳ ⵓⵙⵎⵉⵍ ⵏ ⵜⴼⵔⴰⵡⵜ.
gift-failed = ⵓⵔ ⵉⴷⴷⵉ ⵓⵅⵍⵍⵚ: ⵓⵔ ⵉⵜⵜⵓⴽⴽⵉⵙ ⴽⵔⴰ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴰⵍⵙⴷ ⵙⴳ ⵜⴰⵙⵏⴰ ⵏ ⵜⵎⵓⵔⵙⵍⵜ.
gift-status = ⴰⴷⴷⴰⴷ
gift-amount = ⴰⵎⴹⴰⵏ
gift-reference = ⵓⵟⵟⵓⵏ ⵏ ⵓⵅⵍⵍⵚ
gift-leaf = ⴰⴽⵛⵛⵓⵎ ⴳ ⵓⵙⵎⵉⵍ ⵏ ⵜⴼⵔⴰⵡⵜ
gift-refresh = ⵙⵎⴰⵢⵏⵓ
gift-back = ⵓⵖⴰⵍ ⵖⵔ ⵜⵎⵓⵔⵙⵍⵜ
donation-status-pending = ⴰⵔ ⵉⵔⴰⵊⵓ ⴰⵅⵍⵍⵚ
donation-status-confirmed = ⵉⵜⵜⵓⵙⵏⵜⵎ
donation-status-failed = ⵓⵔ ⵉⴷⴷⵉ

## Errors of gifts and payment callbacks

error-donor-identity-required = ⵙ ⵓⴳⴳⴰⵔ ⵏ ⵜⵉⵍⵉⵙⵜ ⵏ ⵜⵎⴰⴳⵉⵜ, ⵉⵇⵇⴰⵏ ⵉⵙⵎ ⴰⴽⵎⴰⵍ ⵏ ⵓⵎⴼⴽⴰⵢ, ⵜⴰⵡⵔⵉⵇⵜ ⵏ ⵜⵎⴰⴳⵉⵜ ⵏⵏⵙ ⴷ ⵜⵎⵓⵔⵜ ⵏⵏⵙ.
error-invalid-cin = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵓⵔ ⵉⵖⵜⵉ: ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ, ⴷⴼⵉⵔ ⴰⵙⵏ ⵉⵎⴹⴰⵏⵏ.
error-invalid-passport = ⵓⵟⵟⵓⵏ ⵏ ⵍⴱⴰⵙⴱⵓⵔ ⵓⵔ ⵉⵖⵜⵉ: ⵙⴳ 6 ⴰⵔ 20 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴷ ⵉⵎⴹⴰⵏⵏ.
error-invalid-document-type = ⴼⵔⵏ ⵜⴰⵡⵔⵉⵇⵜ ⵏ ⵜⵎⴰⴳⵉⵜ: ⵜⴰⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏⵖ ⵍⴱⴰⵙⴱⵓⵔ.
error-invalid-country = ⵜⴰⵎⵓⵔⵜ ⵓⵔ ⵉⵖⵜⵉⵏ: ⴰⵔⵓ ⴰⴽⵓⴷ ⵏⵏⵙ ⵙ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ.
error-online-method-only = ⵜⵓⴼⴽⵉⵡⵉⵏ ⵙ ⵓⵣⵟⵟⴰ ⴰⵔ ⵜⵜⵓⵅⵍⵍⴰⵚⵏⵜ ⵙ ⵜⴽⴰⵕⴹⴰ ⵏ ⵍⴱⴰⵏⴽ ⵏⵖ ⵙ ⵜⵇⵔⴰⴱⵜ ⵏ ⵜⵉⵍⵉⴼⵓⵏ.
error-invalid-signature = ⴰⵙⵙⵏⴹⵉ ⵏ ⵓⵙⵎⵎⴻⵍ ⵓⵔ ⵉⵍⵍⵉ ⵏⵖ ⵓⵔ ⵉⵖⵜⵉ.
error-stale-callback = ⴰⵙⵎⵎⴻⵍ ⴰⴷ ⵉⵇⴷⵎ ⴱⴰⵀⵔⴰ ⵏⵖ ⵉⵍⴰ ⴰⵣⵎⵣ ⵏ ⵜⵙⵓⵜ ⵏ ⴷⴰⵜ.
error-invalid-callback = ⴰⵙⵎⵎⴻⵍ ⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵙⴽⵔ ⵎⴰⵎⴽ ⵉⵇⵇⴰⵏ.
error-payment-mismatch = ⴰⵎⴹⴰⵏ ⵏⵏⴰ ⵉⵜⵜⵓⵅⵍⵍⵚⵏ ⵓⵔ ⵉⴳⵉ ⴰⵎⴹⴰⵏ ⵏ ⵜⵓⴼⴽⵉⵜ.
error-donation-not-pending = ⵜⵓⴼⴽⵉⵜ ⴰⴷ ⵓⵔ ⵜⵔⴰⵊⵓ ⴰⵅⵍⵍⵚ ⵏⵏⵙ ⴷⴰⵖ.
error-payment-provider-unavailable = ⵓⵔ ⵉⵜⵜⵓⵍⴽⴰⵎ ⵓⵎⵙⵙⵓⴼⵖ ⵏ ⵓⵅⵍⵍⵚ. ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ ⵜⵜⵓⵃⴹⴰ: ⴰⵍⵙ ⵙ ⵢⴰⵏ ⵓⵙⵓⵜⵔ ⴰⴷ ⵓⵏⵏ.
error-payments-not-configured = ⴰⵙⵉⵜ ⴰⴷ ⵓⵔ ⵉⵇⴱⵓⵍ ⴰⵔ ⴷⵖⵉ ⵜⵓⴼⴽⵉⵡⵉⵏ ⵙ ⵓⵥⵟⵟⴰ: ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵎⵙⵙⵓⴼⵖ ⵏ ⵓⵅⵍⵍⵚ.
payments-test-mode = ⴰⵙⵍⵖⵓ ⵏ ⵓⵔⵎⵎⵓ: ⴰⵅⵍⵍⵚ ⴷⵉⴷ ⴷ ⴰⵙⵎⴰⵔⵓ. ⵓⵔ ⵜⵜⵎⵓⵙⵙⵓⵏ ⵉⴷⵔⵉⵎⵏ, ⵓⵔ ⵜⵜⵓⵙⵎⵔⴰⵙ ⴽⵔⴰ ⵏ ⵜⴽⴰⵔⴹⴰ.
gift-pay-title = ⵅⵍⵍⵚ ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ
gift-pay-intro = ⴰⴷ ⵜⴷⴷⵓⴷ ⵖⵔ ⵜⴰⵙⵏⴰ ⵏ ⵓⵅⵍⵍⵚ ⵉⵜⵜⵓⵃⵔⵣⵏ ⵏ CMI ⴰⴷ ⵜⵙⴽⵛⵎⴷ ⵜⴰⴽⴰⵔⴹⴰ ⵏⵏⴽ. ⵜⵡⵉⵣⴰ ⵓⵔ ⵜⵥⵕⵕⴰ ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵏⵏⴽ.
gift-pay-continue = ⴽⵎⵎⵍ ⵖⵔ ⵜⴰⵙⵏⴰ ⵏ ⵓⵅⵍⵍⵚ ⵉⵜⵜⵓⵃⵔⵣⵏ
gift-pay-again = ⵅⵍⵍⵚ ⵏⵖ ⴰⵍⵙ ⴰⵅⵍⵍⵚ
gift-back-to-gift = ⴰⵖⵓⵍ ⵖⵔ ⵜⵓⴼⴽⵉⵜ ⵏⵏⴽ

## ⴰⵎⵉⴹⴰⵏ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ: ⵉⵙⵙⵓⴼⵖⴰ, ⵉⵎⵓⴷⴷⴰ
error-expense-self-approval = ⴰⵙⵙⵓⴼⵖ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜ ⵉⵙⴷⵓⴷⴷⵓ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵔⵔⴰⴼⵜ, ⵓⵔ ⴷ ⵡⵉⵏⵏ ⵜ ⵉⵙⴽⵛⵎⵏ.
error-expense-decided = ⴰⵙⵙⵓⴼⵖ ⴰⴷ ⵉⵜⵜⵓⵙⴷⵓⴷⴷⵓ ⵏⵖ ⵉⵜⵜⵓⴳⴷⵍ ⵢⴰⴷ.
error-insufficient-funds = ⵓⵔ ⵉⴳⴳⵓⵔⵣ ⵖⵔ ⵜⵎⵙⴽⴰⵔⵜ ⵎⴰ ⵢⵓⴷⴰⵏ ⵉ ⵓⵎⴹⴰⵏ ⴰⴷ.
error-invalid-recipient = ⵜⴰⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⴰ ⵉⵜⵜⴰⵎⵥⵏ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴳ ⵢⴰⵜ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵢⴰⴹⵏ ⵉⵜⵜⵓⵙⵙⵏⵜⵎⵏ.
error-transfer-decided = ⴰⵎⵓⴷⴷⵓ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎ ⵢⴰⴷ.
error-invalid-evidence = ⴰⵏⴰⵎⵎⴰⵙ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⴳ ⴰⴼⵍⵍⵓ PDF, PNG, JPEG ⵏⵖ WebP ⵓⵔ ⵉⵣⵔⵉⵏ 2 MB, ⵙ ⵡⴰⵏⴰⵡ ⵏⵏⴰ ⵉⵜⵜⵓⵏⵏⴰⵏ.
error-invalid-category = ⵜⴰⴳⴳⵓⵔⵉ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴻⵏ.
error-invalid-paid-from = ⴰⵎⵉⴹⴰⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴻⵏ.
expense-category-programme = ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵓⵖⴰⵡⴰⵙ
expense-category-running-costs = ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵓⵙⵎⵓⵙⵙⵓ

## ⴰⵏⵇⵇⵉⵙ ⵏ ⵜⵎⵙⴽⴰⵔⵜ (ⴰⵙⵏⴼⴰⵔ 18-18)
report-title = ⴰⵏⵇⵇⵉⵙ ⵏ ⵜⵎⵙⴽⴰⵔⵜ
report-raised = ⵉⴷⵔⵉⵎⵏ ⵉⵜⵜⵓⵙⵎⵓⵏⵏ
report-method = ⴰⵎⴰⵡⴰⵍ ⵏ ⵓⵅⵍⵍⵚ
report-donations = ⵜⵓⴼⴽⵉⵡⵉⵏ
report-amount = ⴰⵎⴹⴰⵏ
report-total = ⴰⵎⴰⵢⵏⵓ
report-in-kind-donations = ⵜⵓⴼⴽⵉⵡⵉⵏ ⵙ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ
report-in-kind-received = ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⵎⵥⵏ
report-none = ⵡⴰⵍⵓ.
report-item = ⵜⴰⵖⴰⵡⵙⴰ
report-quantity = ⵜⴰⵙⵎⴽⵜⴰ
report-unit = ⵜⴰⵢⵓⵏⵜ
report-in-kind-more = ⵍⵍⴰⵏⵜ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵢⴰⴹⵏⵉⵏ: ⴰⴼⵍⵍⵓ CSV ⵉⵙⵎⴷⵢⴰ ⴽⵓⵍⵍⵓ ⵜⵏⵜ.
report-in-kind-distributed = ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⴱⴹⴰⵏ
report-in-kind-distribution-not-recorded = ⴰⴱⴹⴰ ⵏ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⵎ ⴰⵔ ⵖⵉⵍⴰ ⴳ ⵜⵡⵉⵣⴰ, ⵙ ⵓⵢⴰ ⵓⵔ ⵉⵙⵎⴰⵍ ⵓⵏⵇⵇⵉⵙ ⴰⴷ ⴽⵔⴰ ⵏ ⵓⵎⴹⴰⵏ ⵅⴼ ⵙ.
report-spent = ⵉⵙⵙⵓⴼⵖⴰ ⵉⵜⵜⵓⵙⴷⵓⴷⴷⵓⵏ
report-category = ⵜⴰⴳⴳⵓⵔⵉ
report-expenses = ⵉⵙⵙⵓⴼⵖⴰ
report-transferred-out = ⵉⵜⵜⵓⵣⵏⵣⵏ ⵉ ⵜⵎⵓⵙⵙⵓⵏⵉⵏ ⵢⴰⴹⵏⵉⵏ
report-balance = ⴰⵙⵎⴽⵍ
report-download-csv = ⴰⴳⵎ ⴰⵏⵇⵇⵉⵙ (CSV)
error-invalid-document = ⵉⵇⵇⴰⵏ ⴰⴷ ⵢⵉⵍⵉ ⵓⵙⵍⴽⵉⵏ ⴷ ⴰⴼⴰⵢⵍⵓ PDF, PNG, JPEG ⵏⵖ WebP ⵓⵔ ⵉⵣⵔⵉⵏ 2 MB, ⵙ ⵡⴰⵏⴰⵡ ⵉⵜⵜⵓⵏⵏⴰⵏ.

## ⴰⵙⵎⵢⴰⴳ ⵏ ⵜⵔⴳⵉⵍⵉⵏ
error-unknown-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏ: ⴰⵔⵓ ⴰⵏⴰⵎⵍ ⵏⵏⵙ (ⵎⴷ. 07.041.07.05).
error-coordinates-outside-morocco = ⵉⵙⴷⵓⵔⵏ ⴰⴷ ⵍⵍⴰⵏ ⴱⵕⵕⴰ ⵏ ⵍⵎⵖⵔⵉⴱ. ⵙⵙⵏⵜⵍ ⵜⵉⵙⵍⴳⵉⵡⵉⵏ ⴷ ⵓⵎⵙⵙⵓⴷⵙ ⵏⵏⵙⵏ.
error-coordinates-incomplete = ⴰⵔⵓ ⵙⵉⵏ ⵉⵙⴷⵓⵔⵏ ⵎⴰⵕⵕⴰ, ⵏⵖ ⵓⵍⴰ ⵢⴰⵏ.
error-coordinates-invalid = ⵉⵙⴷⵓⵔⵏ ⴰⴷ ⵓⵔ ⴷ ⵉⵎⴹⴰⵏ ⴰⵢⴷ ⴳⴰⵏ.
error-quantity-negative = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⴹⴰⵏ ⴰⴷ ⵉⴳ ⴰⵎⵣⴷⴰⵢ.
error-quantity-too-large = ⴰⵎⴹⴰⵏ ⴰⴷ ⵉⵎⵇⵇⵓⵔ ⴱⵣⵣⴰⴼ.
error-quantity-not-positive = ⴰⵔⵓ ⴰⵎⴹⴰⵏ ⵢⵓⴳⵔⵏ ⵉ ⵓⵎⵢⴰ.
error-need-size-required = ⵉⵏⵉ ⵎⴰⵛⵃⴰⵍ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ ⵏⵖ ⵏ ⵎⵉⴷⴷⵏ ⴰⵢⴷ ⵉⵜⵜⵡⴰⵜⵜⵉⵏ.
error-phone-invalid = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⴰⵎⵖⵔⵉⴱⵉ (ⵎⴷ. 06 12 34 56 78).
error-date-in-past = ⴰⵣⵎⵣ ⴰⴷ ⵉⵣⵔⵉ.
error-too-many = ⴳⵓⵜⵏ ⵉⴼⵔⴷⵉⵙⵏ ⴳ ⵜⵍⴳⴰⵎⵜ ⴰⴷ.
error-commune-not-in-incident = ⵜⴰⵎⵙⵙⵓⵔⵜ ⴰⴷ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵜⵎⵙⵙⵓⵔⵉⵏ ⵏ ⵜⵔⴳⵉⵍⵜ ⴰⴷ.
error-unknown-douar = ⴰⴷⵡⵡⴰⵔ ⴰⴷ ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵜⵎⵙⵙⵓⵔⵜ ⴰⴷ.
error-unknown-need = ⵜⵉⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵜⵔⴳⵉⵍⵜ ⴰⴷ.
error-need-elsewhere = ⵜⵉⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵜⵍⵍⴰ ⴳ ⵢⴰⵜ ⵜⵎⵙⵙⵓⵔⵜ ⵢⴰⴹⵏ.
error-need-not-open = ⵜⵉⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵜⵜⵡⴰⴳⴷⵍ ⵏⵖ ⵜⵜⵡⴰⵔⴳⵍ ⵏⵖ ⵜⵜⵡⴰⵙⵎⵓⵏ.
error-merge-into-itself = ⵓⵔ ⵜⵣⵎⵉⵔ ⵜⵉⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵜⵎⵓⵏ ⴷ ⵉⵅⴼ ⵏⵏⵙ.
error-merge-across-incidents = ⵖⴰⵙ ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⵏ ⵢⴰⵜ ⵜⵔⴳⵉⵍⵜ ⴰⵢⴷ ⵉⵣⵎⵔⵏ ⴰⴷ ⵎⵓⵏⵏ.
error-douar-exists = ⴰⴷⵡⵡⴰⵔ ⴰⴷ ⵉⵜⵜⵓⵣⵎⵎⵎ ⵢⴰⴷ ⴳ ⵜⵎⵙⵙⵓⵔⵜ ⴰⴷ.
error-place-already-covered = ⴰⴷⵖⴰⵔ ⴰⴷ ⵉⵜⵜⵡⴰⴳⴷⵍ ⵢⴰⴷ, ⵎⴰⵛ ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵏ ⵜⵉⵖⵔⴰ ⵙⵓⵍ ⵜⵜⵔⴰⵊⵓⵏⵜ: ⴰⵣⵏ ⵜⴰⵡⵉⵙⵉ ⵖⵓⵔⵙⵏⵜ.

## Crisis pages
nav-incidents = ⵜⵉⵔⴳⵉⵍⵉⵏ
incidents-title = ⵜⵉⵔⴳⵉⵍⵉⵏ ⴷ ⵜⵉⵙⵜⵜⵉⵔⵉⵏ
incidents-none = ⵓⵔ ⵜⵜⵓⵙⵏⵎⴰⵍ ⴽⵔⴰ ⵏ ⵜⵔⴳⵉⵍⵜ.
incident-kind-earthquake = ⴰⵎⵙⵙⴰⵙⴰ
incident-kind-flood = ⴰⵙⵡⴰⵍ
incident-kind-pandemic = ⴰⵟⵟⴰⵏ ⴰⵎⴰⴹⵍⴰⵏ
incident-kind-cold-wave = ⴰⴱⵔⵉⴷ ⵏ ⵓⵙⵎⵎⵉⴹ
incident-kind-drought = ⴰⵣⵖⴰⵍ
incident-kind-wildfire = ⵜⴰⴽⵎⴰⵜ ⵏ ⵜⴰⴳⴰⵏⵜ
incident-kind-other = ⵜⴰⵔⴳⵉⵍⵜ ⵢⴰⴹⵏ
incident-report-need = ⵎⵎⴻⵍ ⵜⴰⵙⵜⵜⵉⵔⵜ
coverage-open-needs = ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⵉⵕⵥⵎⵏ
coverage-needed = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵢⵓⵙⵔⵏ
coverage-pledged = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵜⵜⵡⴰⵡⴰⵄⴷⵏ
coverage-delivered = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵢⵓⵡⵡⴹⵏ
coverage-gap = ⴰⵅⵚⴰⵚ (ⵜⵉⵡⵊⵊⴰⵡⵉⵏ)
coverage-oversupply = ⴰⵔⵏⴰⵢ (ⵜⵉⵡⵊⵊⴰⵡⵉⵏ)
coverage-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ
incident-map = ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⴷ ⵓⴳⴷⴰⵍ ⵙ ⵜⵎⵙⵙⵓⵔⵜ ⴷ ⵓⴷⵡⵡⴰⵔ
coverage-shade-gap = ⵓⵔ ⵉⵜⵜⵡⴰⴳⴷⵍ ⴰⵟⵟⴰⵚ
coverage-shade-partial = ⵉⵜⵜⵡⴰⴳⴷⵍ ⵙ ⵓⵃⵟⵟⵓ
coverage-shade-covered = ⵉⵜⵜⵡⴰⴳⴷⵍ
coverage-shade-oversupply = ⵉⵣⵔⵉ ⵜⴰⵙⵜⵜⵉⵔⵜ
coverage-shade-quiet = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵙⵜⵜⵉⵔⵜ
coverage-status = ⴰⴷⴷⴰⴷ
map-legend = ⵉⵙⴽⴽⵉⵍⵏ ⵏ ⵜⴽⴰⵕⴹⴰ
map-legend-communes =
    { PLURAL($count) ->
        [one] { $count } ⵏ ⵜⵎⵙⵙⵓⵔⵜ
       *[other] { $count } ⵏ ⵜⵎⵙⵙⵓⵔⵉⵏ
    }
map-legend-douar = ⵜⴰⵡⵍⴰⴼⵜ: ⴰⴷⵡⵡⴰⵔ, ⵜⵜⵎⵇⵇⵓⵔ ⵎⴰⵃⵃ ⴳⵜⵔⵏⵜ ⵜⵡⵊⵊⴰⵡⵉⵏ ⵢⵓⵙⵔⵏ
incident-coverage = ⴰⵅⵚⴰⵚ ⵙ ⵜⵎⵙⵙⵓⵔⵜ
incident-3w = ⵎⴰⵏⵉ ⵉⵙⴽⴰⵔ ⵎⴰⵏⵉ ⵎⴰⵏⴰⴷ
threew-organization = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ
threew-sector = ⵜⴰⵙⵜⵜⵉⵔⵜ
threew-pledges = ⵉⵎⴰⵍⴰⵙⵏ
threew-targeted = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵜⵜⵡⴰⵙⵏⵜⵍⵏ
threew-reached = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵢⵓⵡⵡⴹⵏ
incident-exports = ⵉⵙⴼⴽⴰ ⵉⵕⵥⵎⵏ
export-3w = ⵎⴰⵏⵉ ⵉⵙⴽⴰⵔ ⵎⴰⵏⵉ ⵎⴰⵏⴰⴷ (CSV ⵙ HXL)
export-needs-geojson = ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⴳ ⵜⴽⴰⵕⴹⴰ (GeoJSON)
need-form-title = ⵎⵎⴻⵍ ⵜⴰⵙⵜⵜⵉⵔⵜ
need-form-intro = ⵓⵔ ⵜⵍⵍⵉ ⵜⵙⵜⵜⵉⵔⵜ ⵏ ⵓⵎⵉⴹⴰⵏ. ⵓⵟⵟⵓⵏ ⵏⵏⴽ ⵉⵜⵜⵓⵃⴹⴰ ⵙ ⵓⵙⵏⵜⵍ, ⵉⵜⵜⵡⴰⵙⴽⴰⵏ ⵖⴰⵙ ⵉ ⵜⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ ⵍⵍⵉ ⴷ ⵉⵜⵜⴰⵙⵏ ⴰⴷ ⵜⵄⴰⵡⵏ.
need-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ
need-douar = ⴰⴷⵡⵡⴰⵔ
need-douar-none = ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵜⵍⴳⴰⵎⵜ
need-category = ⵎⴰⴷ ⵉⵅⵚⵚⴰⵏ
need-urgency = ⴰⵙⵖⵓⵍ
need-households = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ
need-people = ⵎⵉⴷⴷⵏ
need-description = ⵉⵙⴼⵙⴰⵢⵏ (ⵙ ⵓⴼⵔⴰⵏ)
need-phone = ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵓⵎⵢⴰⵡⴰⴹ (ⵙ ⵓⴼⵔⴰⵏ)
need-phone-hint = ⵎⴷ. 06 12 34 56 78.
need-contact-name = ⵉⵙⵎ (ⵙ ⵓⴼⵔⴰⵏ)
need-submit = ⴰⵣⵏ
need-page-title = ⴰⵎⵎⴻⵍ ⵏⵏⴽ
need-reference = ⴰⵙⵏⴰⵡ
need-page-keep = ⵃⴹⵓ ⴰⵙⵏⴰⵡ ⴰⴷ: ⵜⴰⵙⵏⴰ ⴰⴷ ⵜⵙⵙⴽⴰⵏ ⵎⴰⵏⵉ ⵜⵍⴽⵎ ⵜⵙⵜⵜⵉⵔⵜ ⵏⵏⴽ.
need-category-shelter = ⴰⴷⴰⵢ
need-category-food = ⵓⵜⵛⵉ
need-category-water = ⴰⵎⴰⵏ
need-category-health = ⵜⴰⴷⵓⵙⵉ
need-category-psychosocial = ⴰⵙⵏⴷⵓⵍ ⴰⵏⴼⵙⴰⵏ
need-category-hygiene = ⵜⴰⵣⴷⴷⴰⴳⵜ
need-category-education = ⴰⵖⵔⵉ
need-category-clothing-blankets = ⵉⵙⵍⵙⴰ ⴷ ⵉⵃⵏⴱⵍⵏ
need-category-protection = ⴰⵙⵙⵓⴷⵙ
need-category-other = ⴽⵔⴰ ⵢⴰⴹⵏ
need-urgency-critical = ⵜⵓⴷⵔⵜ ⴳ ⵓⵏⵛⴰⵏ
need-urgency-high = ⴳ ⵡⴰⵙⵙ ⴰⴷ
need-urgency-medium = ⴳ ⴽⵔⴰ ⵏ ⵡⵓⵙⵙⴰⵏ
need-urgency-low = ⵉⵣⵎⵔ ⴰⴷ ⵉⵔⴰⵊⵓ
need-status-reported = ⵉⵜⵜⵓⵎⵎⴻⵍ
need-status-verified = ⵉⵜⵜⵓⵙⵏⵜⵍ
need-status-assigned = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ ⴰⵔ ⴷ ⵜⴰⵙⵉ
need-status-in-progress = ⵜⴰⵡⵉⵙⵉ ⴳ ⵓⴱⵔⵉⴷ
need-status-covered = ⵉⵜⵜⵡⴰⴳⴷⵍ
need-status-closed = ⵉⵜⵜⵡⴰⵔⴳⵍ
need-status-merged = ⵉⵜⵜⵡⴰⵙⵎⵓⵏ ⴷ ⵢⴰⵏ ⵓⵎⵎⴻⵍ ⵉⵣⵔⵉⵏ

need-status-held = ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵍ
need-held-waiting = ⵓⵙⵉⵏⴷ ⴷ ⵓⵎⵎⴻⵍⵏ ⵉⴳⴳⵓⵜⵏ ⵙⴳ ⵢⴰⵏ ⵓⵥⵟⵟⴰ ⴳ ⵢⴰⵏ ⵓⴽⵓⴷ, ⵙ ⵎⴰⵢⴰⴷ ⴰⵔ ⵉⵙⵏⵜⴰⵍ ⵓⵏⵎⵙⴰⵙⴰ ⴰⵎⵎⴻⵍ ⴰⴷ ⵇⴱⵍ ⴰⴷ ⵉⴱⴰⵢⵏ ⴳ ⵜⵍⴳⴰⵎⵉⵏ. ⵓⵔ ⵉⵜⵜⵎⵏⴷⴰⵔ ⴽⵔⴰ: ⵃⴹⵓ ⴰⵙⵏⴰⵡ ⵏⵏⴽ.
need-releases-title = ⵡⵉ ⵢⵓⵎⵥⵏ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⴽ
need-releases-none = ⵓⵔ ⵜⵓⵎⵥ ⴽⵔⴰ ⵏ ⵜⵎⵓⵏⵜ ⵓⵟⵟⵓⵏ ⵏ ⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⴽ ⴰⵔ ⴷⵖⵉ.
need-releases-hint = ⵖⴰⵙ ⵜⴰⵎⵓⵏⵜ ⵍⵍⵉ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵜⵙⵜⵜⵉⵔⵜ ⵏⵏⴽ ⴰⵢ ⵜ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜ ⵜⴰⵎⵥ; ⴽⵓ ⵜⵉⴽⴽⵍⵜ ⵜⵜⵓⵔⴰ ⴷⴰ.
error-need-assignment-limit = ⵜⴰⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵜⵜⵓⴼⴽⴰ ⵢⴰⴷ ⵉ ⵓⵎⴹⴰⵏ ⵉⵎⵇⵇⵔⵏ ⵏ ⵜⵎⵓⵏⵉⵏ ⵉⵜⵜⵓⵙⵓⵔⴼⵏ.
error-unknown-organization = ⵜⴰⵎⵓⵏⵜ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏⵏ.
error-need-not-held = ⴰⵎⵎⴻⵍ ⴰⴷ ⵓⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵍ.

## Logistics
sms-delivery-code = ⵜⵡⵉⵣⴰ: ⴰⵏⴰⵎⵍ ⵏ ⵓⵙⵙⵍⵎ ⵏⵏⴽ ⴷ { $code }. ⵓⵔ ⵜ ⵜⴰⴽⴽⵯ ⵖⴰⵙ ⵉ ⵡⵉⵏⵏ ⴰⴽ ⵉⴼⴽⴰⵏ ⵜⴰⵡⵉⵙⵉ.
error-unknown-item = ⴰⴼⵔⴷⵉⵙ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏ: ⵙⵎⵔⵙ ⴰⵏⴰⵎⵍ ⵏ ⵓⴽⴰⵜⴰⵍⵓⴳ.
error-unknown-warehouse = ⴰⵃⴰⵏⵓ ⴰⴷ ⵓⵔ ⵉⴳⵉ ⵡⵉⵏ ⵜⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ.
error-insufficient-stock = ⵓⵔ ⵉⴽⴼⵉ ⵓⴼⵔⴷⵉⵙ ⴰⴷ ⴳ ⵓⵃⴰⵏⵓ: ⵓⵔ ⵉⴼⴼⵖ ⵡⴰⵍⵓ.

## Logistics pages: stock, lots, deliveries, convoys
stock-title = ⴰⵙⵏⴰⴼⵍ ⵏ ⵉⴼⵔⴷⵉⵙⵏ
stock-back-home = ⴰⵙⵏⵓⴱⴳ ⵏ ⵜⵎⵓⵏⵜ
stock-lots-title = ⵜⵉⴳⵔⵓⵎⵎⴰ ⴳ ⵓⵃⴰⵏⵓ
stock-lots-none = ⵓⵍⴰ ⵜⴰⴳⵔⵓⵎⵎⴰ ⴳ ⵓⵃⴰⵏⵓ.
stock-lot = ⵜⴰⴳⵔⵓⵎⵎⴰ
stock-lot-number = ⵜⴰⴳⵔⵓⵎⵎⴰ ⵓⵟⵟⵓⵏ { $n }
stock-donation-number = ⵜⵓⴽⴽⵙⴰ ⵓⵟⵟⵓⵏ { $n }
stock-expense-number = ⴰⵙⵙⵓⴷⵙ ⵓⵟⵟⵓⵏ { $n }
stock-item = ⴰⴼⵔⴷⵉⵙ
stock-warehouse = ⴰⵃⴰⵏⵓ
stock-quantity = ⴰⵎⴹⴰⵏ
stock-source = ⴰⵙⴰⴳⵎ
stock-source-in-kind-donation = ⵜⵓⴽⴽⵙⴰ ⵙ ⵉⴼⵔⴷⵉⵙⵏ
stock-source-purchase = ⴰⵙⵖ (ⴰⵙⵙⵓⴷⵙ ⵉⵜⵜⵓⵇⴱⵍⵏ)
stock-source-other = ⵢⴰⵜ ⵜⵖⴰⵡⵙⴰ ⵢⴰⴹⵏ
stock-source-opening = ⴰⵃⴰⵏⵓ ⵇⴱⵍ ⵜⵉⴳⵔⵓⵎⵎⴰ
stock-warehouses-title = ⵉⵃⴰⵏⵓⵜⵏ
stock-warehouses-none = ⵓⵔ ⵖⵓⵔ ⵜⵎⵓⵏⵜ ⴰⵃⴰⵏⵓ ⴰⵔ ⴷⵖⵉ.
stock-warehouse-new = ⵕⵥⵎ ⴰⵃⴰⵏⵓ
stock-warehouse-name = ⵉⵙⵎ ⵏ ⵓⵃⴰⵏⵓ
stock-warehouse-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ (ⴰⵏⴰⵎⵍ)
stock-warehouse-commune-hint = ⵎⴷ. 07.041.07.03 ⵉ ⴰⵙⵏⵉ.
stock-warehouse-create = ⵕⵥⵎ ⴰⵃⴰⵏⵓ
stock-receive-title = ⴰⵎⵥ ⵉⴼⵔⴷⵉⵙⵏ
stock-receive-donation = ⵜⵓⴽⴽⵙⴰ ⵙ ⵉⴼⵔⴷⵉⵙⵏ
stock-receive-donation-hint = ⵉ ⵜⵓⴽⴽⵙⴰ ⵙ ⵉⴼⵔⴷⵉⵙⵏ ⵏ ⵜⴽⵔⴰⴷⵜ: ⵜⴰⴳⵔⵓⵎⵎⴰ ⵜⵇⵇⵏ ⵖⵓⵔⵙ, ⵉⵣⵎⵔ ⵓⴽⵓⵙ ⴰⴷ ⵜ ⵉⴹⴼⵓⵔ ⴰⵔ ⴰⴷⵡⵡⴰⵔ.
stock-receive-expense = ⴰⵙⵙⵓⴷⵙ ⵉⵜⵜⵓⵇⴱⵍⵏ (ⴰⵙⵖ)
stock-receive-expense-hint = ⵉ ⵉⴼⵔⴷⵉⵙⵏ ⵉⵜⵜⵓⵙⵖⵏ: ⴰⵙⵙⵓⴷⵙ ⵉⵜⵜⵓⵇⴱⵍⵏ ⵍⵍⵉ ⵜⵏ ⵉⵅⵍⵚⵏ.
stock-receive-none = ⵡⴰⵍⵓ
stock-reference = ⴰⵙⵍⵖⵓ ⵏ ⵓⵙⵙⵍⵎ
stock-reference-hint = ⴰⵙ ⵜⵅⵙⴷ: ⴰⵏⴰⵎⵍ ⵏ ⵜⴽⵔⴰⴷⵜ ⵏⵖ ⵏ ⵓⵙⵙⵓⴷⵙ ⵏⵖ ⵏ ⵓⵏⵎⵢⴰⵡⴰⵙ.
stock-receive-submit = ⵙⴽⵛⵎ ⵙ ⵓⵃⴰⵏⵓ
stock-received = ⵉⵜⵜⵓⵎⵥⵏ
stock-delivered = ⵉⵜⵜⵓⵙⵙⵍⵎⵏ
stock-lot-where = ⵎⴰⵏⵉ ⵜⵍⵍⴰ ⵜⴳⵔⵓⵎⵎⴰ
stock-lot-empty = ⵓⵔ ⵉⵇⵇⵉⵎ ⵡⴰⵍⵓ ⵙⴳ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ.
stock-trail-title = ⵎⴰⵏⵉ ⵜⵓⴷⴼ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ
stock-trail-hint = ⴽⵓ ⴰⵙⵙⵍⵎ ⵉⵜⵜⵓⴽⵙⵏ ⵙⴳ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ, ⴷ ⵓⴷⵡⵡⴰⵔ ⵖⵔ ⵢⵓⵡⵙ.
stock-trail-none = ⵓⵔ ⴷ ⵉⵜⵜⵓⴽⵙ ⵓⵍⴰ ⴰⵙⵙⵍⵎ ⵙⴳ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ ⴰⵔ ⴷⵖⵉ.
stock-move-title = ⵙⵎⵓⵜⵜⵉ ⵖⵔ ⵢⴰⵏ ⵓⵃⴰⵏⵓ ⵢⴰⴹⵏ
stock-move-from = ⵙⴳ ⵓⵃⴰⵏⵓ
stock-move-to = ⵖⵔ ⵓⵃⴰⵏⵓ
stock-move-submit = ⵙⵎⵓⵜⵜⵉ
stock-count-title = ⴰⵙⵉⴹⵏ
stock-count-hint = ⵙⵎⴷⵢ ⵎⴰⵢⴷ ⵜⵙⵉⴹⵏⴷ: ⴰⵎⵣⴰⵔⴰⵢ ⴷ ⵓⵃⴰⵏⵓ ⵉⵜⵜⵓⵔⴰ.
stock-counted = ⵉⵜⵜⵓⵙⵉⴹⵏ
stock-expected = ⵙ ⵓⵃⴰⵏⵓ
stock-difference = ⴰⵎⵣⴰⵔⴰⵢ
stock-count-submit = ⵣⵎⵎⴻⵎ ⴰⵙⵉⴹⵏ
stock-done-warehouse = ⵉⵜⵜⵓⵕⵥⵎ ⵓⵃⴰⵏⵓ.
stock-done-received = ⵉⴼⵔⴷⵉⵙⵏ ⵍⵍⴰⵏ ⴳ ⵓⵃⴰⵏⵓ, ⴳ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ.
stock-done-moved = ⵜⵜⵓⵙⵎⵓⵜⵜⵉ ⵜⴳⵔⵓⵎⵎⴰ.
stock-done-counted = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵙⵉⴹⵏ.
deliveries-title = ⵉⵙⵙⵍⵎⵏ
deliveries-none = ⵓⵍⴰ ⴰⵙⵙⵍⵎ ⴰⵔ ⴷⵖⵉ.
delivery-label = ⴰⵙⵙⵍⵎ
delivery-number = ⴰⵙⵙⵍⵎ ⵓⵟⵟⵓⵏ { $n }
delivery-place = ⴰⴷⵖⴰⵔ
delivery-new-title = ⵙⵡⵓⴷⴷⵓ ⴰⵙⵙⵍⵎ
delivery-lot = ⵜⴰⴳⵔⵓⵎⵎⴰ
delivery-lots = ⵜⵉⴳⵔⵓⵎⵎⴰ ⵉⵜⵜⵓⵙⵎⵔⵙⵏ
delivery-need = ⴰⵎⵎⴻⵍ
delivery-need-hint = ⵉⵎⵎⴻⵍⵏ ⵉⵕⵥⵎⵏ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵜⵎⵓⵏⵜ.
delivery-needs-none = ⵓⵍⴰ ⴰⵎⵎⴻⵍ ⵉⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵜⵎⵓⵏⵜ: ⵙⵎⵓⵇⵇⵍ ⵣⵡⴰⵔ ⴰⴷ ⵜⴳⴷⵍⴷ ⴰⵎⵎⴻⵍ.
delivery-household = ⵜⴰⵡⵊⴰ ⵉⵜⵜⵓⵣⵎⵎⴻⵎⵏ (ⵓⵟⵟⵓⵏ, ⴰⵙ ⵜⵅⵙⴷ)
delivery-household-hint = ⵜⴰⵡⵊⴰ ⵏ ⵓⵎⵣⵔⴰⵢ ⵏ ⵜⵎⵓⵏⵜ ⵍⵍⵉ ⵉⵜⵜⴰⵎⵥⵏ ⵉⴼⵔⴷⵉⵙⵏ.
delivery-households = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ
delivery-households-count = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ: { $n }
delivery-proof = ⴰⵙⵙⵉⵏ ⵏ ⵓⵙⵙⵍⵎ
delivery-proof-code = ⴰⵏⴰⵎⵍ ⵖⵔ ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵜⵡⵊⴰ
delivery-proof-agent = ⵜⴰⵡⵊⴰ ⵓⵔ ⵖⵓⵔⵙ ⵜⵉⵍⵉⴼⵓⵏ: ⴰⵏⵏⴰ ⴷ ⵜⵡⵍⴰⴼⵜ ⵏ ⵓⵎⴳⴰⵢ
delivery-phone = ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵜⵡⵊⴰ
delivery-phone-hint = ⴰⵊⵊ ⵜ ⵅⵡⴰ ⵃⵎⴰ ⴰⴷ ⵉⵜⵜⵓⵣⵏ ⵓⵏⴰⵎⵍ ⵖⵔ ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵓⵎⵎⴻⵍ. ⵓⵔ ⵉⵜⵜⴱⴰⵢⴰⵏ ⵓⵟⵟⵓⵏ.
delivery-submit = ⵙⵡⵓⴷⴷⵓ ⵜⴰⵣⵏⴷ ⴰⵏⴰⵎⵍ
delivery-status-awaiting = ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵙⵉⵏ
delivery-status-delivered = ⵉⵜⵜⵓⵙⵙⵍⵎ
delivery-status-locked = ⵉⵜⵜⵓⵔⴳⵍ
delivery-confirm-title = ⵙⵏⵜⵎ ⵙ ⵓⵏⴰⵎⵍ ⵏ ⵜⵡⵊⴰ
delivery-attempts-left = ⵜⵉⵔⵎⵉⵜⵉⵏ ⵉⵇⵇⵉⵎⵏ: { $n }. ⴷⴼⴼⵉⵔ ⵙⵎⵎⵓⵙ ⵉⵏⴰⵎⵍⵏ ⵓⵔ ⵉⵖⵜⵉⵏ, ⴰⵙⵙⵍⵎ ⵉⵜⵜⵓⵔⴳⵍ.
delivery-code = ⴰⵏⴰⵎⵍ ⵏ ⵜⵡⵊⴰ
delivery-code-hint = ⵚⴹⵉⵚ ⵏ ⵉⵏⴰⵎⴰⵏ ⵍⵍⵉ ⵜⵓⵎⵥ ⵜⵡⵊⴰ ⴳ ⵜⵓⵣⵉⵏⵜ.
delivery-confirm-submit = ⵙⵏⵜⵎ ⴰⵙⵙⵍⵎ
delivery-agent-title = ⵙⵏⵜⵎ ⵙ ⵓⵏⵏⴰ ⵏ ⵓⵎⴳⴰⵢ
delivery-statement = ⴰⵏⵏⴰ ⵏⵏⴽ
delivery-statement-hint = ⵎⴰⵏ ⵡⴰ ⵢⵓⵎⵥⵏ ⵎⴰⵏ ⵜⴰⵖⴰⵡⵙⴰ, ⵎⴰⵏⵉ ⴷ ⵎⵍⵎⵉ. ⵉⵜⵜⵓⵃⴹⴰ ⴷ ⵓⵙⵙⵍⵎ, ⵓⵔ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ.
delivery-photo = ⵜⴰⵡⵍⴰⴼⵜ ⵏ ⵓⵙⵙⵍⵎ
delivery-photo-hint = ⵜⴰⵡⵍⴰⴼⵜ PNG ⵏⵖ JPEG ⵏⵖ WebP, 2 ⵎⴱ ⵖ ⵓⵎⴰⵜⴰ.
delivery-agent-submit = ⵙⵏⵜⵎ ⴰⵙⵙⵍⵎ
delivery-done-prepared = ⴰⵙⵙⵍⵎ ⵉⵡⵊⴷ: ⴼⴼⵖⵏ ⵉⴼⵔⴷⵉⵙⵏ ⵙⴳ ⵓⵃⴰⵏⵓ, ⵉⵜⵜⵓⵣⵏ ⵓⵏⴰⵎⵍ.
delivery-done-delivered = ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵙⵙⵍⵎ, ⵉⵜⵜⵓⵔⴰ ⴳ ⵓⵎⵣⵔⴰⵢ ⴰⵎⴰⴳⴷⴰⵢ.
convoys-title = ⵉⵎⵓⵙⵙⵓⵜⵏ
convoys-none = ⵓⵍⴰ ⴰⵎⵓⵙⵙⵓ ⴰⵔ ⴷⵖⵉ.
convoy-new-title = ⵙⵓⴷⵙ ⴰⵎⵓⵙⵙⵓ
convoy-incident = ⵜⴰⵡⴷⵔⵜ
convoy-incident-choose = ⴼⵔⵏ
convoy-warehouse = ⴰⵃⴰⵏⵓ ⵏ ⵓⵙⵙⴰⵍⵉ
convoy-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵏ ⵓⵙⵓⵔⵙ
convoy-douar = ⴰⴷⵡⵡⴰⵔ (ⴰⵙ ⵜⵅⵙⴷ)
convoy-vehicle = ⵜⴰⵎⵓⵙⵙⵓⵜ
convoy-driver = ⴰⵎⵏⴷⴰⵀ
convoy-route = ⴰⴱⵔⵉⴷ
convoy-route-hint = ⵜⵉⴼⵔⵓⵔⵉⵏ, ⵎⴷ. ⵎⵕⵕⴰⴽⵛ – ⴰⵙⵏⵉ – ⵉⵊⵓⴽⴰⴽ.
convoy-departs-on = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⴷⴷⵓ
convoy-manifest = ⴰⵙⵙⴰⵍⵉ (ⵜⵉⴳⵔⵓⵎⵎⴰ ⴷ ⵉⵎⴹⴰⵏⵏ)
convoy-submit = ⵙⵓⴷⵙ ⴰⵎⵓⵙⵙⵓ
convoy-mark-left = ⵢⵓⴷⴷⴰ
convoy-mark-arrived = ⵢⵓⵡⵙ
convoy-status-planned = ⵉⵜⵜⵓⵙⵓⴷⵙ
convoy-status-left = ⴳ ⵓⴱⵔⵉⴷ
convoy-status-arrived = ⵢⵓⵡⵙ
convoy-status-cancelled = ⵉⵜⵜⵓⵙⵙⵔⵖ
convoys-done-planned = ⵉⵜⵜⵓⵙⵓⴷⵙ ⵓⵎⵓⵙⵙⵓ.
convoys-done-left = ⵢⵓⴷⴷⴰ ⵓⵎⵓⵙⵙⵓ.
convoys-done-arrived = ⵢⵓⵡⵙ ⵓⵎⵓⵙⵙⵓ.
convoy-check-title = ⴰⵙⵓⵔⵙ ⴰⴷ ⵉⵜⵜⵓⴳⴷⵍ ⵢⴰⴷ
convoy-check-covered = ⵉⵎⵎⴻⵍⵏ ⵏ { $commune } ⵜⵜⵓⴳⴷⵍⵏ ⵢⴰⴷ.
convoy-check-neighbours = ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵉⵎⴷⵔⴰⵙⵏ ⴰⵔ ⵜⵜⵔⴰⵊⵓⵏⵜ:
convoy-check-confirm = ⵙⵓⴷⵙ ⵙ ⵎⴰⵏⵉⵎⴽ ⵉⴳⴰ
convoy-check-elsewhere = ⴼⵔⵏ ⴰⵙⵓⵔⵙ ⵢⴰⴹⵏ
error-unknown-lot = ⵜⴰⴳⵔⵓⵎⵎⴰ ⴰⴷ ⵓⵔ ⵜⴳⵉ ⵜⵉⵏ ⵜⵎⵓⵏⵜ, ⵏⵖ ⵓⵔ ⵜⴳⵉ ⵜⵉⵏ ⵓⴼⵔⴷⵉⵙ ⴰⴷ.
error-lot-donation-invalid = ⵜⵓⴽⴽⵙⴰ ⴰⴷ ⵓⵔ ⵜⴳⵉ ⵜⵓⴽⴽⵙⴰ ⵙ ⵓⴼⵔⴷⵉⵙ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎⵏ ⵉ ⵜⴽⵔⴰⴷⵜ ⵏ ⵜⵎⵓⵏⵜ.
error-lot-beyond-donation = ⵓⴳⴳⴰⵔ ⵏ ⵎⴰⵢⴷ ⵜⴼⴽⴰ ⵜⵓⴽⴽⵙⴰ ⵙⴳ ⵓⴼⵔⴷⵉⵙ ⴰⴷ: ⵓⵔ ⵉⵜⵜⵓⵎⵥ ⵡⴰⵍⵓ.
error-lot-expense-invalid = ⴰⵙⵙⵓⴷⵙ ⴰⴷ ⵓⵔ ⵉⴳⵉ ⴰⵙⵙⵓⴷⵙ ⵉⵜⵜⵓⵇⴱⵍⵏ ⵏ ⵜⵎⵓⵏⵜ.
error-same-warehouse = ⴼⵔⵏ ⴰⵃⴰⵏⵓ ⵢⴰⴹⵏ ⵓⵔ ⵉⴳⵉⵏ ⵡⵉⵏ ⴳ ⵍⵍⴰⵏ ⵉⴼⵔⴷⵉⵙⵏ.
error-warehouse-exists = ⵜⵍⴰ ⵜⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ ⴰⵃⴰⵏⵓ ⵙ ⵢⵉⵙⵎ ⴰⴷ.
error-proof-locked = ⴳⵓⵜⵏ ⵉⵏⴰⵎⵍⵏ ⵓⵔ ⵉⵖⵜⵉⵏ: ⵉⵜⵜⵡⴰⵔⴳⵍ ⵓⵙⵙⵉⵏ ⵏ ⵓⵙⵙⵍⵎ ⴰⴷ. ⵎⵢⴰⵡⴰⴹ ⴷ ⵓⵎⵙⵎⵢⴰⴳ.
error-proof-already-used = ⴰⵙⵙⵍⵎ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎ ⵢⴰⴷ: ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵏⴰⵎⵍ ⵏⵏⵙ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⴷⴰⵖ.
error-proof-code-wrong = ⴰⵏⴰⵎⵍ ⵓⵔ ⵉⵖⵜⵉ. ⵜⵉⵔⵉⵎ ⵍⵍⵉ ⴷ ⵉⵇⵇⵉⵎⵏ: { $max }.
error-proof-code-invalid = ⴰⵏⴰⵎⵍ ⵖⵓⵔⵙ ⵚⴹⵉⵚ ⵏ ⵉⵎⴹⴰⵏ.
error-recipient-phone-required = ⴰⵔⵓ ⵜⵉⵍⵉⴼⵓⵏ ⵏ ⵓⵏⴰⴼⵓ: ⵖⵓⵔⵙ ⴰⵔ ⵉⵜⵜⵡⴰⵣⵏ ⵓⵏⴰⵎⵍ ⵏ ⵓⵙⵙⵍⵎ.
error-sms-unavailable = ⵓⵔ ⵜⵣⵎⵉⵔ ⵜⵓⵣⵉⵏⵜ ⴰⴷ ⵜⵜⵡⴰⵣⵏ: ⴰⵔⵎ ⴷⴰⵖ ⵙ ⵉⵎⵉⴽ.
error-proof-method-mismatch = ⴰⵙⵙⵍⵎ ⴰⴷ ⵉⵜⵜⵓⵙⵙⵏⵜⵎ ⵙ ⵢⴰⵜ ⵜⵖⴰⵔⴰⵙⵜ ⵢⴰⴹⵏ (ⵙ ⵓⵏⴰⵎⵍ ⵏ ⵓⵏⴰⴼⵓ, ⵏⵖ ⵙ ⵓⵏⵏⴰ ⴷ ⵜⵡⵍⴰⴼⵜ ⵏ ⵓⵎⵙⵡⵓⵔⵉ).
error-invalid-photo = ⵉⵍⴰⵇ ⴰⴷ ⵜⴳ ⵜⵡⵍⴰⴼⵜ PNG ⵏⵖ JPEG ⵏⵖ WebP, ⵓⵔ ⵜⵣⵢⵢⴷ ⵅⴼ 2 MB.
error-unknown-campaign = ⵜⴰⵎⵙⵙⵓⵔⵜ ⴰⴷ ⵓⵔ ⵜⴳⵉ ⵜⵉⵏ ⵜⵎⵙⵙⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵏⵜ.

## ⴰⵙⵏⵎⵉⵍ ⵏ ⵉⵎⵏⴼⴰⵄⵏ
error-cin-invalid = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵓⵔ ⵉⵎⵖⵓⵔ: ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ, ⴷ 1 ⴰⵔ 6 ⵉⵎⴹⴰⵏ.
error-cin-repeated = ⵓⵟⵟⵓⵏ ⴰⴷ ⵉⵍⵍⴰ ⵢⴰⴷⵏ ⴳ ⵓⴼⴰⵢⵍⵓ ⵏⵖ ⴳ ⵜⴰⵡⵊⴰ ⴰⴷ.
error-idcs-invalid = ⴰⵎⵙⵙⵏⴰⵢ ⴰⵏⴰⵎⴰⵏ ⵓⵔ ⵉⵎⵖⵓⵔ: 10 ⵉⵎⴹⴰⵏ.
error-date-in-future = ⴰⵏⵎⵓⵇⵇⴰⵔ ⴰⴷ ⵉⵍⵍⴰ ⴳ ⵓⵏⵣⵎⵣ ⵉⴷ ⵉⵜⵜⴰⴷⴼⵏ.
error-date-too-old = ⴰⵏⵎⵓⵇⵇⴰⵔ ⴰⴷ ⵉⵣⵡⴰⵔ 1900.
error-household-head-required = ⵜⴰⵡⵊⴰ ⵖⵓⵔⵙ ⵢⴰⵏ ⵓⵎⵖⴰⵔ ⵖⴰⵙ.
error-household-size-invalid = ⵜⴰⵡⵊⴰ ⵜⵙⴽⵔ ⵣⵉ 1 ⴰⵔ 30 ⵏ ⵉⴳⵎⴰⵎⵏ.
error-name-script-mismatch = ⵉⵙⵎ ⴰⴷ ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵢⴰⵔⴰ ⵙ ⵜⵉⵔⵔⴰ ⵏ ⵓⵏⴳⵔⴰⵡ ⵏⵏⵙ, ⴱⵍⴰ ⵉⵎⴹⴰⵏ.
error-index-invalid = ⴰⵎⵙⵎⴰⵍ ⴰⵏⴰⵎⵓⵏ ⵓⵔ ⵉⵎⵖⵓⵔ: ⴰⵎⴹⴰⵏ ⵣⵉ 0 ⴰⵔ 20.
error-model-invalid = ⴰⵎⴷⵢⴰ ⵏ ⵓⵙⵡⵉⵏⵏⵓ ⵓⵔ ⵉⵎⵖⵓⵔ.
error-rule-bad-label = ⴽⵓ ⵜⴰⵃⵉⵍⵜ ⵖⵓⵔⵙ ⵢⴰⵏ ⵢⵉⵙⵎ ⵉⵎⵥⵥⵉⵢⵏ ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ.
error-rule-invalid-json = ⵉⵍⵓⴳⴰⵏ ⵓⵔ ⴳⵉⵏ ⴰⵙⵉⴽⵍ ⵉⵎⵖⵓⵔⵏ.
error-rule-minimum-above-maximum = ⴰⵎⵇⵇⵓⵔ ⴰⵎⵥⵥⵉ ⵉⵣⵢⵢⴷ ⵅⴼ ⵓⵎⵇⵇⵓⵔ ⴰⵎⵇⵇⵔⴰⵏ.
error-rule-unknown-field = ⵢⴰⵏ ⵓⵙⵜⵜⴰⵢ ⵉⵇⵇⵏ ⵙ ⵢⴰⵏ ⵓⵏⴳⵔⴰⵡ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏⵏ.
error-rule-bad-operator = ⴰⵙⵎⵣⴰⵣⴰⵍ ⴰⴷ ⵓⵔ ⵉⵜⵜⴰⵡⵉ ⴰⵏⴳⵔⴰⵡ ⴰⴷ.
error-rule-bad-value = ⴰⵣⴰⵍ ⵏ ⵢⴰⵏ ⵓⵙⵜⵜⴰⵢ ⵓⵔ ⵉⵎⵙⴰⵙⴰ ⴷ ⵓⵏⴳⵔⴰⵡ.
error-file-not-utf8 = ⴰⴼⴰⵢⵍⵓ ⵓⵔ ⵉⵍⵍⵉ ⵙ ⵓⵙⴽⵉⵍⴰⵏ ⴰⵎⵖⵓⵔ: ⵙⵜⵜⵔ ⵜ ⵙ ⵓⵙⴽⵉⵍⴰⵏ ⴰⵏⴰⵎⵓⵏ.
error-file-columns = ⵉⵏⴳⵔⴰⵡⵏ ⵏ ⵓⴼⴰⵢⵍⵓ ⵓⵔ ⴳⵉⵏ ⵡⵉⵏ ⵉⵜⵜⵓⵔⴰⵊⵓⵏ.
error-file-unreadable = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⴼⴰⵢⵍⵓ ⴰⴷ ⵉⵜⵜⵓⵖⵔ.
error-unknown-column = ⴰⵏⴳⵔⴰⵡ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏⵏ.
error-column-repeated = ⴰⵏⴳⵔⴰⵡ ⴰⴷ ⵉⴹⵀⵕ ⵙⵏⴰⵜ ⵜⵉⴽⴽⴰⵍ.
error-column-missing = ⵉⵅⵚⵚⴰ ⵢⴰⵏ ⵓⵏⴳⵔⴰⵡ ⵉⵍⴰⵇⵏ.
error-household-not-contiguous = ⵉⵣⵔⵉⵔⵉⴳⵏ ⵏ ⵢⴰⵜ ⵜⵡⵊⴰ ⵉⵍⴰⵇ ⴰⴷ ⵎⵎⴹⴼⴰⵔⵏ.
error-programme-without-rules = ⴰⵖⴰⵡⴰⵙ ⴰⴷ ⵓⵔ ⵖⵓⵔⵙ ⵉⵍⵓⴳⴰⵏ ⵖⵉⵍⴰⴷ.
error-cycle-already-approved = ⵜⴰⵍⵍⵉⵜ ⴰⴷ ⵜⵜⵓⵙⵏⵇⴷ ⵢⴰⴷⵏ.
error-programme-code-taken = ⴰⵏⴰⵎⵍ ⵏ ⵓⵖⴰⵡⴰⵙ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷⵏ.
error-two-person-rule = ⵉⵍⴰⵇ ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵢⴰⴹⵏ ⴰⴷ ⵉⵙⵏⵇⴷ ⵎⴰⵢⴷ ⵜⵙⵡⵓⴷⴷⵉⴷ.
error-cycle-not-approved = ⴰⵅⵍⵍⵚ ⵉⵜⵜⵓⵙⵡⵓⴷⴷⵓ ⵖⴰⵙ ⵉ ⵜⴰⵍⵍⵉⵜ ⵏⵏⴰ ⵜⵜⵓⵙⵏⵇⴷⵏ.
error-payment-batch-exists = ⵜⴰⵍⵍⵉⵜ ⴰⴷ ⵖⵓⵔⵙ ⵢⴰⴷ ⴰⴳⵔⴰⵡ ⵏ ⵓⵅⵍⵍⵚ.
error-payment-batch-empty = ⵓⵍⴰ ⵢⴰⵜ ⵜⵡⵊⴰ ⴳ ⵜⴰⵍⵍⵉⵜ ⴰⴷ ⵓⵔ ⵖⵓⵔⵙ ⴰⵅⵍⵍⵚ.
error-payment-file-invalid = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⴼⴰⵢⵍⵓ ⵏ ⵓⵅⵍⵍⵚ ⴰⴷ ⵉⵜⵜⵓⵙⴽⵔ: ⵢⴰⵏ ⵓⵣⵔⵉⵔⵉⴳ ⵓⵔ ⵉⵎⵖⵓⵔ.
error-status-report-invalid = ⵡⴰⴷ ⵓⵔ ⵉⴳⵉ ⴰⵏⵏⵓⵎⵎⵔ ⵉⵜⵜⵡⴰⵖⵔⴰⵏ ⵅⴼ ⵡⴰⴷⴷⴰⴷ ⵏ ⵓⵅⵍⵍⵚ.
error-status-report-other-batch = ⴰⵏⵏⵓⵎⵎⵔ ⴰⴷ ⵉⵇⵇⵏ ⵙ ⵢⴰⵏ ⵓⴳⵔⴰⵡ ⵢⴰⴹⵏ ⵏ ⵓⵅⵍⵍⵚ.
error-status-report-without-lines = ⴰⵏⵏⵓⵎⵎⵔ ⴰⴷ ⵓⵔ ⵉⵏⵏⵉ ⴰⴷⴷⴰⴷ ⵏ ⵓⵏⵢⴰ ⵓⵣⵔⵉⵔⵉⴳ.
error-rib-invalid = ⴰⵎⴹⴰⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏ ⵜⴱⴰⵏⴽⴰ ⵓⵔ ⵉⵎⵖⵓⵔ: 24 ⵏ ⵉⵎⴹⴰⵏ.
error-remedy-mismatch = ⴰⵙⴽⴽⵉⵍ ⵓⵔ ⵉⵎⵙⴰⵙⴰ ⴷ ⵜⵎⵙⴽⵉⵍⵜ: ⴰⵔⴰⴼⵙⵙⵓ ⵓⵔ ⵉⵙⵏⴼⴰⵍ ⵢⴰⵜ, ⵜⴰⵎⵓⵜⵔⴰ ⵉⵜⵜⵓⵇⴱⵍⵏ ⵜⵙⵏⴼⴰⵍ ⴽⵔⴰ.
error-grievance-wrong-step = ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵙⵓⵔⵉⴼ ⴰⴷ ⴰⴷ ⵉⵜⵜⵓⵙⴽⵔ ⴷⵖⵉ ⵉ ⵜⵎⵓⵜⵔⴰ ⴰⴷ.
error-grievance-closed = ⵜⴰⵎⵓⵜⵔⴰ ⴰⴷ ⵜⵜⵓⵔⴳⵍ.
error-appeal-window-closed = ⵉⴽⴽⴰ ⵓⵣⵎⵣ ⵏ ⵓⵙⵓⵜⵔ ⵏ ⵜⵓⵖⴰⵍⵜ.
error-appeal-same-decider = ⵉⵍⴰⵇ ⴰⴷ ⵉⴳⵣⵎ ⵜⵓⵖⴰⵍⵜ ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵢⴰⴹⵏ ⵓⵔ ⵉⴳⵉⵏ ⵡⴰⵏⵏ ⵉⴳⵣⵎⵏ ⵜⴰⵣⵡⵓⵔⵜ.
error-unknown-programme = ⵓⵔ ⵉⵍⵍⵉ ⵓⵖⴰⵡⴰⵙ ⴰⴷ ⴳ ⵜⵎⵓⵏⵜ ⴰⴷ.
error-pair-already-decided = ⵉⵜⵜⵓⴳⵣⵎ ⵢⴰⴷⵏ ⵅⴼ ⵙⵉⵏ ⵉⵎⴷⴷⵓⴽⴰⵍ ⴰⴷ.
error-received-too-long-ago = ⵉⵍⴰⵇ ⴰⴷ ⵉⴳ ⵓⵣⵎⵣ ⵏ ⵓⵙⵉⵡⴹ ⴳ ⵓⵙⴳⴳⵯⴰⵙ ⴰ ⵉⴽⴽⴰⵏ.
error-unknown-household = ⵜⴰⵡⵊⴰ ⴰⴷ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⵎⵙⵍⴰⵢ ⵏ ⵜⵎⵓⵏⵜ.
error-no-consent = ⵜⴰⵡⵊⴰ ⴰⴷ ⵓⵔ ⵖⵓⵔⵙ ⵜⴰⵎⵙⵙⵓⵔⵜ ⵏⵖ ⴰⵙⵉⵙ ⴰⵏⴰⵎⵓⵙ ⵉ ⵉⵖⴰⵡⴰⵙⵏ.
error-not-enrolled = ⵜⴰⵡⵊⴰ ⴰⴷ ⵓⵔ ⵜⵜⵓⵣⵎⵎⴻⵎ ⴳ ⵓⵖⴰⵡⴰⵙ ⴰⴷ.

# Members and roles
members-title = ⵉⵎⴷⵔⴰⵡⵏ ⴷ ⵜⵎⵓⵙⵙⵏⵉⵡⵉⵏ
members-actions = ⵉⴱⴷⴷⵍⵏ
members-you = ⴽⵢⵢ
members-new-role = ⵜⴰⵎⵓⵙⵙⵏⵉⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ
members-change-role = ⵙⵏⴼⵍ ⵜⴰⵎⵓⵙⵙⵏⵉⵜ
members-remove = ⵙⵙⵓⴼⵖ ⵙⴳ ⵜⵎⵙⵙⵓⵖⵍⵜ
members-leave = ⴼⴼⵖ ⵜⴰⵎⵙⵙⵓⵖⵍⵜ
members-done-role-changed = ⵜⵜⵓⵙⵏⴼⵍ ⵜⵎⵓⵙⵙⵏⵉⵜ.
members-done-member-removed = ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⵓⵎⴷⵔⴰⵡ.
members-done-ownership-handed-over = ⵜⵜⵓⵣⵣⵏⵣ ⵜⵉⵍⴰ. ⵜⴳⵉⴷ ⴷⵖⵉ ⴷ ⴰⵎⵙⵙⵓⴷⵙ.
members-hand-over-title = ⵙⵏⵉⴼⵍ ⵜⵉⵍⴰ
members-hand-over-hint = ⴰⵎⴷⵔⴰⵡ ⵍⵍⵉ ⵜⵙⵜⵉⴷ ⴰⴷ ⵉⴳ ⴰⵎⵍⴰⵍ, ⴽⵢⵢ ⴰⴷ ⵜⴳⴷ ⴰⵎⵙⵙⵓⴷⵙ. ⵜⴰⵎⵙⵙⵓⵖⵍⵜ ⵜⵃⴹⴰ ⴷⵉⵎⴰ ⴰⵎⵍⴰⵍ.
members-hand-over-to = ⴰⵎⵍⴰⵍ ⴰⵎⴰⵢⵏⵓ
members-hand-over-next = ⴽⵎⵎⵍ
members-hand-over-check = ⵥⵕ ⵎⴰⴷ ⵔⴰⴷ ⵉⵍⵉⵏ ⵇⴱⵍ ⴰⴷ ⵜⵙⵙⵏⵜⵎⴷ.
members-hand-over-new-owner = ⴰⴷ ⵉⴳ ⴰⵎⵍⴰⵍ
members-hand-over-your-role = ⵜⴰⵎⵓⵙⵙⵏⵉⵜ ⵏⵏⴽ ⴷⴼⴼⵉⵔ ⵓⵢⴰ
members-hand-over-confirm = ⵙⵏⵉⴼⵍ ⵜⵉⵍⴰ
members-history = ⵉⴱⴷⴷⵍⵏ ⵉⵣⵔⵉⵏ
members-history-empty = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⴱⴷⴷⵍ ⴰⵔ ⴷⵖⵉ.
members-removed = ⵉⵜⵜⵓⵙⵙⵓⴼⵖ
members-changed-by = ⵙ
action-cancel = ⵙⵔ
error-owner-only = ⵖⴰⵙ ⴰⵎⵍⴰⵍ ⴰⵢ ⵉⵣⵎⵔⵏ ⴰⴷ ⵉⴼⴽ, ⴰⴷ ⵉⵙⵏⴼⵍ ⵏⵖ ⴰⴷ ⵉⴽⴽⵙ ⵜⴰⵎⵓⵙⵙⵏⵉⵜ ⵏ ⵓⵎⵍⴰⵍ.
error-managers-only = ⵖⴰⵙ ⵉⵎⵍⴰⵍⵏ ⴷ ⵉⵎⵙⵙⵓⴷⵙⵏ ⴰⵢ ⵉⵙⵏⴼⴰⵍⵏ ⵜⵉⵎⵓⵙⵙⵏⵉⵡⵉⵏ ⵏ ⵉⵎⴷⵔⴰⵡⵏ.
error-last-owner = ⵜⴰⵎⵙⵙⵓⵖⵍⵜ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵃⴹⵓ ⴰⵎⵍⴰⵍ: ⴼⴽ ⵜⴰⵎⵓⵙⵙⵏⵉⵜ ⴰⴷ ⵉ ⵢⴰⵏ ⵓⵎⴷⵔⴰⵡ ⵢⴰⴹⵏ ⵇⴱⵍ.
error-unknown-member = ⵙⵜⵉ ⵢⴰⵏ ⵓⵎⴷⵔⴰⵡ ⵏ ⵜⵎⵙⵙⵓⵖⵍⵜ.

# The treasury's campaign pages
treasury-campaigns-title = ⵜⵉⴽⵔⴰⴷⵉⵏ
treasury-new-campaign = ⵕⵥⵎ ⵢⴰⵜ ⵜⴽⵔⴰⴷⵜ
treasury-new-campaign-hint = ⵜⴰⴽⵔⴰⴷⵜ ⵜⵜⵓⵕⵥⵎ ⴷ ⴰⵣⵡⵉⵔ, ⵜⵜⵓⵜⵜⵔ ⵜⵓⵔⴰⴳⵜ ⵏⵏⵙ ⵙ ⵓⵙⵍⵖⵓ ⵏ 18-18 ⵙⴳ ⵜⵏⴱⴰⴹⵜ ⵍⵍⵉ ⵉⵙⵎⴰⵏ ⵓⴳⵔⵓ ⵏⵏⵙ. ⵜⵣⵎⵔ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴼⵖ ⵎⵔ ⵜⵜⵓⴼⴽⴰ ⵜⵓⵔⴰⴳⵜ.
treasury-no-campaign = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⴽⵔⴰⴷⵜ ⴰⵔ ⴷⵖⵉ.
treasury-campaign = ⵜⴰⴽⵔⴰⴷⵜ
treasury-title-ar = ⴰⵣⵡⵍ ⵙ ⵜⵄⵔⴰⴱⵜ
treasury-title-fr = ⴰⵣⵡⵍ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
treasury-purpose-ar = ⴰⵏⵙⵉ ⵙ ⵜⵄⵔⴰⴱⵜ
treasury-purpose-fr = ⴰⵏⵙⵉ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
treasury-goal = ⴰⵙⵡⵉⵏⴳⵎ ⵙ ⴷⴷⵔⵀⵎ
treasury-starts-on = ⴰⵙⵙ ⴰⵎⵣⵡⴰⵔⵓ ⵏ ⵓⵙⵎⵓⵏ
treasury-ends-on = ⴰⵙⵙ ⴰⵏⴳⴳⴰⵔⵓ ⵏ ⵓⵙⵎⵓⵏ
treasury-scope = ⵎⴰⵏⵉ ⵙ ⵜⵙⵎⵓⵏ, ⴷ ⵎⴰⴷ ⴰⵙ ⵉⴼⴽⴰⵏ ⵜⵓⵔⴰⴳⵜ
treasury-bank-account = ⴰⵎⵉⴹⴰⵏ ⵏ ⵜⴱⴰⵏⴽⴰ ⵏ ⵜⴽⵔⴰⴷⵜ
treasury-bank-account-hint = 24 ⵏ ⵉⵎⴹⴰⵏⵏ ⵏ RIB, ⵏⵖ IBAN ⴰⵎⵖⵔⵉⴱⵉ. ⵜⵜⵓⵙⵙⵏⵜⵎ ⵜⵙⴰⵔⵓⵜ ⵏⵏⵙ.
treasury-emergency = ⴰⵙⵎⵓⵏ ⵙ ⵓⴱⵔⵉⴷ ⵏ ⵓⵎⵥⵍⴰⵢ
treasury-open-campaign = ⵕⵥⵎ ⵜⴰⴽⵔⴰⴷⵜ ⵜⵜⵔ ⵜⵓⵔⴰⴳⵜ ⵏⵏⵙ
treasury-refusal-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⴳⴳⵉ
treasury-publish = ⵙⵙⵓⴼⵖ ⵜⴰⴽⵔⴰⴷⵜ
treasury-close = ⵇⵇⵏ ⵜⴰⴽⵔⴰⴷⵜ
treasury-public-page = ⵜⴰⵙⵏⴰ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ ⵏ ⵜⴽⵔⴰⴷⵜ
treasury-report = ⴰⵏⵏⴰⵍ ⵏ ⵜⴽⵔⴰⴷⵜ
treasury-done-created = ⵜⵜⵓⵕⵥⵎ ⵜⴽⵔⴰⴷⵜ ⴷ ⴰⵣⵡⵉⵔ, ⵜⵜⵓⵜⵜⵔ ⵜⵓⵔⴰⴳⵜ ⵏⵏⵙ.
treasury-done-published = ⵜⵜⵓⵙⵙⵓⴼⵖ ⵜⴽⵔⴰⴷⵜ.
treasury-done-closed = ⵜⵜⵓⵇⵇⵏ ⵜⴽⵔⴰⴷⵜ: ⵓⵔ ⵜⵇⴱⵓⵍ ⵜⵓⴼⴽⵉⵡⵉⵏ ⵢⴰⴹⵏ.

# What waits for a member
waiting-title = ⵎⴰⴷ ⴽ ⵉⵜⵜⵔⴰⵊⵓⵏ
waiting-to-publish = ⵜⵜⵓⴼⴽⴰ ⵜⵓⵔⴰⴳⵜ: ⵜⵣⵎⵔ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴼⵖ
waiting-authority = ⵜⵓⵔⴰⴳⵜ ⵏⵏⵙ ⵜⵜⵔⴰⵊⵓ ⵜⴰⵏⴱⴰⴹⵜ
waiting-ending-soon = ⴰⵙⵎⵓⵏ ⵏⵏⵙ ⴰⴷ ⵉⵙⴰⵍⴰ ⴷⴰⵜ ⵙⵉⵏ ⵉⵎⴰⵍⴰⵙⵏ

## ⵜⴰⵏⴱⴰⴹⵜ ⵜⵙⵙⴰⵍⵉ ⵜⴰⵔⴳⵉⵍⵜ
nav-declare-incident = ⵙⵙⴰⵍⵉ ⵜⴰⵔⴳⵉⵍⵜ
declaration-new-title = ⵙⵙⴰⵍⵉ ⵜⴰⵔⴳⵉⵍⵜ
declaration-no-territory = ⵜⴰⵣⵎⵔⵜ ⵏⵏⵓⵏ ⵓⵔ ⵜⵙⵙⵓⴷⵓ ⵜⴰⵎⵙⵙⵓⵔⵜ: ⵓⵔ ⵜⵣⵎⵉⵔⵎ ⴰⴷ ⵜⵙⵙⴰⵍⵉⵎ ⵜⴰⵔⴳⵉⵍⵜ.
declaration-provinces = ⵜⵉⵎⵏⴰⴹⵉⵏ ⴷ ⵜⵎⵏⴰⴹⵉⵏ ⵉⵜⵜⵓⵡⵜⵏ
declaration-provinces-hint = ⵙⵜⵉⵎ ⵜⵏ, ⵙⴽⵏⵎ ⴷⴰⵖ ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵏⵏⵙⵏ.
declaration-show-communes = ⵙⴽⵏ ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵏⵏⵙⵏ
declaration-kind = ⵎⴰⵢⴷ ⵉⵊⵔⴰⵏ
declaration-title-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
declaration-title-fr = ⵉⵙⵎ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
declaration-started-on = ⴰⵙⵙ ⵏ ⵓⵙⵙⵏⵜⵉ
declaration-communes = ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵉⵜⵜⵓⵡⵜⵏ
declaration-declare = ⵙⵙⴰⵍⵉ ⵜⴰⵔⴳⵉⵍⵜ
declaration-public-page = ⵜⴰⵙⵏⴰ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ ⵏ ⵜⵔⴳⵉⵍⵜ
declaration-douars = ⵉⴷⵡⵡⴰⵔⵏ
declaration-no-douar = ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⵎ ⴽⵔⴰ ⵏ ⵓⴷⵡⵡⴰⵔ ⴰⵔ ⴷⵖⵉ.
declaration-douar = ⴰⴷⵡⵡⴰⵔ
declaration-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ
declaration-population = ⵉⵎⵣⴷⴰⵖ
declaration-add-douar = ⵔⵏⵓ ⴰⴷⵡⵡⴰⵔ
declaration-name-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
declaration-name-fr = ⵉⵙⵎ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
declaration-name-latin = ⵉⵙⵎ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ
declaration-name-latin-hint = ⵎⴽ ⵜ ⵉⵜⵜⴰⵔⴰ ⵎⴷⴷⵏ ⴳ ⵜⵉⵍⵉⴼⵓⵏ, ⵎⴰⵙⵍ ⵜⵉⵅⴼⵉⵙⵜ.
declaration-latitude = ⵜⵉⵣⵉ ⵏ ⵓⵣⴳⵣⵓⵍ (ⴰⴽⵎⴰⵎ)
declaration-longitude = ⵜⵉⵣⵉ ⵏ ⵓⵣⴷⴷⵉⴳ (ⴰⴽⵎⴰⵎ)
declaration-done-declared = ⵜⵜⵓⵙⵙⴰⵍⴰ ⵜⵔⴳⵉⵍⵜ. ⵔⵏⵓⵎ ⵉⴷⵡⵡⴰⵔⵏ ⵏⵏⵙ ⴰⴼⴰⴷ ⴰⴷ ⵜⵜⵓⵙⵔⵙⵏⵜ ⵜⵉⵙⵜⵜⵉⵔⵉⵏ.
declaration-done-douar = ⵉⵜⵜⵓⵔⵏⴰ ⵓⴷⵡⵡⴰⵔ.
error-outside-territory = ⵙⵜⵉⵎ ⵖⴰⵙ ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏⵏⵓⵏ.

home-switch-label = ⵜⵉⵎⵓⵏⵉⵡⵉⵏ ⵏⵏⵓⵏ ⵢⴰⴹⵏⵉⵏ

## ⴰⴼⵍⵍⵓ ⵏ ⵜⵓⵜⵔⴰ ⵏ ⵓⵙⵓⵔⴳ
treasury-request-document = ⴰⴼⵍⵍⵓ ⵏ ⵜⵓⵜⵔⴰ ⵏ ⵓⵙⵓⵔⴳ
treasury-request-document-download = ⴰⴳⵎ ⴰⴼⵍⵍⵓ ⵉⵜⵜⵓⵣⵏⵏ
treasury-request-document-missing = ⵓⵔ ⵉⵜⵜⵓⵣⵏ ⴽⵔⴰ ⵏ ⵓⴼⵍⵍⵓ ⴰⵔ ⴷⵖⵉ: ⴰⵣⵏⵎ ⵜⵓⵜⵔⴰ ⵉⵜⵜⵓⵙⵎⴰⵍⵏ ⴷ ⵜⵔⵏⵉⵡⵉⵏ ⵏⵏⵙ ⴰⴼⴰⴷ ⴰⴷ ⵜⵙⵙⵏⵜⵉ ⵜⵏⴱⴰⴹⵜ ⵜⴰⵖⵓⵔⵉ.
treasury-request-document-file = ⴰⴼⵍⵍⵓ ⵏ ⵜⵓⵜⵔⴰ
treasury-request-document-hint = ⵢⴰⵏ ⵓⴼⵍⵍⵓ PDF, JPEG ⵏⵖ PNG ⵓⵔ ⵉⵣⵔⵉⵏ 2 MB. ⴰⴼⵍⵍⵓ ⴰⵎⴰⵢⵏⵓ ⵉⵜⵜⵙⵏⴼⴰⵍ ⵡⵉⵏ ⵉⵣⵔⵉⵏ, ⴰⵔ ⴷ ⵜⵙⵙⵏⵜⵉ ⵜⵏⴱⴰⴹⵜ ⵜⴰⵖⵓⵔⵉ.
treasury-request-document-send = ⴰⵣⵏ ⴰⴼⵍⵍⵓ
treasury-done-document = ⵉⵜⵜⵓⵣⵏ ⵓⴼⵍⵍⵓ ⴷ ⵜⵓⵜⵔⴰ.
treasury-file-size-kb = { $kb } ⴽⵉⵍⵓⴱⴰⵢⵜ
authz-request-document = ⴰⴼⵍⵍⵓ ⵏ ⵜⵓⵜⵔⴰ
authz-request-document-missing = ⵓⵔ ⵜⵣⵏ ⵜⵎⵓⵏⵉ ⴽⵔⴰ ⵏ ⵓⴼⵍⵍⵓ ⴷ ⵜⵓⵜⵔⴰ ⴰⴷ.
error-invalid-request-document = ⵙⵜⵉ ⴰⴼⵍⵍⵓ PDF, JPEG ⵏⵖ PNG ⵓⵔ ⵉⵣⵔⵉⵏ 2 MB, ⵉⵎⵙⴰⵙⴰⵏ ⵓⴳⴱⵓⵔ ⵏⵏⵙ ⴷ ⵢⵉⵙⵎ ⵏⵏⵙ.
# Donations and payment batches (the treasury's pages)
donations-title = ⵜⵓⴽⴼⵉⵡⵉⵏ
donations-record = ⵙⵊⵍ ⵢⴰⵜ ⵜⵓⴽⴼⴰ
donations-record-hint = ⵉ ⵉⴷⵔⵉⵎⵏ ⵍⵍⵉ ⵉⵜⵜⵓⵎⵥⵏ (ⵙ ⵓⴼⵓⵙ, ⵙ ⵓⵙⵉⵡⴹ ⵏ ⵍⴱⴰⵏⴽ, ⵙ ⵜⴽⴰⵕⴹⴰ) ⵏⵖ ⵉ ⵉⵖⴰⵍⵍⵏ ⵍⵍⵉ ⵉⵜⵜⵓⴼⴽⴰⵏ. ⵜⵜⵓⵙⵊⴰⵍ ⵜⵓⴽⴼⴰ ⴷⵉⵖ ⴳ ⵓⵙⵊⵍ ⴰⴳⴷⵓⴷⴰⵏ ⵜⴰⵡⵉ ⵜⴰⵙⵍⵖⵓⵜ ⵏⵏⵙ.
donations-done-recorded = ⵜⵜⵓⵙⵊⴰⵍ ⵜⵓⴽⴼⴰ.
donations-print-receipt = ⵙⵉⴳⴳⵣ ⵜⴰⵙⵍⵖⵓⵜ ⵏⵏⵙ
donations-kind = ⴰⵏⴰⵡ ⵏ ⵜⵓⴽⴼⴰ
donations-any = ⴰⴽⴽⵯ
donations-money = ⵉⴷⵔⵉⵎⵏ
donations-in-kind = ⵙ ⵉⵖⴰⵍⵍⵏ
donations-method = ⴰⵎⴽ ⵏ ⵓⵅⵍⵍⵚ
donations-online = ⵜⵓⴽⴼⴰ ⵙ ⵓⵥⵟⵟⴰ
donations-from = ⵙⴳ (ⴰⵙⴰⴽⵓⴷ)
donations-to = ⴰⵔ (ⴰⵙⴰⴽⵓⴷ)
donations-minimum = ⴰⵎⵓⵏ ⴰⴷⵔⵓⵙ ⵙ ⴷⴷⵔⵀⵎ
donations-filter = ⵙⵎⴰⵍ
donations-none = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵓⴽⴼⴰ ⵉⵎⵙⴰⵙⴰⵏ.
donations-number = ⵓⵟⵟⵓⵏ ⵏ ⵜⵓⴽⴼⴰ
donations-date = ⴰⵙⴰⴽⵓⴷ
donations-what = ⴰⵎⵓⵏ ⵏⵖ ⵉⵖⴰⵍⵍⵏ
donations-status = ⴰⴷⴷⴰⴷ
donations-actions = ⵜⵉⴳⴰⵡⵉⵏ
donations-receipt = ⵜⴰⵙⵍⵖⵓⵜ
donations-show-donor = ⵙⵎⴰⵍ ⴰⵎⴽⴼⴰ
donations-amount = ⴰⵎⵓⵏ ⵙ ⴷⴷⵔⵀⵎ
donations-amount-hint = ⵉⵎⴹⴰⵏⵏ ⵙ ⵙⵉⵏ ⵉⵎⵥⵥⵉⵢⵏ ⵎⴰ ⵓⴳⴳⴰⵔ, ⴰⵎⵎ 250.00.
donations-choose = ⴼⵔⵏ
donations-items-hint = ⴼⵔⵏ ⴰⵔ ⴽⵕⴰⴹ ⵏ ⵉⵖⴰⵍⵍⵏ ⵙⴳ ⵓⴽⴰⵜⴰⵍⵓⴳ ⴷ ⵜⵉⵎⴰⵏⵜⵉⵏ ⵏⵏⵙⵏ.
donations-item = ⴰⵖⴰⵍⵍ
donations-quantity = ⵜⴰⵎⴰⵏⵜ
donations-record-submit = ⵙⵊⵍ ⵜⵓⴽⴼⴰ
donations-conflict = ⵜⵜⵓⵣⵏ ⵜⴰⵍⵖⴰ ⴰⴷ ⵙ ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵢⴰⴹⵏ. ⵥⵕ ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵓⴽⴼⵉⵡⵉⵏ ⵇⴱⵍ ⴰⴷ ⵜⵙⵊⵍⴷ ⴷⴰⵖ.
donations-donor-title = ⵜⴰⵎⴰⵜⴰⵔⵜ ⵏ ⵓⵎⴽⴼⴰ
donations-donor-hint = ⵜⵜⵓⴼⴽⴰ ⵉ ⵢⴰⵜ ⵜⵓⴽⴼⴰ ⵜⴰⵎⵇⵔⴰⵏⵜ, ⵜⵜⵓⵃⴹⴰ ⵜⵜⵓⵇⵇⵏ, ⵜⵜⵓⵙⵎⴰⵍ ⵉ ⵓⵎⵙⵙⵓ ⵏ ⵉⴷⵔⵉⵎⵏ ⵖⴰⵙ. ⵜⵜⵓⵙⵊⴰⵍ ⵜⵖⵔⵉ ⴰⴷ.
donations-donor-name = ⵉⵙⵎ ⴰⵎⴷⴷⴰⴷ
donations-donor-document = ⵜⴰⵙⴽⴰⵔⵜ ⵏ ⵜⵎⴰⵜⴰⵔⵜ
donations-donor-country = ⵜⴰⵎⵓⵔⵜ
donations-document-cin = ⵜⴰⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵎⴰⵜⴰⵔⵜ
donations-document-passport = ⴰⵙⵉⵔ ⵏ ⵓⵎⵓⴷⴷⵓ
batches-title = ⵜⵉⴳⵔⵓⵎⵎⴰ ⵏ ⵓⵅⵍⵍⵚ
batches-hint = ⴽⵓ ⵜⴰⴳⵔⵓⵎⵎⴰ ⵜⵅⵍⵍⵚ ⵉⵅⵅⴰⵎⵏ ⵏ ⵢⴰⵏ ⵓⵣⵎⵣ ⵉⵜⵜⵓⵙⵏⵜⵎⵏ ⵙ ⵍⴱⴰⵏⴽ ⵏ ⵜⵎⵙⵙⵓⵖⵍⵜ.
batches-none = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⴳⵔⵓⵎⵎⴰ ⴰⵔ ⴷⵖⵉ.
batches-programme = ⴰⵖⴰⵡⴰⵙ
batches-period = ⴰⵣⵎⵣ
batches-lines = ⵉⵅⵍⵍⵚⵏ
batches-total = ⴰⵎⴰⵜⴰ
batches-execution-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⴼⵙⵔ
batches-status = ⴰⴷⴷⴰⴷ
batch-title = ⵜⴰⴳⵔⵓⵎⵎⴰ ⵏ ⵓⵅⵍⵍⵚ
batch-done-reconciled = ⵉⵜⵜⵓⵙⵎⵔⵙ ⵓⵏⵏⴰⵍ ⵏ ⵍⴱⴰⵏⴽ.
batch-message-id = ⴰⵙⵎⴷⵢⴰ ⵏ ⵓⴼⴰⵢⵍⵓ ⵏ ⵍⴱⴰⵏⴽ
batch-skipped = ⵉⵅⵅⴰⵎⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ (ⵡⴰⵔ ⴰⵎⵉⴹⴰⵏ)
batch-file-title = ⴰⴼⴰⵢⵍⵓ ⵏ ⵍⴱⴰⵏⴽ
batch-file-hint = ⵉⵙⵉⵡⴹⵏ ⵏ ⵜⴳⵔⵓⵎⵎⴰ ⵙ ⵜⵍⴰⵖⴰ ⵍⵍⵉ ⵉⵜⵜⵖⵔⴰ ⵍⴱⴰⵏⴽ ⵏⵏⵓⵏ. ⵜⵜⵓⵙⵊⴰⵍ ⵜⵖⵔⵉ ⵏ ⵉⵙⵎⴰⵡⵏ ⴷ ⵉⵎⵉⴹⴰⵏⵏ ⴳ ⵓⵙⵊⵍ ⵏ ⴽⵓ ⴰⵅⵅⴰⵎ.
batch-file-download = ⴰⴳⵎ ⴰⴼⴰⵢⵍⵓ ⵏ ⵍⴱⴰⵏⴽ
batch-report-title = ⴰⵏⵏⴰⵍ ⵏ ⵍⴱⴰⵏⴽ ⵖⴼ ⵉⵅⵍⵍⵚⵏ
batch-report-file = ⴰⴼⴰⵢⵍⵓ ⵏ ⵓⵏⵏⴰⵍ
batch-report-hint = ⴰⴼⴰⵢⵍⵓ ⵍⵍⵉ ⴷ ⵉⵔⵓⵔ ⵍⴱⴰⵏⴽ ⵖⴼ ⵜⴳⵔⵓⵎⵎⴰ ⴰⴷ. ⴰⵣⵏ ⵏ ⵓⵏⵏⴰⵍ ⵏⵏⵉⴹⵏ ⵓⵔ ⵉⵙⵏⴼⴰⵍ ⴽⵔⴰ.
batch-report-submit = ⵙⵎⵔⵙ ⴰⵏⵏⴰⵍ
batch-lines-title = ⵉⵅⵍⵍⵚⵏ ⵏ ⵜⴳⵔⵓⵎⵎⴰ
batch-line-reference = ⴰⵙⵎⴷⵢⴰ
batch-line-household = ⴰⵅⵅⴰⵎ
batch-line-amount = ⴰⵎⵓⵏ
batch-line-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵍⴱⴰⵏⴽ
payment-line-status-sent = ⵉⵜⵜⵓⵣⵏ ⵉ ⵍⴱⴰⵏⴽ
payment-line-status-pending = ⵉⵜⵜⵔⴰⵊⵓ ⵍⴱⴰⵏⴽ
payment-line-status-paid = ⵉⵜⵜⵓⵅⵍⵍⵚ
payment-line-status-rejected = ⵉⵜⵜⵓⴳⴳⵉ
payment-batch-status-ready = ⵉⵀⵢⵢⴰ ⵉ ⵓⵣⵏ
payment-batch-status-reconciled = ⵉⵜⵜⵓⵙⵎⵙⴰⵙⴰ
batch-report-paid =
    { PLURAL($count) ->
       *[other] { $count } ⵏ ⵉⵅⵍⵍⵚⵏ ⵉⵜⵜⵓⵅⵍⵍⵚⵏ
    }
batch-report-rejected =
    { PLURAL($count) ->
       *[other] { $count } ⵏ ⵉⵅⵍⵍⵚⵏ ⵉⵜⵜⵓⴳⴳⴰⵏ
    }
batch-report-pending =
    { PLURAL($count) ->
       *[other] { $count } ⵏ ⵉⵅⵍⵍⵚⵏ ⴰⵔ ⵜⵜⵔⴰⵊⵓⵏ
    }
batch-report-unchanged =
    { PLURAL($count) ->
       *[other] { $count } ⵏ ⵉⵣⵔⵉⴳⵏ ⵉⵜⵜⵓⵙⵙⵏⵏ
    }
batch-report-unmatched =
    { PLURAL($count) ->
       *[other] { $count } ⵏ ⵉⵣⵔⵉⴳⵏ ⵏ ⵓⵏⵏⴰⵍ ⵓⵔ ⵎⵙⴰⵙⴰⵏ ⴷ ⴽⵔⴰ ⵏ ⵓⵅⵍⵍⵚ
    }
# ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ: ⵉⵙⵏⵓⴱⴳⵏ, ⵜⵉⴳⵓⵔⵉⵡⵉⵏ ⵏ ⵓⵣⵔⴰⵢ, ⵉⵙⵍⵖⵏ
password-forgot-link = ⵜⴻⵜⵜⵓⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ?
password-forgot-title = ⵔⵔ ⵢⴰⵜ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵉⵜⵜⵓⵜⵜⵓⵏ
password-forgot-hint = ⵙⵙⴽⵛⵎ ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ. ⵎⴽ ⵍⵍⴰⵏⵜ ⵖⵓⵔ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ, ⴰⴷ ⴰⵙ ⵏⴰⵣⵏ ⵢⴰⵏ ⵓⵣⴷⴰⵢ ⵃⵎⴰ ⴰⴷ ⵜⴼⵔⵏⴷ ⵜⴰⴳⵓⵔⵉ ⵜⴰⵎⴰⵢⵏⵓⵜ; ⵉⵜⵜⵎⵢⴰⵡⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ, ⵖⵉⵔ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ.
password-forgot-submit = ⴰⵣⵏ ⵉⵢⵉ ⵢⴰⵏ ⵓⵣⴷⴰⵢ
password-link-sent = ⵎⴽ ⵍⵍⴰⵏⵜ ⵜⴰⵏⵙⴰ ⴰⴷ ⵖⵓⵔ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ, ⵉⵜⵜⵓⵣⵏ ⴰⵙ ⵢⴰⵏ ⵓⵣⴷⴰⵢ. ⵙⵙⵉⴳⵍ ⵜⴰⵏⵙⴰ ⵏⵏⴽ.
password-mail-off = ⴰⵣⵣⵏ ⵏ ⵜⵏⵣⴰⵡ ⵜⵉⵍⵉⴽⵜⵔⵓⵏⵉⵢⵉⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵡⵓⴷⴷⵓ ⴳ ⵓⵎⴰⴽⴰⵢ ⴰⴷ: ⵜⵜⵔ ⵢⴰⵏ ⵓⵣⴷⴰⵢ ⵙⴳ ⵓⵏⵎⵀⴰⵍ ⵏ ⵜⵖⵔⵖⴰⵔⵜ.
password-link-invalid = ⴰⵣⴷⴰⵢ ⴰⴷ ⵓⵔ ⴷⴰ ⵉⵜⵜⵎⵢⴰⵡⴰⵙ: ⵉⵜⵜⵓⵙⵎⵔⵙ ⵏⵖ ⵉⵣⵔⵉ ⵓⵣⵎⵣ ⵏⵏⵙ. ⵜⵜⵔ ⵢⴰⵏ ⵓⵎⴰⵢⵏⵓ.
password-reset-title = ⴼⵔⵏ ⵢⴰⵜ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
password-reset-hint = ⵜⴰⴳⵓⵔⵉ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴰⴷ ⵜⵙⵎⴷ ⴰⴽⴽ ⵜⵉⵖⵉⵎⵉⵡⵉⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ: ⴽⵛⵎ ⴷⴰⵖ ⴷⴼⴼⵉⵔ ⵙ.
password-new = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
password-reset-submit = ⵃⴹⵓ ⵜⴰⴳⵓⵔⵉ ⵜⴰⵎⴰⵢⵏⵓⵜ
password-changed = ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ. ⴽⵛⵎ ⵙ ⵜⵎⴰⵢⵏⵓⵜ.
invitation-title = ⴽⵛⵎ ⵙ ⵢⴰⵜ ⵜⵎⵙⵎⵓⵏⵜ
invitation-association = ⵜⴰⵎⵙⵎⵓⵏⵜ
invitation-join-as = ⴰⴷ ⵜⴽⵛⵎⴷ ⵙ ⵢⵉⵙⵎ ⵏ { $name }.
invitation-accept = ⵇⴱⵍ ⴰⵙⵏⵓⴱⴳ
invitation-sign-in-first = ⴽⵛⵎ ⵏⵖ ⵙⵏⴼⵍⵓⵍ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵃⵎⴰ ⴰⴷ ⵜⵇⴱⵍⴷ ⴰⵙⵏⵓⴱⴳ ⴰⴷ, ⴷⴼⴼⵉⵔ ⵙ ⴰⴷ ⵜⵓⵖⴰⵍⴷ ⵖⵔ ⵜⴰⵙⵏⴰ ⴰⴷ.
invitation-link-invalid = ⴰⵣⴷⴰⵢ ⵏ ⵓⵙⵏⵓⴱⴳ ⴰⴷ ⵓⵔ ⴷⴰ ⵉⵜⵜⵎⵢⴰⵡⴰⵙ: ⵉⵜⵜⵓⵙⵎⵔⵙ ⵏⵖ ⵉⵣⵔⵉ ⵓⵣⵎⵣ ⵏⵏⵙ. ⵜⵜⵔ ⵢⴰⵏ ⵓⵙⵏⵓⴱⴳ ⴰⵎⴰⵢⵏⵓ ⵙⴳ ⵜⵎⵙⵎⵓⵏⵜ.
invitation-accepted = ⴰⵏⵙⵓⴼ: ⵜⴳⵉⴷ ⵖⵉⵍⴰ ⴰⴳⵎⴰⵎ ⵏ ⵜⵎⵙⵎⵓⵏⵜ.
invitation-mail-hint = ⴰⴷ ⵢⴰⵡⵉ ⵓⴼⵔⴷ ⵢⴰⵜ ⵜⵏⵣⵉⵡⵜ ⵙ ⵢⴰⵏ ⵓⵣⴷⴰⵢ ⵃⵎⴰ ⴰⴷ ⵢⴽⵛⵎ; ⵉⵜⵜⵎⵢⴰⵡⴰⵙ ⵓⵣⴷⴰⵢ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ, ⵖⵉⵔ 14 ⵏ ⵡⵓⵙⵙⴰⵏ.
invitation-mail-off = ⴰⵣⵣⵏ ⵏ ⵜⵏⵣⴰⵡ ⵜⵉⵍⵉⴽⵜⵔⵓⵏⵉⵢⵉⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵡⵓⴷⴷⵓ ⴳ ⵓⵎⴰⴽⴰⵢ ⴰⴷ: ⵉⵇⵇⴰⵏ ⴰⴼⵔⴷ ⴰⴷ ⵉⵙⵏⴼⵍⵓⵍ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵙ ⵜⵏⵙⴰ ⴰⴷ, ⴰⴷ ⴷ ⵉⴱⴰⵢⵏ ⵓⵙⵏⵓⴱⴳ ⴳ ⵜⵎⵙⵎⵓⵏⵉⵏ ⵏⵏⵙ.
mail-invitation-subject = ⴰⵙⵏⵓⴱⴳ ⵃⵎⴰ ⴰⴷ ⵜⴽⵛⵎⴷ ⵙ { $association }
mail-invitation-body = ⴰⵣⵓⵍ,
    ⵜⵜⵓⵙⵏⵓⴱⴳⴷ ⵃⵎⴰ ⴰⴷ ⵜⴽⵛⵎⴷ ⵙ { $association } ⴳ ⵜⵡⵉⵣⴰ ⵙ ⵓⴷⵓⵔ ⵏ { $role }.
    ⵃⵎⴰ ⴰⴷ ⵜⵇⴱⵍⴷ, ⵕⵥⵎ ⴰⵣⴷⴰⵢ ⴰⴷ (ⵉⵜⵜⵎⵢⴰⵡⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ, ⵖⵉⵔ 14 ⵏ ⵡⵓⵙⵙⴰⵏ):
    { $link }
    ⵎⴽ ⵓⵔ ⵜⵔⴰⵊⵓⴷ ⴰⵙⵏⵓⴱⴳ ⴰⴷ, ⴰⴷⵊ ⵜⵉⵏⵣⵉⵡⵜ ⴰⴷ.
mail-password-link-subject = ⴼⵔⵏ ⵢⴰⵜ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴳ ⵜⵡⵉⵣⴰ
mail-password-link-body = ⴰⵣⵓⵍ,
    ⵢⴰⵏ ⵉⵜⵜⵔ ⵢⴰⵜ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵉ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵜⵡⵉⵣⴰ. ⵃⵎⴰ ⴰⴷ ⵜⵜ ⵜⴼⵔⵏⴷ, ⵕⵥⵎ ⴰⵣⴷⴰⵢ ⴰⴷ (ⵉⵜⵜⵎⵢⴰⵡⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ, ⵖⵉⵔ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ):
    { $link }
    ⵎⴽ ⵓⵔ ⵜⵜⵔⴷ ⴰⵡⴷ ⵢⴰⵏ, ⴰⴷⵊ ⵜⵉⵏⵣⵉⵡⵜ ⴰⴷ: ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ ⵓⵔ ⵜⵜⵎⵙⴰⵔⴰ.
mail-authorization-granted-subject = ⵜⵜⵓⴼⴽⴰ ⵜⵓⵔⴰⴳⵜ: { $campaign }
mail-authorization-granted-body = ⴰⵣⵓⵍ,
    ⵜⴼⴽⴰ ⵜⵏⴱⴰⴹⵜ ⵜⵓⵔⴰⴳⵜ ⵏ ⵓⵙⵎⵓⵏ ⵏ ⵜⴽⵔⴰⴷⵜ «{ $campaign }». ⵜⵣⵎⵔ ⵖⵉⵍⴰ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴼⵖ:
    { $link }
mail-authorization-refused-subject = ⵜⵜⵓⴳⴷⵍ ⵜⵓⵔⴰⴳⵜ: { $campaign }
mail-authorization-refused-body = ⴰⵣⵓⵍ,
    ⵜⴳⴷⵍ ⵜⵏⴱⴰⴹⵜ ⵜⵓⵔⴰⴳⵜ ⵏ ⵓⵙⵎⵓⵏ ⵏ ⵜⴽⵔⴰⴷⵜ «{ $campaign }». ⵍⵍⴰⵏ ⵉⵙⵎⵉⵍ ⴳ ⵜⴰⵙⵏⴰ ⵏ ⵜⴽⵔⴰⴷⵜ:
    { $link }
mail-expense-waiting-subject = ⵢⴰⵜ ⵜⵙⵙⵓⴷⴼⴰ ⵜⵔⴰⵊⴰ ⴰⵙⵏⵇⴱⵍ ⵏⵏⴽ
mail-expense-waiting-body = ⴰⵣⵓⵍ,
    ⵢⴰⵜ ⵜⵙⵙⵓⴷⴼⴰ ⵏ { $association } ⵜⵔⴰⵊⴰ ⴰⵙⵏⵇⴱⵍ ⵏ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵡⵉⵙⵙ ⵙⵉⵏ. ⵃⵎⴰ ⴰⴷ ⵜⵜ ⵜⵥⵕⴷ:
    { $link }
mail-transfer-arrived-subject = ⵢⵓⵙⴰ ⴷ ⵢⴰⵏ ⵓⵙⵉⴼⴹ ⵉ { $association }
mail-transfer-arrived-body = ⴰⵣⵓⵍ,
    ⵢⵓⵙⴰ ⴷ ⵢⴰⵏ ⵓⵙⵉⴼⴹ ⵙⴳ ⵢⴰⵜ ⵜⵎⵙⵎⵓⵏⵜ ⵢⴰⴹⵏ ⵉ { $association } ⵉⵔⴰⵊⴰ ⴰⵙⵙⵏⵜⵉ ⵏⵏⴽ:
    { $link }
## ⵜⴰⵙⵏⵉⵡⵉⵏ ⵏ ⵉⴷⵉⵡⴰⵏⵏ
expenses-title = ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵜⴽⵔⴰⴷⵜ
expenses-done-submitted = ⵉⵜⵜⵓⵙⴽⵛⵎ ⵓⵙⵙⵓⴼⵖ: ⵉⵇⵇⴰⵏ ⴰⴷ ⵜ ⵉⵙⴷⵓⴷⴷⵓ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵔⵔⴰⴼⵜ.
expenses-done-approved = ⵉⵜⵜⵓⵙⴷⵓⴷⴷⵓ ⵓⵙⵙⵓⴼⵖ: ⵉⵍⵍⴰ ⴳ ⵉⴷⵉⵡⴰⵏⵏ ⴷ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ.
expenses-done-rejected = ⵉⵜⵜⵓⴳⴳⵉ ⵓⵙⵙⵓⴼⵖ: ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴽⵔⴰ.
expenses-waiting-title = ⴰⵔ ⵜⵜⵔⴰⵊⵓⵏ ⴰⵙⴷⵓⴷⴷⵓ
expenses-waiting-none = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵙⵓⴼⵖ ⵉⵜⵜⵔⴰⵊⵓⵏ ⴰⵙⴷⵓⴷⴷⵓ.
expenses-submitted-on = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⴽⵛⵎ
expenses-description = ⴰⴳⵍⴰⵎ
expenses-submitted-by = ⵉⵙⴽⵛⵎ ⵜ
expenses-own-waiting = ⴽⵢⵢ ⴰⵢ ⵜ ⵉⵙⴽⵛⵎⵏ: ⵉⵙⴷⵓⴷⴷⵓ ⵜ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵔⵔⴰⴼⵜ.
expenses-approve = ⵙⴷⵓⴷⴷⵓ…
expenses-reject = ⴰⴳⵢ…
expenses-evidence-download = ⴰⴳⵎ ⴰⵙⵍⴽⵉⵏ
expenses-submit-title = ⵙⴽⵛⵎ ⴰⵙⵙⵓⴼⵖ
expenses-submit-hint = ⵉⵙⴷⵓⴷⴷⵓ ⵜ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵔⵔⴰⴼⵜ ⵇⴱⵍ ⴰⴷ ⵉⴽⵛⵎ ⵉⴷⵉⵡⴰⵏⵏ.
expenses-amount = ⴰⵎⴹⴰⵏ ⵙ ⴷⴷⵔⵀⵎ
expenses-amount-hint = ⵉⵎⴹⴰⵏⵏ ⴷ ⵙⵉⵏ ⵉⵎⴹⴰⵏⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵎⴰⵙ ⵢⵓⴳⵔ, ⴰⵎⴷⵢⴰ 1200.50.
expenses-paid-from = ⵉⵜⵜⵓⵅⵍⵍⵚ ⵙⴳ
expenses-description-ar = ⴰⴳⵍⴰⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
expenses-description-fr = ⴰⴳⵍⴰⵎ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
expenses-evidence = ⴰⵙⵍⴽⵉⵏ (ⵜⴰⴼⴰⴽⵜⵓⵔⵜ ⵏⵖ ⵜⴰⵙⵍⵖⵓⵜ)
expenses-evidence-hint = ⴰⴼⴰⵢⵍⵓ PDF, JPEG ⵏⵖ PNG ⵓⵔ ⵉⵣⵔⵉⵏ { $mb } MB. ⵜⵜⵓⵙⵙⵉⴷⴷ ⵜⵓⵎⴰⵏⵜ ⵏⵏⵙ: ⴰⴼⴰⵢⵍⵓ ⵓⵔ ⵉⵎⵢⴰⵏⴰⵙⵏ ⴷ ⵉⵙⵎ ⵏⵏⵙ ⵉⵜⵜⵓⴳⴳⴰ.
expenses-submit = ⵙⴽⵛⵎ ⴰⵙⵙⵓⴼⵖ
expenses-all-title = ⴰⴽⴽ ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵜⴽⵔⴰⴷⵜ
expenses-none = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵙⵓⴼⵖ ⴰⵔ ⴷⵖⵉ.
expenses-rejection-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⴳⴳⵉ:
expenses-status = ⴰⴷⴷⴰⴷ
expenses-approve-title = ⵙⴷⵓⴷⴷⵓ ⴰⵙⵙⵓⴼⵖ
expenses-reject-title = ⴰⴳⵢ ⴰⵙⵙⵓⴼⵖ
expenses-approve-check = ⵥⵕ ⵎⴰⴷ ⵔⴰⴷ ⵉⵍⵉⵏ ⵇⴱⵍ ⴰⴷ ⵜⵙⴷⵓⴷⴷⵓⴷ.
expenses-approve-effect = ⴰⵙⴷⵓⴷⴷⵓ ⵉⵣⵎⵎⴻⵎ ⴰⵎⴹⴰⵏ ⴰⴷ ⵙⴳ ⵉⴷⵔⵉⵎⵏ ⵏ ⵜⴽⵔⴰⴷⵜ ⵉⵙⵙⵓⴼⵖ ⵜ ⴳ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ ⴰⴽⴷ ⵜⵉⵔⵔⵓⵜ ⵏ ⵓⵙⵍⴽⵉⵏ. ⵓⵔ ⵉⵜⵜⵓⵔⴰⵔ.
expenses-approve-confirm = ⵙⴷⵓⴷⴷⵓ ⴰⵙⵙⵓⴼⵖ ⴰⴷ
expenses-reject-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⴳⴳⵉ
expenses-reject-confirm = ⴰⴳⵢ ⴰⵙⵙⵓⴼⵖ ⴰⴷ
list-newer = ⵉⵎⴰⵢⵏⵓⵜⵏ
list-older = ⵉⵇⴱⵓⵔⵏ
expense-status-submitted = ⴰⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⴷⵓⴷⴷⵓ
expense-status-approved = ⵉⵜⵜⵓⵙⴷⵓⴷⴷⵓ
expense-status-rejected = ⵉⵜⵜⵓⴳⴳⴰ
transfer-status-pending = ⴰⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵎ ⵏ ⵓⵎⴰⵙⵙⴰⵏ
transfer-status-confirmed = ⵉⵜⵜⵓⵟⵟⴼ ⵉⵜⵜⵓⵙⵏⵜⵎ
ledger-account-bank = ⵍⴱⴰⵏⴽ
ledger-account-cash = ⵜⴰⵙⵏⴷⵓⵇⵜ
ledger-account-mobile-wallet = ⵜⴰⵇⵔⴰⴱⵜ ⵏ ⵜⵉⵍⵉⴼⵓⵏ
ledger-account-donation-income = ⵜⵓⴼⴽⵉⵡⵉⵏ ⵉⵜⵜⵓⵟⵟⴼⵏ
ledger-account-in-kind-stock = ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⴳ ⵓⵃⵔⴰⵣ
ledger-account-in-kind-income = ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⵟⵟⴼⵏ
ledger-account-programme-expenses = ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵓⵖⴰⵡⴰⵙ
ledger-account-running-costs = ⵉⵙⵙⵓⴼⵖⴰ ⵏ ⵓⵙⵎⵓⵙⵙⵓ
ledger-account-transfers-out = ⵉⵙⵉⵡⴹⵏ ⵉⵜⵜⵓⵣⵏⵣⵏ
ledger-account-transfers-in = ⵉⵙⵉⵡⴹⵏ ⵉⵜⵜⵓⵟⵟⴼⵏ
ledger-source-donation = ⵜⵓⴼⴽⵉⵡⵉⵏ
ledger-source-expense = ⴰⵙⵙⵓⴼⵖ
ledger-source-transfer-out = ⴰⵙⵉⵡⴹ ⵉⵜⵜⵓⵣⵏⵣⵏ
ledger-source-transfer-in = ⴰⵙⵉⵡⴹ ⵉⵜⵜⵓⵟⵟⴼⵏ
transfers-title = ⵉⵙⵉⵡⴹⵏ ⴳⵔ ⵜⵎⵓⵙⵙⵓⵏⵉⵏ
transfers-done-sent = ⵉⵜⵜⵓⵣⵏⵣⵏ ⵓⵙⵉⵡⴹ: ⴰⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵎ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵜⴰⵎⴰⵙⵙⴰⵏⵜ.
transfers-done-confirmed = ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵙⵉⵡⴹ: ⵉⵍⵍⴰ ⴳ ⵉⴷⵉⵡⴰⵏⵏ ⵏ ⵙⵏⴰⵜ ⵜⵎⵓⵙⵙⵓⵏⵉⵏ.
transfers-to-confirm-title = ⵉⵙⵉⵡⴹⵏ ⵏ ⵓⵙⵏⵜⵎ
transfers-to-confirm-none = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵉⵡⴹ ⵉⵜⵜⵔⴰⵊⵓⵏ ⴰⵙⵏⵜⵎ ⵏⵏⵓⵏ.
transfers-date = ⴰⵙⴰⴽⵓⴷ
transfers-from = ⵉⵣⵏⵣⵏ ⵜ
transfers-confirm = ⵙⵏⵜⵎ ⴰⵟⵟⴰⴼ
transfers-confirm-hint = ⵙⵏⵜⵎ ⵖⴰⵙ ⵎⵍⵎⵉ ⵍⵍⴰⵏ ⵉⴷⵔⵉⵎⵏ ⵙ ⵜⵉⴷⵜ ⴳ ⵓⵎⵉⴹⴰⵏ ⵏⵏⵓⵏ: ⵉⴽⵛⵎ ⵓⵙⵉⵡⴹ ⵉⴷⵉⵡⴰⵏⵏ ⵏ ⵙⵏⴰⵜ ⵜⵎⵓⵙⵙⵓⵏⵉⵏ.
transfers-send-title = ⵣⵏⵣⵏ ⴰⵙⵉⵡⴹ
transfers-search = ⵔⵣⵓ ⵜⴰⵎⵓⵙⵙⵓⵏⵜ ⵜⴰⵎⴰⵙⵙⴰⵏⵜ ⵙ ⵉⵙⵎ ⵏⵏⵙ
transfers-to = ⵜⴰⵎⵓⵙⵙⵓⵏⵜ ⵜⴰⵎⴰⵙⵙⴰⵏⵜ
transfers-no-recipient = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵉⵜⵜⵓⵙⵙⵉⴷⴷⵏ ⵉⵎⵢⴰⵏⴰⵙⵏ ⴷ ⵉⵙⵎ ⴰⴷ.
transfers-paid-by-campaign = ⵉⵜⵜⵓⵅⵍⵍⵚ ⵙⴳ ⵜⴽⵔⴰⴷⵜ
transfers-next = ⴽⵎⵎⵍ
transfers-list-title = ⵉⵙⵉⵡⴹⵏ ⵉⵜⵜⵓⵣⵏⵣⵏ ⴷ ⵉⵜⵜⵓⵟⵟⴼⵏ
transfers-none = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵉⵡⴹ ⴰⵔ ⴷⵖⵉ.
transfers-direction = ⴰⵡⴰⵍⵉⵡ
transfers-other = ⵜⴰⵎⵓⵙⵙⵓⵏⵜ ⵢⴰⴹⵏ
transfers-sent = ⵉⵜⵜⵓⵣⵏⵣⵏ
transfers-received = ⵉⵜⵜⵓⵟⵟⴼ
transfers-check-title = ⵥⵕ ⴰⵙⵉⵡⴹ ⵇⴱⵍ ⴰⴷ ⵜ ⵜⵣⵏⵣⵏⴷ
transfers-check-intro = ⵥⵕ ⵎⴰⴷ ⵔⴰⴷ ⵉⵍⵉⵏ ⵇⴱⵍ ⴰⴷ ⵜⵣⵏⵣⵏⴷ.
transfers-check-effect = ⴰⵙⵉⵡⴹ ⴰⵔ ⵉⵜⵜⵔⴰⵊⵓ ⴰⵙⵏⵜⵎ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵜⴰⵎⴰⵙⵙⴰⵏⵜ; ⵎⵍⵎⵉ ⵉⵜⵜⵓⵙⵏⵜⵎ, ⴰⴷ ⵉⴼⴼⵖ ⵓⵎⴹⴰⵏ ⵙⴳ ⵉⴷⵔⵉⵎⵏ ⵏ ⵜⴽⵔⴰⴷⵜ ⵉⵜⵜⵓⵙⵙⵓⴼⵖ ⴳ ⵓⵎⵣⵔⵓⵢ ⴰⵎⴰⵢⵏⵓ.
transfers-send = ⵣⵏⵣⵏ ⴰⵙⵉⵡⴹ
books-title = ⵉⴷⵉⵡⴰⵏⵏ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ
books-trial-balance = ⴰⵙⵎⴽⵍ ⵏ ⵉⴷⵉⵡⴰⵏⵏ
books-balanced = ⵉⵎⵙⴰⵙⴰ: ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⵜⴰⵔⵔⴰⵙ ⵉⵎⵢⴰⵏⴰⵙ ⴷ ⵓⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⵜⴰⵢⵙ.
books-not-balanced = ⵓⵔ ⵉⵎⵙⴰⵙⴰ: ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⵜⴰⵔⵔⴰⵙ ⵉⵎⵢⴰⵏⴰⵡ ⴷ ⵓⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⵜⴰⵢⵙ.
books-account = ⴰⵎⵉⴹⴰⵏ
books-debits = ⴰⵎⵙⵜⴰⵔⵔⴰⵙ
books-credits = ⴰⵎⵙⵜⴰⵢⵙ
books-balance = ⴰⵙⵎⴽⵍ
books-in-kind-stock = ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⵟⵟⴼⵏ
books-journal = ⴰⵎⵣⵔⵓⵢ ⵏ ⵡⴰⵙⵙ
books-all-accounts = ⴰⴽⴽ ⵉⵎⵉⴹⴰⵏⵏ
books-from = ⵙⴳ (ⴰⵙⴰⴽⵓⴷ ⵉⵍⵍⴰ)
books-to = ⴰⵔ (ⴰⵙⴰⴽⵓⴷ ⵉⵍⵍⴰ)
books-show = ⵙⵎⵍ ⴰⵎⵣⵔⵓⵢ
books-journal-empty = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵣⵔⵉⴳ ⵉⵎⵢⴰⵏⴰⵙⵏ ⴷ ⵉⵙⵙⵉⴼⴹⵏ ⴰⴷ.
books-source = ⴰⵣⵎⵎⴻⵎ
books-debit = ⴰⵎⵙⵜⴰⵔⵔⴰⵙ
books-credit = ⴰⵎⵙⵜⴰⵢⵙ
books-reports = ⵉⵏⵇⵇⵉⵙⵏ ⵏ ⵜⴽⵔⴰⴷⵉⵏ
books-report-csv = ⴰⵏⵇⵇⵉⵙ ⵙ CSV
error-invalid-account = ⴰⵎⵉⴹⴰⵏ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏ: ⴼⵔⵏ ⵢⴰⵏ ⴳ ⵜⵍⴳⴰⵎⵜ.
# ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵜⵙⵉⵍⴰ ⴷ ⵉⵏⴰⵎⵎⴰⵙⵏ ⵏ ⵜⵎⵓⵏⵉⵏ
nav-administration = ⴰⵙⵡⵓⴷⴷⵓ
admin-home-title = ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵜⵙⵉⵍⴰ
admin-accounts-title = ⵉⵎⵉⴹⴰⵏⵏ
admin-accounts-hint = ⴰⴼ ⴰⵎⵉⴹⴰⵏ, ⵙⵏⵓⵍⴼⵓ ⵢⴰⵏ, ⵙⵅⵙⵉ ⵜ, ⵏⵖ ⴼⴽ ⴷ ⴽⴽⵙ ⵉⴷⵓⵔⵏ ⵏ ⵜⵙⵉⵍⴰ.
admin-verification-hint = ⵥⵕ ⵉⵏⴰⵎⵎⴰⵙⵏ ⵏ ⴽⵓ ⵜⴰⵎⵓⵏⵜ, ⵙⵙⵉⴷⴷ ⵜⵜ ⵏⵖ ⴰⴳⵉ ⵜⵜ ⵙ ⵜⵎⵏⵜⵉⵍⵜ.
admin-new-account-title = ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ
admin-new-account-hint = ⵓⵔ ⵖⵓⵔ ⵓⵎⵉⴹⴰⵏ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⴰⵔ ⴷⵖⵉ: ⴰⵎⵍⴰ ⵏⵏⵙ ⴰⴷ ⵜⵜ ⵉⵙⵜⵉ ⵙ ⵓⵣⴷⴰⵢ ⵏⵏⴰ ⵉⵜⵜⵓⵣⵏⵏ ⵖⵔ ⵜⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ.
admin-search-label = ⵔⵣⵓ ⵙ ⵜⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⵏⵖ ⵙ ⵢⵉⵙⵎ
admin-no-account = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵉⵎⵙⴰⵙⴰⵏ.
admin-platform-role = ⴰⴷⵓⵔ ⴳ ⵜⵙⵉⵍⴰ
admin-status = ⴰⴷⴷⴰⴷ
admin-status-active = ⵉⵍⵍⴰ ⵉⵜⵜⵡⵓⵔⵉ
admin-status-disabled = ⵉⵜⵜⵓⵙⵅⵙⵉ
admin-previous = ⵉⵎⵉⴹⴰⵏⵏ ⵉⵣⵡⵉⵔⵏ
admin-next = ⵉⵎⵉⴹⴰⵏⵏ ⵉⴹⴼⴰⵕⵏ
admin-role-none = ⵓⵔ ⵉⵍⵍⵉ ⵓⴷⵓⵔ ⴳ ⵜⵙⵉⵍⴰ
admin-competence = ⵜⴰⵣⵎⵔⵜ ⵏ ⵜⵏⴱⴰⴹⵜ
admin-competence-hint = ⵉ ⵓⴷⵓⵔ ⵏ ⵜⵏⴱⴰⴹⵜ ⵖⴰⵙ: ⵜⴰⵏⴱⴰⴹⵜ ⵏⵏⴰ ⵉⵜⵜⴳⴳⴰⵏ ⵜⵓⵔⴰⴳⵉⵏ ⵏ ⵓⵙⵎⵓⵏ ⵏ ⵜⵡⵉⵙⵉ (ⴰⵙⵍⵓⵖ 18-18).
admin-competence-none = ⵓⵍⴰ ⵢⴰⵜ (ⵓⵔ ⵜⴳⵉ ⵜⴰⵏⴱⴰⴹⵜ)
admin-competence-code = ⵜⴰⵙⴳⴰ ⵏⵖ ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵜⵏⴱⴰⴹⵜ
admin-competence-code-hint = ⵜⴰⵙⴳⴰ ⵉ ⵓⵄⴰⵎⵉⵍ, ⵜⴰⵎⵏⴰⴹⵜ ⵉ ⵓⵡⴰⵍⵉ; ⵓⵍⴰ ⵢⴰⵜ ⵉ ⵓⵏⴰⵎⵓⵔ ⴷ ⴱⵕⵕⴰ.
admin-competence-code-none = ⵓⵍⴰ ⵢⴰⵜ (ⴰⵏⴰⵎⵓⵔ ⵏⵖ ⴱⵕⵕⴰ)
admin-regions = ⵜⵉⵎⵏⴰⴹⵉⵏ
admin-create-account = ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ
admin-account-title = ⴰⵎⵉⴹⴰⵏ
admin-created-on = ⵉⵜⵜⵓⵙⵏⵓⵍⴼⴰ ⴳ
admin-own-account = ⵡⴰ ⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ: ⵢⴰⵏ ⵓⵏⵎⵀⴰⵍ ⵢⴰⴹⵏ ⵏ ⵜⵙⵉⵍⴰ ⴰⵢ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜ ⵉⵙⵅⵙⵉ ⵏⵖ ⴰⴷ ⵉⵙⵏⴼⵍ ⴰⴷⵓⵔ ⵏⵏⵙ.
admin-enable-hint = ⴰⵎⵉⴹⴰⵏ ⴰⴷ ⵉⵣⵎⵔ ⴰⴷ ⵉⴽⵛⵎ ⴷⴰⵖ. ⵜⵉⵙⵓⵔⴰ ⵏⵏⵙ ⵏ API ⴰⴷ ⵇⵇⵉⵎⵏⵜ ⵜⵜⵓⴽⴽⴰⵙⵏⵜ.
admin-enable = ⵙⵙⵉⵡⵓⵔⵉ ⴰⵎⵉⴹⴰⵏ
admin-disable-hint = ⴰⵎⵉⴹⴰⵏ ⵓⵔ ⵔⴰⴷ ⵉⵣⵎⵔ ⴰⴷ ⵉⴽⵛⵎ; ⵜⵉⵖⵉⵎⵉⵡⵉⵏ ⵏⵏⵙ ⴰⴷ ⴽⵎⵎⵍⵏⵜ ⴷ ⵜⵉⵙⵓⵔⴰ ⵏⵏⵙ ⵏ API ⴰⴷ ⵜⵜⵓⴽⴽⴰⵙⵏⵜ ⵖⵉⵍⴰⴷ.
admin-disable = ⵙⵅⵙⵉ ⴰⵎⵉⴹⴰⵏ
admin-change-role-title = ⴼⴽ ⵏⵖ ⴽⴽⵙ ⴰⴷⵓⵔ ⴳ ⵜⵙⵉⵍⴰ
admin-role-next = ⴽⵎⵎⵍ
admin-history = ⵉⴱⴷⴷⵍⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⴰ
admin-history-empty = ⵓⵔ ⵉⵜⵜⵓⵙⵊⵊⵍ ⴽⵔⴰ ⵏ ⵓⴱⴷⴷⵍ.
admin-role-check-title = ⵙⵙⵉⴷⴷ ⴰⵙⵏⴼⵍ ⵏ ⵓⴷⵓⵔ
admin-role-check-back = ⴰⵖⵓⵍ ⵖⵔ ⵓⵎⵉⴹⴰⵏ
admin-role-check-hint = ⵥⵕ ⵎⴰⴷ ⵔⴰⴷ ⵉⵜⵜⵓⵙⵏⴼⵍⵏ ⵇⴱⵍ ⴰⴷ ⵜⵙⵏⵜⵎⴷ.
admin-role-now = ⴰⴷⵓⵔ ⵖⵉⵍⴰⴷ
admin-role-after = ⴰⴷⵓⵔ ⴷⴼⴼⵉⵔ ⵓⵙⵏⴼⵍ
admin-role-confirm = ⵙⵏⵜⵎ ⴰⵙⵏⴼⵍ
admin-done-created = ⵉⵜⵜⵓⵙⵏⵓⵍⴼⴰ ⵓⵎⵉⴹⴰⵏ. ⴰⵎⵍⴰ ⵏⵏⵙ ⴰⴷ ⵉⵙⵜⵉ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵙ ⵓⵣⴷⴰⵢ ⵏⵏⴰ ⵉⵜⵜⵓⵣⵏⵏ.
admin-done-disabled = ⵉⵜⵜⵓⵙⵅⵙⵉ ⵓⵎⵉⴹⴰⵏ.
admin-done-enabled = ⵉⵜⵜⵓⵙⵙⵉⵡⵓⵔⵉ ⵓⵎⵉⴹⴰⵏ ⴷⴰⵖ.
admin-done-role-given = ⵉⵜⵜⵓⴼⴽⴰ ⵓⴷⵓⵔ.
admin-done-role-taken = ⵉⵜⵜⵓⴽⴽⴰⵙ ⵓⴷⵓⵔ.
admin-action-created = ⴰⵙⵏⵓⵍⴼⵓ ⵏ ⵓⵎⵉⴹⴰⵏ
admin-action-disabled = ⴰⵙⵅⵙⵉ
admin-action-enabled = ⴰⵙⵙⵉⵡⵓⵔⵉ ⴷⴰⵖ
admin-action-role-given = ⴰⴷⵓⵔ ⵉⵜⵜⵓⴼⴽⴰⵏ: { $role }
admin-action-role-taken = ⴰⴷⵓⵔ ⵉⵜⵜⵓⴽⴽⴰⵙⵏ: { $role }
admin-by-command-line = ⴰⵣⵔⵉⵔⴳ ⵏ ⵜⵏⴹⴹⵉⵡⵉⵏ
error-own-account = ⵓⵔ ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵅⵙⵉⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵏⵖ ⴰⴷ ⵜⵙⵏⴼⵍⴷ ⴰⴷⵓⵔ ⵏⵏⵙ: ⵙⵜⵔ ⵜ ⵙⴳ ⵢⴰⵏ ⵓⵏⵎⵀⴰⵍ ⵢⴰⴹⵏ ⵏ ⵜⵙⵉⵍⴰ.
error-last-platform-admin = ⵜⴰⵙⵉⵍⴰ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵃⴹⵓ ⵢⴰⵏ ⵓⵏⵎⵀⴰⵍ ⵉⵜⵜⵡⵓⵔⵉⵏ: ⴼⴽ ⴰⴷⵓⵔ ⴰⴷ ⵉ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵢⴰⴹⵏ ⵣⵡⴰⵔ.
error-invalid-association-document = ⴰⵏⴰⵎⵎⴰⵙ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⴳ ⴰⴼⵍⵍⵓ PDF, JPEG ⵏⵖ PNG ⵓⵔ ⵉⵣⵔⵉⵏ 2 MB, ⵏⵏⴰ ⵉⵎⵙⴰⵙⴰⵏ ⵓⴳⴱⵓⵔ ⵏⵏⵙ ⴷ ⵡⴰⵏⴰⵡ ⵏⵏⵙ.
error-invalid-document-kind = ⵙⵜⵉ ⴰⵏⴰⵡ ⵏ ⵓⵏⴰⵎⵎⴰⵙ: ⴰⵏⴰⴹ ⴰⵙⵍⵙⴰⴷ, ⴰⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ ⵏⵖ ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵓⵙⵇⵇⵉⵎ.
org-documents = ⵉⵏⴰⵎⵎⴰⵙⵏ ⵏ ⵓⵙⵙⵉⴷⴷ
org-documents-hint = ⵜⴰⵙⵉⵍⴰ ⴰⵔ ⵜⵙⵙⵉⴷⴷ ⵜⴰⵎⵓⵏⵜ ⵙ ⵓⵏⴰⴹ ⵏⵏⵙ ⴰⵙⵍⵙⴰⴷ, ⴰⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ ⵏⵏⵙ ⵙⴳ ⵜⵏⴱⴰⴹⵜ ⵜⴰⴷⵖⴰⵔⴰⵏⵜ ⴷ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵙⵇⵇⵉⵎ ⵏⵏⵙ.
org-documents-empty = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵏⴰⵎⵎⴰⵙ ⴰⵔ ⴷⵖⵉ.
org-document-add = ⵔⵏⵓ ⴰⵏⴰⵎⵎⴰⵙ
org-document-kind = ⴰⵏⴰⵡ ⵏ ⵓⵏⴰⵎⵎⴰⵙ
org-document-file = ⴰⴼⵍⵍⵓ
org-document-file-hint = PDF, JPEG ⵏⵖ PNG, ⴰⵔ 2 MB.
org-document-upload = ⵔⵏⵓ ⴰⵏⴰⵎⵎⴰⵙ
org-document-size = ⵜⵉⴷⴷⵉ { $kb } KB
org-done-document-added = ⵉⵜⵜⵓⵔⵏⴰ ⵓⵏⴰⵎⵎⴰⵙ.
document-kind-statutes = ⴰⵏⴰⴹ ⴰⵙⵍⵙⴰⴷ
document-kind-declaration-receipt = ⴰⵡⵚⵍ ⵏ ⵓⵙⵏⵖⵎⵙ
document-kind-board-list = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵓⵙⵇⵇⵉⵎ
verify-no-documents = ⵜⴰⵎⵓⵏⵜ ⴰ ⵓⵔ ⵜⴼⴽⵉ ⴽⵔⴰ ⵏ ⵓⵏⴰⵎⵎⴰⵙ ⴰⵔ ⴷⵖⵉ.
home-expense-to-approve = ⵜⴰⵙⵇⵇⵉⵎⵜ ⵉⵜⵜⵔⴰⵊⴰⵏ ⴰⵙⵎⵎⵓⵜⵜⴳ ⵏⵏⵓⵏ
home-transfer-to-confirm = ⴰⵙⵎⴷⴷⵓ ⵉⵜⵜⵔⴰⵊⴰⵏ ⴰⵙⵙⵏⵜⵎ ⵏⵏⵓⵏ
file-fingerprint = ⴰⵙⵎⴰⵍ ⵏ ⵓⴼⵍⵍⵓ

# Crisis coordination: the incident board, pledges, contacts and triage.
nav-triage = ⵜⵉⵔⴳⵉⵍⵉⵏ ⵏ ⵓⵙⵎⵓⵜⵜⴳ
board-title = ⵜⴰⴼⵍⵡⵉⵜ ⵏ ⵜⵔⴳⵉⵍⵜ
board-incidents = ⵜⵉⵔⴳⵉⵍⵉⵏ
board-back-home = ⵜⴰⵙⵏⴰ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵏ ⵜⵎⵓⵏⵜ
board-back-declaration = ⵜⴰⵔⴳⵉⵍⵜ, ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵏⵏⵙ ⴷ ⵉⴷⵡⴰⵔⵏ ⵏⵏⵙ
board-triage-needs = ⵙⵎⵢⴰⵣ ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⵏ ⵜⵔⴳⵉⵍⵜ
board-done-pledged = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵡⴰⵄⴷ ⵏⵏⵓⵏ.
board-done-pledged-covered = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵡⴰⵄⴷ ⵏⵏⵓⵏ, ⵎⴰⵛⴰ ⵜⴰⵎⵙⵙⵓⵔⵜ ⴰⴷ ⵜⵜⵓⴳⴷⵍ ⵣⵉⴽ, ⵜⵉⵎⵙⵙⵓⵔⵉⵏ ⵢⴰⴹⵏⵉⵏ ⵇⵇⵉⵎⵏⵜ ⵜⵜⵔⴰⴵⵓⵏⵜ. ⵥⵔⴰⵜ ⴰⵅⵚⴰⵚ ⴷⴷⴰⵡ.
board-queue = ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⵙ ⵜⵣⵡⴰⵔⵜ
board-queue-hint = ⵜⵉⵙⵜⵜⵉⵔⵉⵏ ⵉⵕⵥⵎⵏ, ⵙⴳ ⵜⵏⵏⴰ ⵢⵓⴳⵔⵏ ⴰⵔ ⵜⵏⵏⴰ ⵉⴷⵔⵓⵙⵏ. ⵜⴰⵣⵡⴰⵔⵜ ⵙⴳ 100: ⴰⵙⵖⵓⵍ, ⵎⵉⴷⴷⵏ, ⴰⵔⴰⴵⵓ ⴷ ⵓⵅⵚⴰⵚ ⵏ ⵜⵎⵙⵙⵓⵔⵜ.
board-all-communes = ⴰⴽⴽⵯ ⵜⵉⵎⵙⵙⵓⵔⵉⵏ
board-filter = ⵙⵎⵢⴰⵣ
board-queue-empty = ⵓⵍⴰ ⵜⴰⵙⵜⵜⵉⵔⵜ ⵉⵕⵥⵎⵏ.
board-next = ⵜⵉⴹⴼⴰⵕⵉⵏ
board-need = ⵜⴰⵙⵜⵜⵉⵔⵜ
board-priority = ⵜⴰⵣⵡⴰⵔⵜ
board-priority-explained = ⴰⵙⵖⵓⵍ { $urgency } + ⵎⵉⴷⴷⵏ { $vulnerability } + ⴰⵔⴰⴵⵓ { $waiting } + ⴰⵅⵚⴰⵚ { $gap }
board-status = ⴰⴷⴷⴰⴷ
board-action = ⵜⵉⴳⴰⵡⵜ
board-possible-duplicate = ⵜⴰⵍⵙⵉⵜ ⵏ
board-pledge = ⴰⵡⴰⵄⴷ
board-contact = ⴰⵙⵉⵡⵍ
board-triage = ⵙⵎⵢⴰⵣ
board-douar-coverage = ⴰⵅⵚⴰⵚ ⵙ ⵓⴷⵡⴰⵔ
pledge-title = ⴰⵡⴰⵄⴷ ⵙ ⵓⴳⴷⴰⵍ ⵏ ⵜⵙⵜⵜⵉⵔⵜ
pledge-households = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵍⵍⵉ ⵔⴰⴷ ⵜⴳⴷⵍⵎ
pledge-households-hint = ⵜⴰⵙⵜⵜⵉⵔⵜ ⴰⴷ ⵖⵓⵔⵙ { $n } ⵜⵡⵊⵊⴰⵡⵉⵏ. ⵜⵣⵎⵔⵎ ⴰⴷ ⵜⴰⵡⴰⵄⴷⵎ ⵙ ⴽⵔⴰ ⴳⵉⵙⵏⵜ, ⵓⵔ ⵓⴳⴳⴰⵔ.
pledge-description = ⵎⴰⴷ ⵔⴰⴷ ⵜⴰⵡⵉⵎ
pledge-description-hint = ⵙ ⵓⵎⴷⵢⴰ 12 ⵏ ⵜⵉⵅⵉⵎⵉⵏ ⴷ ⵉⵃⵓⵍⴰ.
pledge-due-on = ⴰⵔ ⵡⴰⵙⵙ
pledge-submit = ⵣⵎⵎⴻⵎ ⴰⵡⴰⵄⴷ
error-pledge-beyond-need = ⵓⵔ ⵜⵣⵎⵉⵔⵎ ⴰⴷ ⵜⴰⵡⴰⵄⴷⵎ ⵙ ⵓⴳⴳⴰⵔ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ ⵏ ⵜⵙⵜⵜⵉⵔⵜ.
contact-title = ⴰⵙⵉⵡⵍ ⵏ ⵡⵏⵏⴰ ⵉⵙⵙⴰⵍⵉⵏ ⵜⴰⵙⵜⵜⵉⵔⵜ
contact-recorded = ⵜⵖⵓⵔⵉ ⴰⴷ ⵜⵜⵓⵣⵎⵎⴻⵎ. ⴰⵎⴷⴷⴰⴽⴽⵯⵍ ⴰⴷ ⵉⵥⵕ ⵉⵙⵎ ⵏ ⵜⵎⵓⵏⵜ ⵏⵏⵓⵏ ⴷ ⵓⵙⴰⴽⵓⴷ.
contact-name = ⵉⵙⵎ
contact-phone = ⵜⵉⵍⵉⴼⵓⵏ
triage-title = ⵙⵎⵢⴰⵣ ⵜⴰⵙⵜⵜⵉⵔⵜ
triage-this-need = ⵜⴰⵙⵜⵜⵉⵔⵜ ⴰⴷ
triage-verify = ⵙⵏⵜⵍ ⵜⴰⵙⵜⵜⵉⵔⵜ
triage-likely-duplicate = ⵜⴰⵙⵜⵜⵉⵔⵜ ⵍⵍⵉ ⵜⵍⵙⴰ ⵙ ⵓⵎⵣⵔⵓⵢ
triage-reasons = ⵎⴰⵅ ⴰⴷ ⴳⴰⵏⵜ ⵢⴰⵜ
triage-reason-same-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵏⵏⵉⵜ
triage-reason-same-douar = ⴰⴷⵡⴰⵔ ⵏⵏⵉⵜ
triage-reason-no-douar = ⵓⵍⴰ ⵢⴰⵜ ⵓⵔ ⵜⵙⵎⵎⴰ ⴰⴷⵡⴰⵔ
triage-reason-same-category = ⵜⴰⵙⵜⵜⵉⵔⵜ ⵏⵏⵉⵜ
triage-reason-close-in-time = ⵜⵜⵓⵙⵙⴰⵍⵉⵏⵜ ⴷⴷⴰⵡ ⵏ ⴽⵕⴰⴹ ⵡⵓⵙⵙⴰⵏ
triage-reason-close-points = ⴳⵔⴰⵜⵙⵏⵜ ⴷⴷⴰⵡ ⵏ ⵙⵉⵏ ⵉⴽⵉⵍⵓⵎⵉⵜⵔⵏ
triage-merge = ⵙⵎⵓⵏ ⴷ ⵜⵙⵜⵜⵉⵔⵜ ⵍⵍⵉ ⵜⵍⵙⴰ
triage-merge-into = ⵓⵟⵟⵓⵏ ⵏ ⵜⵙⵜⵜⵉⵔⵜ ⵍⵍⵉ ⵉⵇⵇⵉⵎⵏ
triage-merge-hint = ⵜⴰⵙⵜⵜⵉⵔⵜ ⴰⴷ ⴰⴷ ⵜⴼⴼⵖ ⵙⴳ ⵓⵙⵉⴹⵏ, ⵉⵡⴰⵄⴷⵏ ⵏⵏⵙ ⴰⴷ ⵣⵔⵉⵏ ⵖⵔ ⵜⵙⵜⵜⵉⵔⵜ ⵍⵍⵉ ⵉⵇⵇⵉⵎⵏ.
triage-merge-submit = ⵙⵎⵓⵏ
triage-assign = ⴼⴽ ⵜⴰⵙⵜⵜⵉⵔⵜ ⵉ ⵜⵎⵓⵏⵜ
triage-assign-to = ⵜⴰⵎⵓⵏⵜ ⵉⵜⵜⵓⵙⵏⵜⵍⵏ ⴳ ⵜⵙⴳⴰ
triage-assign-hint = ⴰⴷ ⵜⵣⵎⵔ ⴰⴷ ⵜⵖⵔ ⴰⵙⵉⵡⵍ ⵏ ⵡⵏⵏⴰ ⵉⵙⵙⴰⵍⵉⵏ ⵜⴰⵙⵜⵜⵉⵔⵜ. ⴽⵕⴰⴹ ⵜⵎⵓⵏⵉⵏ ⵖⴰⵙ.
triage-assign-submit = ⴼⴽ ⵜⴰⵙⵜⵜⵉⵔⵜ
triage-assigned-by-pledge = ⵙ ⵓⵡⴰⵄⴷ ⵏⵏⵙ
triage-assigned-by-authority = ⵙ ⵓⴷⵓⵍ
triage-reported-at = ⵜⵜⵓⵙⵙⴰⵍⵉ ⴳ
triage-description = ⴰⴳⵍⴰⵎ
triage-done-verified = ⵜⵜⵓⵙⵏⵜⵍ ⵜⴰⵙⵜⵜⵉⵔⵜ.
triage-done-merged = ⵜⵜⵓⵙⵎⵓⵏ ⵜⵍⵙⵉⵜ ⴷ ⵜⵙⵜⵜⵉⵔⵜ ⴰⴷ.
triage-done-assigned = ⵜⵜⵓⴼⴽⴰ ⵜⵙⵜⵜⵉⵔⵜ ⵉ ⵜⵎⵓⵏⵜ.
## ⴰⵎⵓⵙⵙⵓ: ⵜⵉⵡⵊⵊⴰⵡⵉⵏ, ⵉⴼⴰⵢⵍⵓⵜⵏ, ⵉⵙⵏⵖⵓⵍⵏ
registry-households-title = ⴰⵎⵓⵙⵙⵓ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ
registry-back-to-association = ⴰⵖⵓⵍ ⵖⵔ ⵜⵎⵙⵎⵓⵏⵜ
registry-done-registered = ⵜⵜⵓⵣⵎⵎⴻⵎ ⵜⵡⵊⴰ.
registry-open-household = ⵕⵥⵎ ⴰⴼⴰⵢⵍⵓ ⵏⵏⵙ
registry-register = ⵣⵎⵎⴻⵎ ⵜⴰⵡⵊⴰ
registry-import = ⴰⴽⵛⵎ ⵏ ⵓⴼⴰⵢⵍⵓ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ
registry-duplicates = ⵉⵙⵏⵖⵓⵍⵏ ⵏ ⵓⵙⵎⵖⵔ
registry-search-name = ⵉⵙⵎ ⵏ ⵢⴰⵏ ⵓⴳⵎⴰⵎ
registry-search-name-hint = ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵄⵔⴰⴱⵏ, ⵉⵍⴰⵜⵉⵏⵏ ⵏⵖ ⵜⵉⴼⵉⵏⴰⵖ: ⵜⵉⵔⴰ ⵏ ⵢⴰⵏ ⵉⵙⵎ ⵜⵜⵎⵢⴰⴼⴰⵏⵜ.
registry-reference = ⴰⵙⵙⵓⴳⵓⵔ
registry-commune = ⵜⴰⵎⵙⵙⵓⵔⵜ
registry-douar = ⴰⴷⵡⴰⵔ
registry-programme = ⴰⵖⴰⵡⴰⵙ
registry-any = ⴰⴽⴽⵯ
registry-status = ⴰⴷⴷⴰⴷ
registry-status-active = ⵉⵍⵍⴰ
registry-status-anonymized = ⵉⵜⵜⵓⴽⴽⵙ ⵢⵉⵙⵎ
registry-search = ⵔⵣⵓ
registry-none = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵡⵊⴰ ⵉⵎⵙⴰⵙⴰⵏ.
registry-head = ⴰⵎⵖⴰⵔ ⵏ ⵜⵡⵊⴰ
registry-place = ⴰⴷⵖⴰⵔ
registry-members = ⵉⴳⵎⴰⵎⵏ
registry-register-hint = ⴰⵔⵓ ⵜⴰⵡⵊⴰ ⴷ ⵉⴳⵎⴰⵎⵏ ⵏⵏⵙ, ⵙⵔⵙ ⵜⵣⵎⵎⴻⵎⴷ ⵜ. ⵓⵔ ⵉⵜⵜⵓⵃⴹⴰ ⵡⴰⵍⵓ ⴰⴷ ⵉⵍⵍⴰ ⵢⴰⵏ ⵉⴳⵔ ⵉⵇⵇⴰⵏ ⴰⵙⵖⵓⴷⵙ.
registry-household = ⵜⴰⵡⵊⴰ
registry-commune-hint = ⴰⵏⴰⵎⵍ ⵏⵏⵙ (ⵎⴷ. 07.041.07.05) ⵏⵖ ⵉⵙⵎ ⵏⵏⵙ.
registry-address = ⴰⵏⵙⴰ
registry-damage = ⵉⵅⵙⵔⵏ ⵏ ⵜⴰⴷⴷⴰⵔⵜ
registry-consent = ⴰⵎⵙⴰⵡⴰⵍ
registry-consent-hint = ⵎⴰⵅ ⴰⵔ ⵜⵜⵓⵙⵎⵔⴰⵙⵏⵜ ⵜⵎⵓⵖⵍⵉⵡⵉⵏ ⵏ ⵜⵡⵊⴰ, ⴷ ⵖⴼ ⵎⴰⵏⵉ ⴰⵙⵍⵙⵓ (ⴰⵙⵍⴽⵉⵏ 09-08).
registry-purpose = ⴰⵏⵉⵜ
registry-basis = ⴰⵙⵍⵙⵓ ⴰⵙⵍⴽⵉⵏ
registry-channel = ⵎⴰⵎⴽ ⵜⵜⵓⴼⴽⴰ
registry-members-hint = ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ ⵉ ⵢⴰⵏ ⵓⴳⵎⴰⵎ; ⴰⵊⵊ ⵉⵣⵔⵉⵔⴳⵏ ⵢⵓⴳⵔⵏ ⵅⵡⴰⵏ. ⵜⴰⵡⵊⴰ ⵖⵓⵔⵙ ⵢⴰⵏ ⵓⵎⵖⴰⵔ ⵖⴰⵙ.
registry-member-n = ⴰⴳⵎⴰⵎ { $n }
registry-register-submit = ⵣⵎⵎⴻⵎ ⵜⴰⵡⵊⴰ
registry-more-rows = ⵓⴳⴳⴰⵔ ⵏ ⵉⵣⵔⵉⵔⴳⵏ ⵏ ⵉⴳⵎⴰⵎⵏ
registry-given-name-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
registry-family-name-ar = ⵉⵙⵎ ⵏ ⵜⵡⵊⴰ ⵙ ⵜⵄⵔⴰⴱⵜ
registry-given-name-lat = ⵉⵙⵎ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵏ
registry-family-name-lat = ⵉⵙⵎ ⵏ ⵜⵡⵊⴰ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵏ
registry-sex = ⴰⵏⴰⵡ
registry-choose = ⴼⵔⵏ
registry-birth-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ
registry-relation = ⴰⵣⴷⴰⵢ ⴷ ⵓⵎⵖⴰⵔ ⵏ ⵜⵡⵊⴰ
registry-disability = ⵜⴰⵏⵇⵇⵉⵙⵜ
registry-schooling = ⴰⵖⵓⵔ
registry-cin = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ
registry-phone = ⵜⵉⵍⵉⴼⵓⵏ
registry-idcs = ⴰⵎⵙⵙⵏⴰⵢ ⴰⵏⵓⵎⴰⵏ ⴰⵖⵔⴼⴰⵏ
registry-rectify-title = ⵙⵖⵓⴷⵙ ⵜⵉⵎⵓⵖⵍⵉⵡⵉⵏ ⵏ ⵢⴰⵏ ⵓⴳⵎⴰⵎ
registry-rectify-hint = ⴰⵣⵔⴼ ⵏ ⵓⵙⵖⵓⴷⵙ (ⴰⵙⵍⴽⵉⵏ 09-08): ⴰⵙⵖⵓⴷⵙ ⵉⵜⵜⵓⵃⴹⴰ ⴰⴽⴷ ⵜⵎⵏⵜⵉⵍⵜ ⵏⵏⵙ, ⴱⵍⴰ ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵜⵉⵇⴱⵓⵔⴰⵏ.
registry-rectify-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ ⵏ ⵓⵙⵖⵓⴷⵙ
registry-rectify-reason-hint = ⵎⴷ.: ⵜⵓⵜⵔⴰ ⵏ ⵜⵡⵊⴰ, ⴰⵏⴰⵎⵎⴰⵙ ⵏ ⵡⴰⴷⴷⴰⴷ ⴰⵖⵔⴼⴰⵏ.
registry-rectify-submit = ⵃⴹⵓ ⴰⵙⵖⵓⴷⵙ
registry-rectify = ⵙⵖⵓⴷⵙ
registry-consents = ⵉⵎⵙⴰⵡⴰⵍⵏ
registry-none-yet = ⵡⴰⵍⵓ ⴰⵔ ⴷⵖⵉ.
registry-recorded = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴳ
registry-withdrawn = ⴰⵙⵙⵉⵜⵜⵢ
registry-withdrawn-on = ⵉⵜⵜⵓⵙⵙⵉⵜⵜⵢ ⴳ
registry-standing = ⵉⵍⵍⴰ
registry-decisions = ⵜⵉⵖⵜⴰⵙⵉⵏ ⵏ ⵉⵖⴰⵡⴰⵙⵏ
registry-eligible = ⵜⵙⵡⵓⵜⵜⴰ
registry-not-eligible = ⵓⵔ ⵜⵙⵡⵓⵜⵜⴰ
registry-indexes = ⵉⵎⵎⴰⵍⵏ ⵉⵏⴰⵎⵓⵏⵏ-ⵉⴷⵎⴰⵙⵏ
registry-deliveries = ⵜⵉⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⵎⵥⵏ
registry-grievances = ⵜⵉⵖⵓⵔⵉⵡⵉⵏ
registry-name = ⵉⵙⵎ
registry-identifiers = ⵉⵎⵙⵙⵏⴰⵢⵏ
registry-export = ⵎⴰⵢⴷ ⵏⵃⴹⴰ ⵖⴼ ⵜⵡⵊⴰ
registry-corrections = ⵉⵙⵖⵓⴷⵙⵏ
registry-withdraw-title = ⵙⵙⵉⵜⵜⵢ ⴰⵎⵙⴰⵡⴰⵍ
registry-withdraw-hint = ⵜⵣⵎⵔ ⵜⵡⵊⴰ ⴰⴷ ⵜⵙⵙⵉⵜⵜⵢ ⴰⵎⵙⴰⵡⴰⵍ ⵏⵏⵙ ⴳ ⴽⵔⴰ ⵏ ⵜⵉⵣⵉ; ⴰⵙⵙⵉⵜⵜⵢ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵙ ⵓⵙⴰⴽⵓⴷ ⵏⵏⵙ.
registry-withdraw = ⵙⵙⵉⵜⵜⵢ ⴰⵎⵙⴰⵡⴰⵍ
registry-access-log = ⵎⴰ ⵉⵖⵔⴰⵏ ⵜⵉⵎⵓⵖⵍⵉⵡⵉⵏ ⴰ
registry-access-log-hint = ⴽⵓ ⵜⵉⵖⵔⵉ ⵏ ⵜⵎⵓⵖⵍⵉⵡⵉⵏ ⵜⵉⵏⵎⵎⴰⵍⴰⵢⵉⵏ ⵏ ⵜⵡⵊⴰ ⵜⵜⵓⵣⵎⵎⴻⵎ ⴷⴰ.
registry-when = ⵎⴰⵔⴰ
registry-who = ⵎⴰ
registry-what = ⵎⴰⵜⵜⴰ
registry-why = ⵎⴰⵅ
registry-done-withdrawn = ⵉⵜⵜⵓⵙⵙⵉⵜⵜⵢ ⵓⵎⵙⴰⵡⴰⵍ.
registry-done-rectified = ⵉⵜⵜⵓⵃⴹⴰ ⵓⵙⵖⵓⴷⵙ.
registry-reader-platform = ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵜⵖⵔⵖⴰⵔⵜ
registry-export-intro = ⴽⵓⵍⵍⵓ ⵎⴰⵢⴷ ⵜⵃⴹⴰ ⵜⵎⵙⵎⵓⵏⵜ ⵖⴼ ⵜⵡⵊⴰ (ⴰⵙⵍⴽⵉⵏ 09-08, ⴰⵣⵔⴼ ⵏ ⵓⴽⵛⵛⵓⵎ). ⵜⵉⵖⵔⵉ ⴰ ⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵍⴰ ⵏⵜⵜⴰⵜ.
registry-printed-on = ⵉⵜⵜⵓⵙⵙⵉⵔⵎ ⴳ
registry-export-rights = ⵜⵣⵎⵔ ⵜⵡⵊⴰ ⴰⴷ ⵜⵜⵔ ⵙⴳ ⵜⵎⵙⵎⵓⵏⵜ ⴰⵙⵖⵓⴷⵙ ⵏ ⵜⵎⵓⵖⵍⵉⵡⵉⵏ ⵏⵏⵙ ⴷ ⵓⵙⵙⵉⵜⵜⵢ ⵏ ⵓⵎⵙⴰⵡⴰⵍ ⵏⵏⵙ.
registry-import-hint = ⴰⴼⴰⵢⵍⵓ ⵉⵜⵜⵓⵙⵏⵇⵙ ⴷⵉ ⵜⵉⵣⵡⵓⵔⵉ ⴱⵍⴰ ⴰⴽⵛⵎ ⵏ ⵡⴰⵍⵓ; ⵙⵔⵙ ⵜⴼⵔⵏⴷ ⴰⴷ ⵜⵙⴽⵛⵎⴷ ⴽⵓⵍⵍⵓ ⵏⵖ ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵖⵓⴷⴰⵏ ⵖⴰⵙ.
registry-import-file = ⴰⴼⴰⵢⵍⵓ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ
registry-import-file-hint = ⴰⴼⴰⵢⵍⵓ CSV ⵏⵖ ⴰⵙⵎⵉⴹⴰⵏ ⵏ ⵜⴼⵍⵡⵉⵏ (ⵜⴰⴼⵍⵡⵉⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ), 16 MB ⵖⴰⵙ.
registry-import-check = ⵙⵏⵇⵙ ⴰⴼⴰⵢⵍⵓ
registry-import-report = ⴰⵙⵏⵇⵙ ⵏ ⵓⴼⴰⵢⵍⵓ
registry-import-report-hint = ⵓⵔ ⵉⵜⵜⵓⵙⴽⵛⵎ ⵡⴰⵍⵓ ⴰⵔ ⴷⵖⵉ. ⴽⵓ ⴰⵣⵔⵉⵔⴳ ⵓⵔ ⵉⵖⵓⴷⵏ ⵉⵜⵜⵓⴼⴽⴰ ⴰⴽⴷ ⵉⴳⵔ ⵏⵏⵙ ⴷ ⵜⵎⵏⵜⵉⵍⵜ.
registry-import-valid = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵖⵓⴷⴰⵏ
registry-import-persons = ⵉⵎⴷⴷⵓⴽⴰⵍ ⴳ ⵜⵡⵊⵊⴰⵡⵉⵏ ⴰ
registry-import-invalid = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵓⵔ ⵉⵖⵓⴷⵏ
registry-import-errors = ⵜⵓⵣⴳⵉⵍⵉⵏ
registry-import-row = ⴰⵣⵔⵉⵔⴳ
registry-import-field = ⴰⵙⵡⴰⵔ
registry-import-reason = ⵜⴰⵎⵏⵜⵉⵍⵜ
registry-import-how = ⵎⴰⵢⴷ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵙⴽⵛⵎ?
registry-import-all = ⴰⴼⴰⵢⵍⵓ ⴰⴽⴽⵯ (ⵖⴰⵙ ⵎⴽ ⵓⵔ ⵖⵓⵔⵙ ⴽⵔⴰ ⵏ ⵜⵓⵣⴳⵍⵜ)
registry-import-submit = ⵙⴽⵛⵎ
registry-import-nothing = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵡⵊⴰ ⵉⵖⵓⴷⴰⵏ: ⵙⵖⵓⴷⵙ ⴰⴼⴰⵢⵍⵓ ⵜⴰⵣⵏⴷ ⵜ ⴷⴰⵖ.
duplicates-title = ⵉⵙⵏⵖⵓⵍⵏ ⵉⵣⵎⵔⵏ
duplicates-hint = ⵙⵉⵏ ⵉⴼⴰⵢⵍⵓⵜⵏ ⵉⵜⵜⴰⴱⵏ ⵢⴰⵏ ⵓⵎⴷⴷⴰⴽⵯⵍ, ⴰⴽⴷ ⵜⵎⵏⵜⵉⵍⵉⵏ. ⴳ ⵜⴰⵖⵜⴰⵙⵜ ⴷⴼⴼⵉⵔ ⵓⵙⵏⵇⵙ ⴰⴽⴷ ⵜⵡⵊⴰ.
duplicates-search = ⵔⵣⵓ ⵉⵙⵏⵖⵓⵍⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ
duplicates-none = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵙⵏⵖⵓⵍ ⵉⵜⵜⵔⴰⵊⵓⵏ.
duplicates-pair = ⵜⴰⵢⵓⴳⵜ ⵙ ⵜⵏⵇⵇⵉⴹⵜ { $score }
duplicates-field = ⵉⴳⵔ
duplicates-first = ⴰⴼⴰⵢⵍⵓ ⴰⵎⵣⵡⴰⵔⵓ
duplicates-second = ⴰⴼⴰⵢⵍⵓ ⵡⵉⵙ ⵙⵉⵏ
duplicates-reasons = ⵎⴰⵅ ⵎⵢⴰⵏⴰⵍⵏ
duplicates-same = ⵢⴰⵏ ⵓⵎⴷⴷⴰⴽⵯⵍ
duplicates-different = ⵙⵉⵏ ⵉⵎⴷⴷⵓⴽⴰⵍ ⵉⵎⵣⴰⵔⴰⵢⵏ
duplicates-done-same = ⵜⵜⵓⴳⴰ ⵜⵖⵜⴰⵙⵜ: ⵢⴰⵏ ⵓⵎⴷⴷⴰⴽⵯⵍ. ⴰⴼⴰⵢⵍⵓ ⴰⵎⴳⴳⴰⵔⵓ ⵓⵔ ⴰⵔ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ.
duplicates-done-different = ⵜⵜⵓⴳⴰ ⵜⵖⵜⴰⵙⵜ: ⵙⵉⵏ ⵉⵎⴷⴷⵓⴽⴰⵍ ⵉⵎⵣⴰⵔⴰⵢⵏ. ⵜⴰⵢⵓⴳⵜ ⵓⵔ ⴷ ⴰⵔ ⵜⵜⵓⵙⵓⵎⵔ.
registry-done-imported =
    { PLURAL($count) ->
        [one] ⵜⵜⵓⵙⴽⵛⵎ { $count } ⵏ ⵜⵡⵊⴰ
       *[other] ⵜⵜⵓⵙⴽⵛⵎⵏⵜ { $count } ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ
    }
registry-import-more-errors =
    { PLURAL($count) ->
        [one] ⴷ { $count } ⵏ ⵜⵓⵣⴳⵍⵜ ⵢⴰⴹⵏ
       *[other] ⴷ { $count } ⵏ ⵜⵓⵣⴳⵍⵉⵏ ⵢⴰⴹⵏⵉⵏ
    }
registry-import-valid-only =
    { PLURAL($count) ->
        [one] ⵜⴰⵡⵊⴰ ⵉⵖⵓⴷⴰⵏ ⵖⴰⵙ ({ $count })
       *[other] ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵖⵓⴷⴰⵏ ⵖⴰⵙ ({ $count })
    }
duplicates-done-searched =
    { PLURAL($count) ->
        [one] { $count } ⵏ ⵜⵢⵓⴳⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ
       *[other] { $count } ⵏ ⵜⵢⵓⴳⵉⵏ ⵜⵉⵎⴰⵢⵏⵓⵜⵉⵏ
    }
error-consent-not-standing = ⵜⴰⵡⵊⴰ ⴰ ⵓⵔ ⵖⵓⵔⵙ ⴰⵎⵙⴰⵡⴰⵍ ⵉⵍⵍⴰⵏ ⵉ ⵓⵏⵉⵜ ⴰ.
error-file-not-household-file = ⴼⵔⵏ ⴰⴼⴰⵢⵍⵓ CSV ⵏⵖ ⴰⵙⵎⵉⴹⴰⵏ ⵏ ⵜⴼⵍⵡⵉⵏ.
error-import-has-errors = ⴰⴼⴰⵢⵍⵓ ⵖⵓⵔⵙ ⵜⵓⵣⴳⵍⵉⵏ: ⵙⴽⵛⵎ ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵖⵓⴷⴰⵏ ⵖⴰⵙ ⵏⵖ ⵙⵖⵓⴷⵙ ⵜ.
registry-sex-f = ⵜⴰⵏⵜⵜⵓⵜ
registry-sex-m = ⴰⵎⵢⴰ
registry-relation-head = ⴰⵎⵖⴰⵔ ⵏ ⵜⵡⵊⴰ
registry-relation-spouse = ⴰⵎⵢⴰⵍ
registry-relation-child = ⴰⵔⴱⴰ
registry-relation-parent = ⴰⵎⴰⵔⵡ
registry-relation-sibling = ⴳⵯⵎⴰ ⵏⵖ ⵓⵍⵜⵎⴰ
registry-relation-grandchild = ⴰⵎⵣⵡⴰⵔ ⵏ ⵓⵔⴱⴰ
registry-relation-other-relative = ⴰⵎⴷⴷⴰⴽⵯⵍ ⵏ ⵜⵡⵊⴰ ⵢⴰⴹⵏ
registry-relation-not-related = ⴱⵍⴰ ⴰⵣⴷⴰⵢ
registry-disability-none = ⵡⴰⵍⵓ
registry-disability-physical = ⵜⴰⴷⴷⴰⵙⴰⵏⵜ
registry-disability-sensory = ⵜⴰⵏⴰⴼⵓⵍⵜ
registry-disability-intellectual = ⵜⴰⵎⵏⴰⵍⵜ
registry-disability-mental = ⵜⴰⵏⴼⵙⴰⵏⵜ
registry-disability-multiple = ⵜⵓⴳⵜ
registry-schooling-none = ⵓⵔ ⵉⵖⵔⵉ
registry-schooling-preschool = ⴰⵙⵍⵎⴷ ⴰⵎⵣⵡⴰⵔⵓ
registry-schooling-primary = ⴰⵙⵍⵎⴷ ⴰⵏⵎⵣⵡⴰⵔⵓ
registry-schooling-lower-secondary = ⴰⵙⵍⵎⴷ ⴰⵏⴰⵎⵎⴰⵙ
registry-schooling-upper-secondary = ⴰⵙⵍⵎⴷ ⴰⵙⵡⵉⵏ
registry-schooling-higher = ⴰⵙⵍⵎⴷ ⴰⵏⴰⴼⵍⵍⴰ
registry-schooling-vocational = ⴰⵙⵎⵓⵜⵜⴳ ⴰⵎⵙⵡⵓⵔⵉ
registry-damage-none = ⵡⴰⵍⵓ
registry-damage-partial = ⵉⴳⵣⵣⵓⵎⵏ
registry-damage-total = ⵜⴰⴷⴷⴰⵔⵜ ⵜⵕⵥⵎ
registry-purpose-registration = ⴰⵣⵎⵎⴻⵎ ⴳ ⵓⵎⵓⵙⵙⵓ
registry-purpose-programme-enrollment = ⴰⵣⵎⵎⴻⵎ ⴳ ⵉⵖⴰⵡⴰⵙⵏ
registry-purpose-payments = ⵉⵅⵍⵍⴰⵚⵏ
registry-purpose-duplicate-check = ⴰⵔⵣⵣⵓ ⵏ ⵉⵙⵏⵖⵓⵍⵏ
registry-basis-consent = ⴰⵎⵙⴰⵡⴰⵍ
registry-basis-legal-obligation = ⴰⵙⵙⵓⵔⵙ ⴰⵙⵍⴽⵉⵏ
registry-basis-vital-interest = ⵜⴰⵏⴼⵓⵜ ⵜⴰⴷⵔⵓⵙⵜ
registry-basis-public-interest = ⵜⴰⵏⴼⵓⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ
registry-channel-paper = ⵖⴼ ⵜⴽⵔⴹⵉⵙⵜ
registry-channel-in-person = ⵙ ⵉⵎⴰⵏ
registry-channel-phone = ⵙ ⵜⵉⵍⵉⴼⵓⵏ
registry-channel-sms = ⵙ ⵜⵓⵣⵉⵏⵜ ⵜⴰⵎⵥⵥⵢⴰⵏⵜ
registry-channel-ussd = ⵙ ⵉⵏⴰⵎⵍⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ
registry-channel-web = ⵙ ⵓⵣⵟⵟⴰ
registry-field-given-name-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
registry-field-family-name-ar = ⵉⵙⵎ ⵏ ⵜⵡⵊⴰ ⵙ ⵜⵄⵔⴰⴱⵜ
registry-field-given-name-lat = ⵉⵙⵎ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵏ
registry-field-family-name-lat = ⵉⵙⵎ ⵏ ⵜⵡⵊⴰ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵏ
registry-field-sex = ⴰⵏⴰⵡ
registry-field-birth-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ
registry-field-relation = ⴰⵣⴷⴰⵢ
registry-field-disability = ⵜⴰⵏⵇⵇⵉⵙⵜ
registry-field-schooling = ⴰⵖⵓⵔ
registry-field-phone = ⵜⵉⵍⵉⴼⵓⵏ
registry-field-cin = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ
registry-field-idcs = ⴰⵎⵙⵙⵏⴰⵢ ⴰⵏⵓⵎⴰⵏ
duplicates-field-given-name = ⵉⵙⵎ
duplicates-field-family-name = ⵉⵙⵎ ⵏ ⵜⵡⵊⴰ
duplicates-field-birth-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ
duplicates-field-sex = ⴰⵏⴰⵡ
duplicates-field-national-id = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵕⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ
duplicates-field-phone = ⵜⵉⵍⵉⴼⵓⵏ
duplicates-field-address = ⴰⴷⵡⴰⵔ
duplicates-field-locality = ⵜⴰⵎⵙⵙⵓⵔⵜ
duplicates-field-postcode = ⴰⵏⴰⵎⵍ ⴰⴱⵓⵙⵟⴰⵍ
duplicates-level-exact = ⵎⵙⴰⵙⴰ
duplicates-level-spelling-variant = ⵜⵉⵔⵔⴰ ⵢⴰⴹⵏ
duplicates-level-transliteration = ⵢⴰⵏ ⵉⵙⵎ ⵙ ⵜⵉⵔⵔⴰ ⵢⴰⴹⵏ
duplicates-level-phonetic = ⵢⴰⵏ ⵓⵎⵙⵍⵉ
duplicates-level-swapped = ⵉⵙⵎⴰⵡⵏ ⵎⵙⵏⴼⵍⵏ
duplicates-level-token-subset = ⴰⴳⵣⵣⵓⵎ ⵏ ⵉⵙⵎ
duplicates-level-similar = ⵉⵎⵢⴰⵏⴰⵍⵏ
duplicates-level-partial = ⵙ ⵓⴳⵣⵣⵓⵎ
duplicates-level-one-edit = ⵢⴰⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ
duplicates-level-one-digit = ⵢⴰⵏ ⵓⵎⴹⴰⵏ ⵖⴰⵙ
duplicates-level-day-month-swapped = ⴰⵙⵙ ⴷ ⵡⴰⵢⵢⵓⵔ ⵎⵙⵏⴼⵍⵏ
duplicates-level-year-off-by-one = ⵢⴰⵏ ⵓⵙⴳⴳⵯⴰⵙ ⵏ ⵓⵎⵣⴰⵔⴰⵢ
duplicates-level-same-year-month = ⵢⴰⵏ ⵡⴰⵢⵢⵓⵔ ⴷ ⵢⴰⵏ ⵓⵙⴳⴳⵯⴰⵙ
duplicates-level-different = ⵉⵎⵣⴰⵔⴰⵢ
operations-title = ⵜⵉⵎⵀⵉⵍⵉⵏ
operations-hint = ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⵏⵏⴰ ⵉⵜⵜⴳⴳⴰⵏ ⵙ ⵉⵎⴰⵏ ⵏⵏⵙⵏⵜ ⴳ ⵜⵎⴰⵣⴷⴰⵖⵜ, ⴷ ⵎⴰⵢⴷ ⴳⴰⵏⵜ.
operations-done-ran = ⵜⵜⵓⵙⴽⴰⵔ ⵜⵡⵓⵔⵉ ⵏ ⵓⵃⵟⵟⵓ.
operations-retention = ⴰⴽⵓⴷ ⵏ ⵓⵃⵟⵟⵓ
operations-run-now = ⵙⴽⵔ ⵜ ⴷⵖⵉ
operations-no-run = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵡⵓⵔⵉ ⴰⵔ ⴷⵖⵉ.
operations-run = ⵜⴰⵡⵓⵔⵉ
operations-started = ⴰⵙⵏⵓⴱⴳ (ⴰⴽⵓⴷ ⴰⵎⴰⴹⵍⴰⵏ)
operations-finished = ⵜⵉⴳⵉⵔⴰ (ⴰⴽⵓⴷ ⴰⵎⴰⴹⵍⴰⵏ)
operations-status = ⴰⴷⴷⴰⴷ
operations-households = ⵜⵉⵡⵊⵊⴰⵡⵉⵏ ⵉⵜⵜⵓⴽⴽⵙⵏ ⵉⵙⵎ
operations-status-running = ⵜⵜⵎⵓⵔⵔⴰⵢ
operations-status-done = ⵜⵎⵎⴰⴷ
operations-status-failed = ⵓⵔ ⵜⵎⵎⵉⴷ
operations-retention-hint =
    { PLURAL($hours) ->
        [one] ⴽⵓ ⴰⴽⵓⵏ ⵉⵙⵏⵇⵙ ⴽⵓ { $hours } ⵏ ⵜⵙⵔⴰⴳⵜ ⵎⴰ ⵜⵜⵓⵙⴽⴰⵔ ⵜⵡⵓⵔⵉ ⵏ ⵡⴰⵙⵙ; ⵢⴰⵏ ⵖⴰⵙ ⴰⵔ ⵜⵜ ⵉⵙⴽⴰⵔ. ⴰⵔ ⵜⴽⴽⵙ ⵉⵙⵎⴰⵡⵏ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ ⵏⵏⴰ ⵎⵉ ⵜⵎⵎⴰⴷ ⵉⵖⴰⵡⴰⵙⵏ ⵏⵏⵙⵏⵜ.
       *[other] ⴽⵓ ⴰⴽⵓⵏ ⵉⵙⵏⵇⵙ ⴽⵓ { $hours } ⵏ ⵜⵙⵔⴰⴳⵉⵏ ⵎⴰ ⵜⵜⵓⵙⴽⴰⵔ ⵜⵡⵓⵔⵉ ⵏ ⵡⴰⵙⵙ; ⵢⴰⵏ ⵖⴰⵙ ⴰⵔ ⵜⵜ ⵉⵙⴽⴰⵔ. ⴰⵔ ⵜⴽⴽⵙ ⵉⵙⵎⴰⵡⵏ ⵏ ⵜⵡⵊⵊⴰⵡⵉⵏ ⵏⵏⴰ ⵎⵉ ⵜⵎⵎⴰⴷ ⵉⵖⴰⵡⴰⵙⵏ ⵏⵏⵙⵏⵜ.
    }

# Social programmes and cycles on pages
programmes-title = ⵉⵖⴰⵡⴰⵙⵏ ⵉⵏⴰⵎⵓⵏⵏ
programmes-hint = ⴽⵓ ⴰⵖⴰⵡⴰⵙ ⵉⵙⵙⴽⵏ ⴳ ⵉⵍⵓⴳⴰⵏ ⵏⵏⵙ ⵎⴰⵏⵉ ⵢⵓⵙⵔⴰⵏ ⴷ ⵎⵏⵛⴽ ⴰⵔ ⵜⵜⴰⵎⵥ ⴽⵓ ⵜⴰⵡⵊⴰ; ⵜⴰⵏⵣⵍⵜ ⵜⵙⵙⵏⴼⴰⵍⵏ ⵉ ⵢⴰⵏ ⵡⴰⵢⵢⵓⵔ, ⵉⵙⵙⵏⵜⵎ ⵜⵜ ⵢⴰⵏ ⵡⵉⵙⵙ ⵙⵉⵏ ⴰⵣⵡⴰⵔ ⵏ ⵓⵅⵍⵍⵚ.
programmes-back-home = ⵜⵓⵖⴰⵍⵉⵏ ⵖⵔ ⵜⵎⵙⵎⵓⵏⵜ
programmes-none = ⵓⵍⴰ ⵢⴰⵏ ⵓⵖⴰⵡⴰⵙ ⴰⵔ ⴷⵖⵉ.
programmes-new = ⵙⵏⵓⵍⴼⵓ ⴰⵖⴰⵡⴰⵙ
programmes-new-hint = ⵜⴰⵍⵖⴰ ⵜⵄⵎⵎⵔ ⵙ ⵢⴰⵏ ⵓⵎⴷⵢⴰ: ⴰⵙⵏⴼⵍ ⵏ ⵉⴷⵔⵉⵎⵏ ⵙ ⵓⵎⵢⴰⴳ ⴰⵏⴰⵎⵓⵏ ⴷ ⵓⴷⴰⵎⵙⴰⵏ, ⵙ ⵜⵓⵎⵓⵜⵉⵏ ⵉ ⴽⵓ ⴰⴼⵔⵓⵅ. ⵙⵏⴼⵍ ⵎⴰ ⵉⵍⴰⵇⵏ.
programmes-name = ⴰⵖⴰⵡⴰⵙ
programmes-code = ⴰⵏⴰⵎⴰⵍ
programmes-code-hint = ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵏ, ⵉⵎⴹⴰⵏⵏ ⴷ ⵉⵣⵔⵉⴳⵏ.
programmes-name-ar = ⵉⵙⵎ ⵙ ⵜⴰⵄⵔⴰⴱⵜ
programmes-name-fr = ⵉⵙⵎ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ
programmes-retention = ⴰⵃⵟⵟⵓ ⴹⴰⵕ ⵜⵉⴳⵉⵔⴰ (ⵙ ⵡⵓⵙⵙⴰⵏ)
programmes-retention-hint = ⴰⵔ ⵜⵜⵓⵙⵙⵏⵜⴰⵍⵏⵜ ⵜⵉⵏⴼⵓⵜⵉⵏ ⵜⵉⵏⵎⵣⵡⴰⵔⵓⵜⵉⵏ ⵏ ⵜⵡⵊⵉⵡⵉⵏ ⴹⴰⵕ ⵎⵏⵛⴽ ⴰⴷ ⵏ ⵡⵓⵙⵙⴰⵏ ⵏ ⵜⵉⴳⵉⵔⴰ ⵏ ⵓⵖⴰⵡⴰⵙ (ⵙⴳ 0 ⴰⵔ 3650).
programmes-ends-on = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵉⴳⵉⵔⴰ (ⵙ ⵓⵙⵜⴰⵢ)
programmes-rules = ⵉⵍⵓⴳⴰⵏ (ⵜⴰⵙⵏⴰⴷⴰ ⵏ ⵉⵙⴼⴽⴰ)
programmes-rules-hint = ⵎⴰⵏⵉ ⵢⵓⵙⵔⴰⵏ ⴷ ⵜⵓⵎⵓⵜⵉⵏ, ⵙ ⵉⵙⴼⴽⴰ. ⵙⵏⵇⴷ ⵜⵏ ⴳ ⵜⴰⵙⵏⴰ ⵏ ⵓⵖⴰⵡⴰⵙ ⵙⴳ ⵡⴰⵣⵡⴰⵔ ⵏ ⵓⵙⵉⴹⵏ ⵏ ⵜⵏⵣⵍⵜ.
programmes-rules-edit-hint = ⵙⵏⴼⵍ ⵉⵍⵓⴳⴰⵏ, ⵙⵏⵇⴷ ⵜⵏ (ⵓⵔ ⵉⵜⵜⵓⵃⴹⴰ ⵢⴰⵜ), ⵙⵙⵏⵙ ⵃⴹⵓ ⵜⵏ ⵙ ⵜⵓⵏⵖⵉⵍⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ: ⵜⴰⵏⵣⵍⵜ ⵏ ⴷⴰⵜ ⴰⴷ ⵜⵜ ⵜⵙⵙⵎⵔⵙ.
programmes-create = ⵙⵏⵓⵍⴼⵓ ⴰⵖⴰⵡⴰⵙ
programmes-rules-version = ⵜⵓⵏⵖⵉⵍⵜ ⵏ ⵉⵍⵓⴳⴰⵏ
programmes-enrolled = ⵜⵉⵡⵊⵉⵡⵉⵏ ⵉⵜⵜⵓⵣⵎⵎⴰⵔⵏ
programmes-cycles = ⵜⵉⵏⵣⵍⵉⵏ
programmes-no-cycle = ⵓⵍⴰ ⵜⴰⵏⵣⵍⵜ ⵉⵜⵜⵓⵙⵉⴹⵏ ⴰⵔ ⴷⵖⵉ.
programmes-enroll-title = ⴰⵣⵎⵎⴻⵔ
programmes-enroll-hint = ⵉⵣⵎⵎⵔ ⴽⵓ ⵜⴰⵡⵊⴰ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⵍⵍⵉ ⵖⵓⵔ ⵉⵍⵍⴰ ⵓⵎⴰⵏⴰⵡ ⵏⵖ ⵓⵙⵙⴰⵖ ⴰⵏⴰⵎⵓⵙ ⵓⵍⴰ ⵓⵔ ⵜⵜⵓⵣⵎⵎⴰⵔ.
programmes-enroll = ⵣⵎⵎⵔ ⵜⵉⵡⵊⵉⵡⵉⵏ ⵉⵎⵏⴰⵡⵏ
programmes-compute-title = ⵙⵉⴹⵏ ⵜⴰⵏⵣⵍⵜ
programmes-period = ⴰⵢⵢⵓⵔ ⵉⵜⵜⵓⵅⵍⵍⵚⵏ
programmes-period-hint = ⴰⵙⴳⴳⵯⴰⵙ ⴷ ⵡⴰⵢⵢⵓⵔ, ⵙ ⵓⵎⴷⵢⴰ 2026-11.
programmes-reference-date = ⴰⵙⴰⴽⵓⴷ ⴰⵎⵙⵙⵓⴳⵓⵔ
programmes-reference-date-hint = ⵉⵙⴳⴳⵯⴰⵙⵏ ⴷ ⵓⵎⵢⴰⴳ ⴰⵏⴰⵎⵓⵏ ⴷ ⵓⴷⴰⵎⵙⴰⵏ ⴰⵔ ⵜⵜⵓⵟⵟⴰⴼⵏ ⴳ ⵓⵙⴰⴽⵓⴷ ⴰⴷ.
programmes-compute = ⵙⵉⴹⵏ ⵜⴰⵏⵣⵍⵜ
programmes-rules-title = ⵉⵍⵓⴳⴰⵏ ⵙ ⵡⴰⵡⴰⵍ
programmes-checked = ⵉⵍⵓⴳⴰⵏ ⵎⵖⵓⵔⵏ. ⵓⵔ ⵉⵜⵜⵓⵃⴹⴰ ⵢⴰⵜ ⴰⵔ ⴷⵖⵉ.
programmes-eligibility = ⵎⴰⵏⵉ ⵢⵓⵙⵔⴰⵏ
programmes-amounts = ⵜⵓⵎⵓⵜⵉⵏ ⴳ ⵡⴰⵢⵢⵓⵔ
programmes-check = ⵙⵏⵇⴷ ⵉⵍⵓⴳⴰⵏ
programmes-save = ⵃⴹⵓ ⵙ ⵜⵓⵏⵖⵉⵍⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ
programme-done-created = ⵉⵜⵜⵓⵙⵏⵓⵍⴼⴰ ⵓⵖⴰⵡⴰⵙ ⵙ ⵜⵓⵏⵖⵉⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵏ ⵉⵍⵓⴳⴰⵏ ⵏⵏⵙ.
programme-done-saved = ⵜⵜⵓⵃⴹⴰ ⵢⴰⵜ ⵜⵓⵏⵖⵉⵍⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵏ ⵉⵍⵓⴳⴰⵏ.
programme-done-enrolled = ⵜⵉⵡⵊⵉⵡⵉⵏ ⵉⵜⵜⵓⵣⵎⵎⴰⵔⵏ ⵖⵉⵍⴰ: { $count }
programme-eligibility-all = ⴽⵓ ⵜⴰⵡⵊⴰ ⵉⵜⵜⵓⵣⵎⵎⴰⵔⵏ
programme-per-member = ⵉ ⴽⵓ ⴰⴳⵎⴰⵎ ⵉⵙⵎⴷⵏ
programme-per-household = ⵉ ⴽⵓ ⵜⴰⵡⵊⴰ ⵎⵍ
programme-minimum = ⵓⵍⴰ ⴷ { $amount } ⵉ ⵜⵡⵊⴰ
programme-maximum = ⴰⵔ { $amount } ⵉ ⵜⵡⵊⴰ
programme-value-yes = ⵢⴰⵀ
programme-value-no = ⵓⵀⵓ
programme-op-eq = ⴷ
programme-op-ne = ⵓⵔ ⵉⴳⵉ
programme-op-lt = ⴷⴷⴰⵡ
programme-op-le = ⵓⵔ ⵉⵣⵔⵉ
programme-op-gt = ⵓⴳⴳⴰⵔ ⵏ
programme-op-ge = ⵓⵍⴰ ⴷ
programme-op-in = ⵢⴰⵏ ⴳ
programme-field-socio-economic-index = ⴰⵎⵢⴰⴳ ⴰⵏⴰⵎⵓⵏ ⴷ ⵓⴷⴰⵎⵙⴰⵏ
programme-field-area = ⴰⵡⴰⵏⴽ
programme-field-housing-damage = ⵉⵅⵙⴰⵔⵏ ⵏ ⵜⴰⴷⴷⴰⵔⵜ
programme-field-size = ⵎⵏⵛⴽ ⵏ ⵉⴳⵎⴰⵎⵏ ⵏ ⵜⵡⵊⴰ
programme-field-children = ⵎⵏⵛⴽ ⵏ ⵜⵔⴰⵡⵜ
programme-field-affected-by-incident = ⵜⵓⵜ ⵜⵜ ⵜⵡⴰⴷⵓⴼⵜ
programme-field-region = ⵜⴰⵙⴳⴰ
programme-field-province = ⴰⵙⴳⴰⵡ
programme-field-commune = ⵜⴰⵎⴰⵙⵉⵏⵜ
programme-field-age = ⴰⵙⴳⴳⵯⴰⵙ
programme-field-sex = ⴰⵏⴰⵡ
programme-field-relation = ⴰⵣⴷⴰⵢ ⴷ ⵓⵇⵔⵔⵓ ⵏ ⵜⵡⵊⴰ
programme-field-in-school = ⵉⵖⵔⵔ
programme-field-schooling = ⴰⵖⵔⵓ
programme-field-disabled = ⵙ ⵜⵎⵏⴰⴳⵜ
programme-field-child-rank = ⴰⵙⵡⵉⵔ ⴳⵔ ⵜⵔⴰⵡⵜ
programme-line-per-household = ⵜⵓⵎⵓⵜ ⵉ ⵜⵡⵊⴰ
programme-line-minimum-top-up = ⴰⵙⵎⴷ ⴰⵔ ⵓⵏⵎⵥⵥⵉ
programme-line-maximum-cap = ⵉⵜⵜⵓⵙⵎⵥⵥⵉ ⴰⵔ ⵓⵏⵎⵇⵇⵓⵔ
programme-line-child-rank-1-3-under-6 = ⴰⴼⵔⵓⵅ ⴷⴷⴰⵡ 6 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ (ⵙⴳ 1 ⴰⵔ 3)
programme-line-child-rank-1-3-in-school = ⴰⴼⵔⵓⵅ ⵉⵖⵔⵔ (ⵙⴳ 1 ⴰⵔ 3)
programme-line-child-rank-4-6-under-6 = ⴰⴼⵔⵓⵅ ⴷⴷⴰⵡ 6 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ (ⵙⴳ 4 ⴰⵔ 6)
programme-line-child-rank-4-6-in-school = ⴰⴼⵔⵓⵅ ⵉⵖⵔⵔ (ⵙⴳ 4 ⴰⵔ 6)
programme-line-child-disability-supplement = ⴰⵔⵏⵓ ⵉ ⵓⴼⵔⵓⵅ ⵙ ⵜⵎⵏⴰⴳⵜ
cycle-title = ⵜⴰⵏⵣⵍⵜ ⵏ { $period }
cycle-status = ⴰⴷⴷⴰⴷ
cycle-status-computed = ⵜⵜⵓⵙⵉⴹⵏ, ⵜⵙⵏⵜⴰⵍ ⴰⵙⵙⵏⵜⵎ
cycle-status-approved = ⵜⵜⵓⵙⵙⵏⵜⵎ
cycle-households = ⵜⵉⵡⵊⵉⵡⵉⵏ ⵉⵜⵜⵓⵙⵏⵇⴷⵏ
cycle-eligible = ⵜⵉⵡⵊⵉⵡⵉⵏ ⵢⵓⵙⵔⴰⵏ
cycle-eligible-count = ⵢⵓⵙⵔⴰⵏ: { $count }
cycle-total = ⴰⵎⴰⵜⴰ ⵏ ⵓⵅⵍⵍⵚ
cycle-done-computed = ⵜⵜⵓⵙⵉⴹⵏ ⵜⵏⵣⵍⵜ. ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵜ ⵉⵙⵙⵏⵜⵎ ⵢⴰⵏ ⵡⵉⵙⵙ ⵙⵉⵏ.
cycle-done-approved = ⵜⵜⵓⵙⵙⵏⵜⵎ ⵜⵏⵣⵍⵜ. ⵜⵥⴹⴰⵕ ⵜⵙⵏⴰⵔⵓⵜ ⴰⴷ ⵜⵙⵙⵓⵊⴷ ⴰⵅⵍⵍⵚ.
cycle-approve-title = ⵙⵙⵏⵜⵎ ⵜⴰⵏⵣⵍⵜ
cycle-approve-hint = ⵉⵙⵙⵏⵜⵎ ⵢⴰⵏ ⵡⵉⵙⵙ ⵙⵉⵏ: ⵡⵏⵏⴰ ⵢⵙⵉⴹⵏⵏ ⵜⴰⵏⵣⵍⵜ ⵓⵔ ⵉⵥⴹⴰⵕ. ⴹⴰⵕ ⵓⵙⵙⵏⵜⵎ, ⵓⵔ ⵜⵜⵓⵙⵉⴹⵏ ⵜⵏⵣⵍⵜ ⴷⴰⵖ.
cycle-approve-confirm = ⵙⵏⵇⴷⵖ ⵉⵣⵔⴼⴰⵏ ⵏ ⵜⵡⵊⵉⵡⵉⵏ ⵢⵓⵙⵔⴰⵏ ({ $count }) ⴷ ⵙⵙⵏⵜⵎⵖ ⴰⵅⵍⵍⵚ.
cycle-approve = ⵙⵙⵏⵜⵎ ⵜⴰⵏⵣⵍⵜ
cycle-batch-title = ⵙⵙⵓⵊⴷ ⵜⴰⴳⵔⵓⵎⵎⴰ ⵏ ⵓⵅⵍⵍⵚ
cycle-batch-hint = ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ ⵉ ⴽⵓ ⵜⴰⵡⵊⴰ ⵢⵓⵙⵔⴰⵏ ⵖⵓⵔ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ ⵏ ⵜⴱⴰⵏⴽⴰ; ⵙⵙⵏⵙ ⴰⴳⵎ ⴰⴼⴰⵢⵍⵓ ⵏ ⵜⴱⴰⵏⴽⴰ ⵙⴳ ⵜⴰⵙⵏⴰ ⵏ ⵜⴳⵔⵓⵎⵎⴰ.
cycle-debtor-name = ⵉⵙⵎ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⴳ ⵜⴱⴰⵏⴽⴰ
cycle-debtor-account = ⴰⵎⵉⴹⴰⵏ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⴳ ⵜⴱⴰⵏⴽⴰ
cycle-debtor-account-hint = 24 ⵏ ⵉⵎⴹⴰⵏⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏ ⵜⴱⴰⵏⴽⴰ, ⵏⵖ ⴰⵎⴹⴰⵏ ⴰⴱⴰⵏⴽⵉ ⴰⴳⵔⴰⵖⵍⴰⵏ.
cycle-execution-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵅⵍⵍⵚ
cycle-batch-create = ⵙⵏⵓⵍⴼⵓ ⵜⴰⴳⵔⵓⵎⵎⴰ ⵏ ⵓⵅⵍⵍⵚ
cycle-entitlements = ⵜⵉⵡⵊⵉⵡⵉⵏ ⴷ ⵉⵙⵜⴰⵢⵏ
cycle-no-household = ⵓⵍⴰ ⵜⴰⵡⵊⴰ ⴳ ⵜⵏⵣⵍⵜ ⴰⴷ.
cycle-household = ⵜⴰⵡⵊⴰ
cycle-decision = ⴰⵙⵜⴰⵢ
cycle-decision-eligible = ⵜⵓⵙⵔⴰ
cycle-decision-not-eligible = ⵓⵔ ⵜⵓⵙⵔⵉ
cycle-amount = ⵜⵓⵎⵓⵜ
cycle-why = ⵎⴰⵅ
cycle-condition-unmet = ⴰⵙⵡⵉⵜ { $n } ⵓⵔ ⵉⵎⵎⴷ: { $field }
cycle-condition-unknown = ⴰⵙⵡⵉⵜ { $n } ⵓⵔ ⵉⵜⵜⵓⵙⵏⵇⴷ: { $field } ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏ
cycle-duplicate-household = ⴰⵣⵎⵎⴻⵔ ⵡⵉⵙⵙ ⵙⵉⵏ ⵏ ⵢⴰⵜ ⵜⵡⵊⴰ: ⵓⵔ ⵜⵜⵓⵅⵍⵍⵚ ⵙⵏⴰⵜ ⵜⵉⴽⴽⴰⵍ

## Grievance pages
grievances-title = ⵜⵉⵎⵓⵜⵔⴰⵡⵉⵏ
grievances-hint = ⵜⵉⵎⵓⵜⵔⴰⵡⵉⵏ ⵉⵕⵥⵎⵏ, ⵜⵉⵏ ⵓⵙⵎⵎⴰⵔ ⴰⵎⴰⵣⴰⵏ ⴷ ⴰⵎⵣⵡⴰⵔⵓ.
grievances-none = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵓⵜⵔⴰ ⵉⵕⵥⵎⵏ.
grievances-deadline = ⴰⵙⵎⵎⴰⵔ
grievance-title = ⵜⴰⵎⵓⵜⵔⴰ ⵏ ⵜⵡⵊⴰ
grievance-household = ⵜⴰⵡⵊⴰ
grievance-subject = ⵎⴰⵢⴷ ⵉⵜⵜⵓⵙⵙⵓⵜⵔⵏ
grievance-channel = ⵜⴰⴱⵔⵉⴷ ⵏ ⵓⵙⵉⵡⴹ
grievance-filed-by = ⵡⴰⵏⵏ ⵜⵜ ⵢⵉⵡⵉⵏ
grievance-received = ⵜⵓⵡⵟⴰⴼ ⴳ
grievance-status = ⴰⴷⴷⴰⴷ
grievance-overdue = ⵜⵄⴽⵍ
grievance-appeal-by = ⵜⵓⵖⴰⵍⵜ ⵜⵣⵎⵔ ⴰⵔ
grievance-statement = ⴰⵡⴰⵍ ⵏ ⵜⵡⵊⴰ
grievance-entitlement = ⴰⵣⵔⴼ ⴰⵏⴳⴳⴰⵔⵓ ⵏ ⵜⵡⵊⴰ
grievance-decision = ⵜⴰⵣⵣⵓⵎⵜ
grievance-appeal = ⵜⵓⵖⴰⵍⵜ
grievance-appeal-decision = ⵜⴰⵣⵣⵓⵎⵜ ⵏ ⵜⵓⵖⴰⵍⵜ
grievance-acknowledge-title = ⴰⵙⵎⵎⴻⵍ ⵏ ⵓⵙⵉⵡⴹ
grievance-acknowledge = ⵙⵎⵎⴻⵍ ⴰⵙⵉⵡⴹ
grievance-decide-title = ⴳⵣⵎ
grievance-decide = ⵙⴽⵍⵙ ⵜⴰⵣⵣⵓⵎⵜ
grievance-outcome = ⵜⴰⵢⴰⴼⵓⵜ
grievance-remedy = ⵎⴰⵢⴷ ⵉⵜⵜⴱⴷⴰⵍⵏ
grievance-explanation = ⴰⵙⴼⵙⵔ ⵉⵜⵜⵓⵏⵏⴰⵏ ⵉ ⵜⵡⵊⴰ
grievance-appeal-title = ⵙⴽⵍⵙ ⵜⵓⵖⴰⵍⵜ
grievance-appeal-hint = ⵜⵣⵎⵔ ⵜⵡⵊⴰ ⴰⴷ ⵜⵙⵙⵓⵜⵔ ⵜⵓⵖⴰⵍⵜ ⴰⵔ ⴰⵙⴰⴽⵓⴷ ⵍⵍⵉ ⵉⵍⵍⴰⵏ ⵙ ⵉⴼⵍⵍⴰ.
grievance-appeal-statement = ⴰⵡⴰⵍ ⵏ ⵜⵡⵊⴰ ⵉ ⵜⵓⵖⴰⵍⵜ
grievance-appeal-record = ⵙⴽⵍⵙ ⵜⵓⵖⴰⵍⵜ
grievance-appeal-decide-title = ⴳⵣⵎ ⵜⵓⵖⴰⵍⵜ
grievance-appeal-decide-hint = ⵉⴳⵣⵎ ⵜⵓⵖⴰⵍⵜ ⵢⴰⵏ ⵓⴱⵏⴰⴷⵎ ⵢⴰⴹⵏ ⵓⵔ ⵉⴳⵉⵏ ⵡⴰⵏⵏ ⵉⴳⵣⵎⵏ ⵜⴰⵣⵡⵓⵔⵜ.
grievance-new-title = ⵙⵙⵓⵜⵔ ⵜⴰⵎⵓⵜⵔⴰ
grievance-new-hint = ⵎⴰⵢⴷ ⵜⵙⵙⵓⵜⵔ ⵜⵡⵊⴰ ⵏⵖ ⵡⴰⵏⵏ ⵉⵜⵜⵎⵙⴰⵙⴰⵏ ⵖⴼⵍⴰⵙ. ⵉⵙⵎⵎⴰⵔⵏ ⴰⵔ ⵜⵜⵓⵙⵉⴹⵏ ⵙⴳ ⵡⴰⵙⵙ ⵏ ⵓⵙⵉⵡⴹ.
grievance-received-on = ⵜⵓⵡⵟⴰⴼ ⴳ (ⵎⴽ ⵓⵔ ⵜⴳⵉ ⴰⵙⵙⴰ)
grievance-received-on-hint = ⴰⵊⵊ ⵜ ⵢⵉⵍⵉ ⴷ ⴰⵅⵡⴰ ⵉ ⵡⴰⵙⵙ ⴰ; ⴰⵔ ⵢⴰⵜ ⵜⵙⵓⵜⵍⵜ ⵙ ⵓⴳⵔ.
grievance-file = ⵙⵙⵓⵜⵔ ⵜⴰⵎⵓⵜⵔⴰ
grievance-done-acknowledged = ⵉⵜⵜⵓⵙⵎⵎⴻⵍ ⵓⵙⵉⵡⴹ.
grievance-done-decided = ⵜⵜⵓⵙⴽⵍⵙ ⵜⵣⵣⵓⵎⵜ; ⴰⵙⵎⵎⴰⵔ ⵏ ⵜⵓⵖⴰⵍⵜ ⵉⵕⵥⵎ.
grievance-done-appealed = ⵜⵜⵓⵙⴽⵍⵙ ⵜⵓⵖⴰⵍⵜ.
grievance-done-appeal-decided = ⵜⵜⵓⴳⵣⵎ ⵜⵓⵖⴰⵍⵜ; ⵜⵜⵓⵔⴳⵍ ⵜⵎⵓⵜⵔⴰ.
registry-done-grievance-filed = ⵜⵜⵓⵙⵙⵓⵜⵔ ⵜⵎⵓⵜⵔⴰ.
grievance-subject-exclusion = ⴰⵙⵙⵓⴼⵖ ⵙⴳ ⵢⴰⵏ ⵓⵖⴰⵡⴰⵙ
grievance-subject-amount = ⴰⵎⵓⵜⵜⵓ
grievance-subject-payment-not-received = ⴰⵅⵍⵍⵚ ⵓⵔ ⵉⵜⵜⵓⵡⵟⴰⴼⵏ
grievance-subject-data-error = ⵉⵙⴼⴽⴰ ⵓⵔ ⵉⵖⵜⵉⵏ
grievance-subject-conduct = ⵜⵉⴽⵍⵉ ⵏ ⵉⵎⵙⵡⵓⵔⵉ
grievance-subject-other = ⵢⴰⴹⵏ
grievance-channel-in-person = ⵙ ⵉⵎⴰⵏ
grievance-channel-phone = ⵜⵉⵍⵉⵖⵔⵉ
grievance-channel-sms = ⵜⵓⵣⵉⵏⵜ ⵜⴰⵎⵥⵥⴰⵏⵜ
grievance-channel-letter = ⵜⴰⴱⵔⴰⵜ
grievance-channel-web = ⴰⵙⵉⵜ
grievance-filed-by-member = ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵏ ⵜⵡⵊⴰ
grievance-filed-by-representative = ⵢⴰⵏ ⵉⵜⵜⵎⵙⴰⵙⴰⵏ ⵖⴼⵍⴰⵙ
grievance-status-received = ⵜⵓⵡⵟⴰⴼ
grievance-status-acknowledged = ⵉⵜⵜⵓⵙⵎⵎⴻⵍ ⵓⵙⵉⵡⴹ
grievance-status-decided = ⵜⵜⵓⴳⵣⵎ
grievance-status-appealed = ⵖⵓⵔⵙ ⵜⵓⵖⴰⵍⵜ
grievance-status-closed = ⵜⵜⵓⵔⴳⵍ
grievance-outcome-upheld = ⵜⵜⵓⵇⴱⵍ
grievance-outcome-partly-upheld = ⵜⵜⵓⵇⴱⵍ ⵙ ⵓⵃⵟⵟⵓ
grievance-outcome-rejected = ⵜⵜⵓⵔⴼⵙ
grievance-remedy-re-enrolled = ⴰⵙⵊⵊⵍ ⴷⴰⵖ
grievance-remedy-amount-corrected = ⴰⵙⵖⵜ ⵏ ⵓⵎⵓⵜⵜⵓ
grievance-remedy-payment-reissued = ⴰⵅⵍⵍⵚ ⴷⴰⵖ
grievance-remedy-data-rectified = ⴰⵙⵖⵜ ⵏ ⵉⵙⴼⴽⴰ
grievance-remedy-no-change = ⵓⵔ ⵉⵜⵜⴱⴷⴰⵍ ⵢⴰⵜ
grievance-remedy-other = ⵢⴰⴹⵏ
