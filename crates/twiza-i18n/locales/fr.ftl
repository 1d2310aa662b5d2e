### Twiza — messages en français.
### ar.ftl, fr.ftl, zgh.ftl et en.ftl ont exactement les mêmes clés et, pour chaque message,
### les mêmes variables (vérifié par les tests). Les variantes de pluriel se choisissent avec
### PLURAL($n), jamais sur un nombre nu : voir crates/twiza-i18n/src/plural.rs.
### Typographie : espace insécable (U+00A0) avant « : ; ? ! », vérifiée par les tests.

## Général

app-name = Twiza
app-tagline = La solidarité sociale, ensemble
# Nom de la langue dans cette langue, affiché dans le sélecteur de langue.
language-name = Français
language-label = Langue
skip-to-content = Aller au contenu
nav-home = Accueil
nav-directory = Annuaire
nav-sign-in = Se connecter
nav-sign-up = Créer un compte
nav-sign-out = Se déconnecter
nav-my-associations = Mes associations
nav-verification-queue = Associations à vérifier
nav-authorizations = Demandes d’autorisation
nav-api-tokens = Jetons d’API
# Libellé accessible du <nav> principal.
nav-main-label = Navigation principale
footer-geo-credit = Données géographiques : HCP — Recensement général de la population et de l’habitat 2024, CC BY 4.0
footer-api = API publique
# Symbole du dirham marocain (CLDR fr et fr_MA : « MAD »).
currency-mad = MAD

## Noms des mois (CLDR, contexte de format, forme longue)

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Actions

action-save = Enregistrer
action-create = Créer
action-search = Rechercher
action-verify = Vérifier
action-reject = Refuser
action-revoke = Révoquer
action-invite = Inviter
# Bouton de validation du sélecteur de langue.
action-change = Changer
action-accept = Accepter

## Pagination

pagination-previous = Précédent
pagination-next = Suivant
pagination-label = Pagination
page-count = Page { $page } sur { $pages }

## Accueil

home-title = Une solidarité que vous pouvez vérifier
home-intro = Twiza relie les associations, les donateurs, les bénévoles, les autorités et les ménages touchés autour d’une image unique, partagée et vérifiable des besoins, de l’argent et des biens.
home-directory-link = Trouver une association vérifiée
home-create-association = Enregistrer votre association

## Comptes

account-email = Adresse e-mail
account-password = Mot de passe
account-password-hint = Au moins 12 caractères.
account-display-name = Nom affiché
account-sign-up-title = Créer un compte
account-sign-in-title = Connexion
account-sign-up-submit = Créer mon compte
account-sign-in-submit = Se connecter
account-signed-in-as = Connecté en tant que { $name }
account-no-account = Pas encore de compte ?
account-have-account = Vous avez déjà un compte ?

## Associations

org-create-title = Enregistrer une association
org-name-ar = Dénomination légale en arabe
org-name-fr = Dénomination légale en français
org-name-zgh = Nom en tifinagh (facultatif)
org-declaration-number = Numéro du récépissé de déclaration
org-declaration-date = Date du récépissé de déclaration
org-declaration-help = Le récépissé définitif délivré en application du dahir n° 1-58-376 réglementant le droit d’association.
org-region = Région
org-province = Province ou préfecture
org-commune = Commune
org-commune-help = Code de la commune (HCP) ou son nom
org-domains = Domaines d’action
org-email = E-mail de contact
org-phone = Téléphone de contact
org-website = Site web
org-address = Adresse
org-description = Description
org-logo = Logo (PNG, JPEG ou WebP, 200 Ko maximum)
org-status = Statut
org-status-pending = En attente de vérification
org-status-verified = Vérifiée
org-status-rejected = Refusée
org-rejection-reason = Motif du refus
org-verified-badge = Association vérifiée
org-members = Membres
org-member-role = Rôle
org-invite-title = Inviter un membre
org-invitations = Invitations en attente
org-pending-notice = Cette association attend sa vérification par la plateforme. Elle n’apparaît pas encore dans l’annuaire public.
org-rejected-notice = La vérification a été refusée : { $reason }
org-none = Vous n’êtes encore membre d’aucune association.
org-profile-location = Localisation
org-profile-contacts = Contacts
org-created = Association enregistrée. Elle apparaîtra dans l’annuaire une fois vérifiée.

## Domaines d’action (clé : domain-<id>)

domain-relief = Aide d’urgence
domain-health = Santé
domain-education = Éducation
domain-children = Enfance
domain-women = Femmes
domain-elderly = Personnes âgées
domain-disability = Personnes en situation de handicap
domain-water = Eau et assainissement
domain-housing = Logement et reconstruction
domain-food = Sécurité alimentaire
domain-rural = Développement rural
domain-environment = Environnement
domain-culture = Culture et patrimoine amazigh
domain-youth = Jeunesse et sport
domain-literacy = Alphabétisation
domain-income = Activités génératrices de revenus

## Rôles

role-owner = Responsable principal
role-admin = Administrateur
role-treasurer = Trésorier
role-coordinator = Coordinateur
role-field-agent = Agent de terrain
role-volunteer = Bénévole
role-platform-admin = Administrateur de la plateforme
role-authority = Autorité
role-auditor = Auditeur

## Annuaire

directory-title = Annuaire des associations vérifiées
directory-search-label = Nom ou numéro de déclaration
directory-all-regions = Toutes les régions
directory-all-provinces = Toutes les provinces et préfectures
directory-all-domains = Tous les domaines
# Catégories de pluriel du français (CLDR) : one (0 et 1), many (millions), other.
# « many » retombe sur « other ».
directory-count =
    { PLURAL($count) ->
        [one] { $count } association trouvée
       *[other] { $count } associations trouvées
    }
directory-empty = Aucune association ne correspond à votre recherche.

## Vérification

verify-title = Associations en attente de vérification
verify-empty = Aucune association en attente.
authz-queue-title = Demandes d’autorisation en attente de votre décision
authz-queue-empty = Aucune demande d’autorisation n’attend dans votre compétence.
authz-your-competence = Votre compétence :
authz-next = Demandes suivantes
authz-back = Retour aux demandes d’autorisation
authz-request-title = Décider d’une demande d’autorisation
authz-seat = Siège de l’association
authz-bank-account = Compte bancaire de la collecte
authz-document = Document de la décision
authz-grant-title = Accorder l’autorisation
authz-reference = Référence de votre décision
authz-grant = Accorder l’autorisation
authz-refuse-title = Refuser l’autorisation
authz-reason = Motif du refus
authz-refuse = Refuser l’autorisation
authz-granted = L’autorisation a été accordée. L’association peut maintenant publier sa campagne.
authz-refused = L’autorisation a été refusée. L’association voit votre motif.
authz-confirm-title = Vérifiez votre décision
authz-confirm-change = Modifier la décision
authz-confirm-grant-warning = Une fois accordée, l’autorisation ne peut pas être retirée ici. La campagne pourra collecter des dons entre ces dates, et l’autorisation est inscrite dans le journal public.
authz-confirm-grant = Confirmer l’autorisation
authz-confirm-refuse-warning = Une fois refusée, la demande est close. L’association voit votre motif et doit faire une nouvelle demande.
authz-confirm-refuse = Confirmer le refus
verify-reject-reason-label = Motif (communiqué à l’association)

## Jetons d’API

tokens-title = Jetons d’API
tokens-label = Libellé
tokens-created = Copiez ce jeton maintenant : il ne sera plus affiché.
tokens-last-used = Dernière utilisation
tokens-never-used = Jamais utilisé
tokens-empty = Aucun jeton pour l’instant.

## Erreurs (clé : error-<code>), pour l’API JSON et les pages

error-bad-request = La requête est invalide.
error-invalid-json = Le corps de la requête n’est pas un JSON valide.
error-unknown-field = Champ inconnu : { $field }
error-wrong-type = Un champ n’a pas le bon type.
error-missing-field = Champ manquant : { $field }
error-payload-too-large = La requête est trop volumineuse.
error-unsupported-media-type = Ce type de contenu n’est pas pris en charge.
error-validation = Certains champs sont invalides.
error-invalid-email = Adresse e-mail invalide.
error-password-too-short = Le mot de passe est trop court (au moins 12 caractères).
error-email-taken = Un compte existe déjà avec cette adresse e-mail.
error-invalid-credentials = Adresse e-mail ou mot de passe incorrect.
error-rate-limited = Trop de tentatives. Réessayez dans quelques minutes.
error-unauthenticated = Vous devez vous connecter.
error-forbidden = Vous n’êtes pas autorisé à effectuer cette action.
error-not-found = La page ou l’élément demandé n’existe pas.
error-conflict = Cette requête est en conflit avec l’état actuel des données.
error-csrf = Le formulaire a expiré. Rechargez la page et réessayez.
error-invalid-commune = Code de commune inconnu.
error-invalid-province = Province ou préfecture inconnue.
error-invalid-region = Région inconnue.
error-invalid-competence = Choisissez une compétence parmi province ou préfecture, région, nationale ou à l’étranger.
error-location-mismatch = La commune n’appartient pas à cette province ou à cette région.
error-bidi-control = Le texte ne doit pas contenir de caractères invisibles de contrôle de la direction d’écriture.
error-text-too-long = Texte trop long ({ $max } caractères au maximum).
error-required = Ce champ est obligatoire.
error-invalid-date = Date invalide.
error-invalid-domain = Domaine d’action inconnu.
error-invalid-role = Rôle inconnu.
error-invalid-phone = Numéro de téléphone invalide.
error-invalid-url = Adresse web invalide.
error-invalid-logo = Le logo doit être une image PNG, JPEG ou WebP de 200 Ko au maximum.
error-already-member = Cette personne est déjà membre de l’association.
error-already-invited = Cette adresse e-mail a déjà une invitation en attente dans l’association.
error-declaration-number-taken = Une association est déjà enregistrée avec ce numéro de récépissé de déclaration.
error-invalid-status-change = Cette association n’est pas en attente de vérification.
error-timeout = La requête a pris trop de temps.
error-internal = Une erreur s’est produite de notre côté. Réessayez plus tard.
error-page-title = Erreur
error-invalid-query = Un paramètre de l’adresse est invalide.
error-method-not-allowed = Cette méthode n’est pas autorisée.
error-not-arabic-script = Le nom doit être écrit en caractères arabes.
error-not-tifinagh-script = Le nom doit être écrit en caractères tifinagh.

## Fundraising errors
error-invalid-amount = Montant invalide : écrivez-le en chiffres avec au plus deux décimales, par exemple 250.00.
error-amount-too-precise = Un montant a au plus deux décimales (centimes).
error-amount-too-large = Ce montant est trop élevé.
error-amount-not-positive = Le montant doit être supérieur à zéro.
error-unknown-currency = Devise inconnue : les montants sont en dirhams marocains (MAD).
error-invalid-scope = Portée inconnue : locale, régionale, nationale ou à l’étranger.
error-invalid-bank-account = Compte bancaire invalide : indiquez le RIB à 24 chiffres ou l’IBAN commençant par MA.
error-invalid-period = La date de fin précède la date de début.
error-organization-not-verified = Seule une association vérifiée peut faire cela.
error-authorization-decided = Cette autorisation a déjà fait l’objet d’une décision.
error-outside-competence = Cette demande n’est pas de votre compétence territoriale. Le gouverneur décide des collectes locales de sa province ou préfecture, le wali des collectes régionales de sa région.
error-invalid-campaign-state = La campagne n’est pas dans un état qui le permet.
error-campaign-code-taken = Ce code de campagne est déjà utilisé : réessayez.
error-missing-idempotency-key = L’en-tête Idempotency-Key est obligatoire.
error-invalid-idempotency-key = L’Idempotency-Key doit compter 8 à 100 lettres, chiffres, - ou _.
error-idempotency-conflict = Cette Idempotency-Key a déjà servi pour une autre requête.
error-campaign-draft = Cette campagne n’est pas encore publiée.
error-campaign-closed = Cette campagne est close.
error-campaign-not-authorized = Cette campagne n’a pas d’autorisation de collecte valide.
error-campaign-not-started = Cette campagne n’a pas encore commencé.
error-campaign-ended = La période de collecte de cette campagne est terminée.
error-invalid-method = Moyen de paiement inconnu : card, mobile_wallet, bank_transfer ou cash.
error-invalid-quantity = Une quantité est un nombre entier de 1 à 1 000 000.
error-log-out-of-range = Cet index ou cette taille d’arbre dépasse le journal.
error-unavailable = Le service est momentanément indisponible. Réessayez.

## Verifying a donation; printable receipts
donation-verify-title = Vérifier un don
donation-verify-intro = Collez le fichier de reçu remis par l'association. Les vérifications prouvent que votre don figure dans le journal public et signé de Twiza et que ce journal n'a jamais été réécrit — sans devoir faire confiance à Twiza.
donation-verify-receipt-label = Fichier de reçu (JSON)
donation-verify-submit = Vérifier
donation-verify-by-server = Vérifié par ce serveur
donation-verify-by-browser = Vérifié indépendamment par votre navigateur
donation-verify-result-ok = Votre don est dans le journal public, et le journal est cohérent.
donation-verify-result-failed = Ce reçu n'a pas pu être vérifié. Gardez-le et contactez l'association ou l'autorité.
donation-verify-check-readable = Le reçu est lisible
donation-verify-check-key = Il désigne la clé publique de ce journal
donation-verify-check-signature = Son point de contrôle est signé par cette clé
donation-verify-check-leaf = Le don enregistré correspond à son empreinte
donation-verify-check-inclusion = Le don figure dans le journal signé
donation-verify-check-donor = Le secret du reçu prouve que le don est le vôtre
donation-verify-check-consistency = Le journal n'a fait que croître depuis : rien n'a été réécrit
receipt-title = Reçu de don
receipt-number = Numéro du don
receipt-campaign = Code de la campagne
receipt-date = Date
receipt-amount = Montant
receipt-goods = Biens
receipt-leaf-index = Position dans le journal public
receipt-leaf-hash = Empreinte de l'enregistrement
receipt-secret = Votre secret (gardez-le : il prouve que le don est le vôtre)
receipt-log-key = Clé publique du journal
receipt-how-to-verify = Chacun peut vérifier ce don sur la page « Vérifier un don » avec le fichier de reçu, ou avec la commande { $command }.
receipt-download = Télécharger le fichier de reçu

error-donation-not-confirmed = Ce don n’est pas encore confirmé : il n’a pas de reçu.

## Campaign pages, code check and gifts

home-check-link = Vérifier un code de campagne
check-title = Vérifier un code de campagne
check-intro = Vous avez entendu un appel aux dons ? Saisissez son code (par exemple TWZ-4K7P) pour vérifier qu’il appartient à une campagne autorisée d’une association vérifiée avant de donner.
check-code-label = Code de la campagne
check-submit = Vérifier
check-valid = Ce code appartient à une campagne autorisée d’une association vérifiée, en cours de collecte.
check-not-collecting = Ce code appartient à une campagne autorisée, mais elle ne collecte pas en ce moment : ne donnez pas.
check-not-found = Introuvable ou non autorisée : aucune campagne autorisée et publiée d’une association vérifiée n’a ce code. Ne donnez pas.
check-see-campaign = Voir la campagne
campaign-code = Code public
campaign-association = Association
campaign-goal = Objectif
campaign-raised = Collecté à ce jour
campaign-donations = Dons confirmés
campaign-period = Période de collecte
campaign-state = État de la campagne
campaign-state-draft = Brouillon
campaign-state-published = Publiée
campaign-state-closed = Close
campaign-emergency = Collecte selon la procédure d’urgence
campaign-authorization = Autorisation (loi 18-18)
campaign-auth-status = Statut de l’autorisation
campaign-auth-reference = Référence de l’autorisation
campaign-auth-authority = Autorité compétente
campaign-auth-valid-from = Valable à partir du
campaign-auth-valid-to = Valable jusqu’au
auth-status-requested = Demandée, pas encore décidée
auth-status-granted = Accordée
auth-status-refused = Refusée
authority-governor = Le gouverneur de la province ou préfecture
authority-wali = Le wali de la région
authority-secretary-general-of-government = Le Secrétaire général du gouvernement
authority-foreign-affairs = Le ministère des Affaires étrangères
give-title = Donner à cette campagne
campaign-not-collecting = Cette campagne ne reçoit pas de dons en ce moment.
give-amount = Montant en dirhams
give-method = Moyen de paiement
method-card = Carte bancaire
method-mobile-wallet = Portefeuille mobile
method-bank-transfer = Virement bancaire
method-cash = Espèces
give-identity = Votre identité
give-identity-note = Obligatoire pour les dons de plus de { $threshold }, facultative en dessous. Elle est conservée chiffrée, vue seulement par la trésorerie de l’association, et jamais publiée.
give-full-name = Nom complet
give-document-type = Pièce d’identité
document-cin = Carte nationale d’identité (CIN)
document-passport = Passeport
give-document-number = Numéro du document
give-country = Pays (code de deux lettres, par exemple MA)
give-anonymous-note = Votre don figure dans le journal public de transparence sans votre nom : seulement un engagement que votre reçu permet d’ouvrir.
give-submit = Donner
gift-title = Merci pour votre don
gift-pending = Votre don attend la confirmation du prestataire de paiement. Cette page se met à jour toute seule.
gift-confirmed = Votre don est confirmé et publié dans le journal de transparence.
gift-failed = Le paiement a échoué : rien n’a été prélevé. Vous pouvez réessayer depuis la page de la campagne.
gift-status = Statut
gift-amount = Montant
gift-reference = Référence du paiement
gift-leaf = Entrée du journal de transparence
gift-refresh = Actualiser
gift-back = Retour à la campagne
donation-status-pending = En attente du paiement
donation-status-confirmed = Confirmé
donation-status-failed = Échoué

## Errors of gifts and payment callbacks

error-donor-identity-required = Au-delà du seuil d’identification, le nom complet, la pièce d’identité et le pays du donateur sont obligatoires.
error-invalid-cin = Numéro de CIN invalide : une ou deux lettres suivies de chiffres.
error-invalid-passport = Numéro de passeport invalide : 6 à 20 lettres et chiffres.
error-invalid-document-type = Choisissez une pièce d’identité : carte nationale ou passeport.
error-invalid-country = Pays invalide : indiquez son code de deux lettres (ISO 3166).
error-online-method-only = Les dons en ligne se paient par carte bancaire ou portefeuille mobile.
error-invalid-signature = La signature de la notification est absente ou fausse.
error-stale-callback = La notification est trop ancienne ou datée dans le futur.
error-invalid-callback = La notification est mal formée.
error-payment-mismatch = Le montant payé n’est pas celui du don.
error-donation-not-pending = Ce don n’attend plus son paiement.
error-payment-provider-unavailable = Le prestataire de paiement est injoignable. Votre don est enregistré : réessayez avec la même requête.
error-payments-not-configured = Ce site ne reçoit pas encore de dons en ligne : aucun prestataire de paiement n’est configuré.
payments-test-mode = Mode test : les paiements sont simulés ici. Aucun argent ne circule et aucune carte n’est débitée.
gift-pay-title = Payer votre don
gift-pay-intro = Vous allez passer à la page de paiement sécurisée du Centre Monétique Interbancaire (CMI) pour saisir votre carte. Twiza ne voit jamais le numéro de votre carte.
gift-pay-continue = Continuer vers la page de paiement sécurisée
gift-pay-again = Payer ou réessayer le paiement
gift-back-to-gift = Retour à votre don

## Comptabilité de l’association : dépenses, virements
error-expense-self-approval = Une dépense doit être approuvée par un autre membre de la trésorerie que celui qui l’a soumise.
error-expense-decided = Cette dépense a déjà été approuvée ou rejetée.
error-insufficient-funds = Il ne reste pas assez d’argent à la campagne pour ce montant.
error-invalid-recipient = L’association destinataire doit être une autre association vérifiée.
error-transfer-decided = Ce virement a déjà été confirmé.
error-invalid-evidence = Le justificatif doit être un fichier PDF, PNG, JPEG ou WebP de 2 Mo au maximum, du type déclaré.
error-invalid-category = Catégorie inconnue : programme ou running_costs.
error-invalid-paid-from = Compte inconnu : bank, cash ou mobile_wallet.
expense-category-programme = Dépenses de programme
expense-category-running-costs = Frais de fonctionnement

## Rapport de campagne (loi 18-18)
report-title = Rapport de la campagne
report-raised = Fonds collectés
report-method = Moyen de paiement
report-donations = Dons
report-amount = Montant
report-total = Total
report-in-kind-donations = Dons en nature
report-in-kind-received = Biens reçus en nature
report-none = Aucun.
report-item = Article
report-quantity = Quantité
report-unit = Unité
report-in-kind-more = D’autres biens ont été reçus : le fichier CSV les liste tous.
report-in-kind-distributed = Biens distribués
report-in-kind-distribution-not-recorded = Les distributions de biens ne sont pas encore enregistrées dans Twiza : ce rapport n’en donne donc aucun chiffre.
report-spent = Dépenses approuvées
report-category = Catégorie
report-expenses = Dépenses
report-transferred-out = Virés à d’autres associations
report-balance = Solde
report-download-csv = Télécharger le rapport (CSV)
error-invalid-document = Le document doit être un fichier PDF, PNG, JPEG ou WebP d’au plus 2 Mo, du type déclaré.

## Coordination de crise
error-unknown-commune = Commune inconnue : indiquez son code HCP (par exemple 07.041.07.05).
error-coordinates-outside-morocco = Ces coordonnées sont hors du Maroc. Vérifiez la latitude et la longitude, et leur ordre.
error-coordinates-incomplete = Indiquez la latitude et la longitude, ou aucune des deux.
error-coordinates-invalid = Ces coordonnées ne sont pas des nombres.
error-quantity-negative = Une quantité ne peut pas être négative.
error-quantity-too-large = Cette quantité est trop grande.
error-quantity-not-positive = Indiquez une quantité supérieure à zéro.
error-need-size-required = Indiquez combien de ménages ou de personnes sont touchés.
error-phone-invalid = Indiquez un numéro de téléphone marocain (par exemple 06 12 34 56 78).
error-date-in-past = Cette date est déjà passée.
error-too-many = Trop d’éléments dans cette liste.
error-commune-not-in-incident = Cette commune ne fait pas partie des communes touchées par l’incident.
error-unknown-douar = Ce douar n’est pas dans cette commune.
error-unknown-need = Ce besoin ne fait pas partie de l’incident.
error-need-elsewhere = Ce besoin est dans une autre commune.
error-need-not-open = Ce besoin est déjà couvert, clos ou fusionné.
error-merge-into-itself = Un besoin ne peut pas être fusionné avec lui-même.
error-merge-across-incidents = Seuls les besoins d’un même incident peuvent être fusionnés.
error-douar-exists = Ce douar est déjà enregistré dans cette commune.
error-place-already-covered = Ce lieu est déjà couvert alors que des communes voisines attendent encore : pensez à y envoyer l’aide.

## Crisis pages
nav-incidents = Crises
incidents-title = Crises et besoins
incidents-none = Aucun incident n’a été déclaré.
incident-kind-earthquake = Séisme
incident-kind-flood = Inondation
incident-kind-pandemic = Pandémie
incident-kind-cold-wave = Vague de froid
incident-kind-drought = Sécheresse
incident-kind-wildfire = Feu de forêt
incident-kind-other = Autre catastrophe
incident-report-need = Signaler un besoin
coverage-open-needs = Besoins ouverts
coverage-needed = Ménages dans le besoin
coverage-pledged = Ménages promis
coverage-delivered = Ménages atteints
coverage-gap = Écart (ménages)
coverage-oversupply = Surplus (ménages)
coverage-commune = Commune
incident-map = Besoins et couverture par commune et douar
coverage-shade-gap = Surtout non couvert
coverage-shade-partial = Partiellement couvert
coverage-shade-covered = Couvert
coverage-shade-oversupply = Surapprovisionné
coverage-shade-quiet = Aucun besoin signalé
coverage-status = Situation
map-legend = Légende de la carte
map-legend-communes =
    { PLURAL($count) ->
        [one] { $count } commune
       *[other] { $count } communes
    }
map-legend-douar = Disque : un douar, plus grand quand plus de ménages sont dans le besoin
incident-coverage = Écarts par commune
incident-3w = Qui fait quoi où
threew-organization = Association
threew-sector = Besoin
threew-pledges = Engagements
threew-targeted = Ménages visés
threew-reached = Ménages atteints
incident-exports = Données ouvertes
export-3w = Qui fait quoi où (CSV avec étiquettes HXL)
export-needs-geojson = Besoins sur carte (GeoJSON)
need-form-title = Signaler un besoin
need-form-intro = Aucun compte n’est nécessaire. Votre numéro est chiffré et montré seulement à l’association qui vient aider.
need-commune = Commune
need-douar = Douar
need-douar-none = Pas dans la liste
need-category = Ce qui manque
need-urgency = Urgence
need-households = Ménages
need-people = Personnes
need-description = Précisions (facultatif)
need-phone = Téléphone pour vous joindre (facultatif)
need-phone-hint = Par exemple 06 12 34 56 78.
need-contact-name = Nom (facultatif)
need-submit = Envoyer
need-page-title = Votre signalement
need-reference = Référence
need-page-keep = Gardez cette référence : cette page montre où en est votre besoin.
need-category-shelter = Abri
need-category-food = Nourriture
need-category-water = Eau
need-category-health = Santé
need-category-psychosocial = Soutien psychologique
need-category-hygiene = Hygiène
need-category-education = Scolarité
need-category-clothing-blankets = Vêtements et couvertures
need-category-protection = Protection
need-category-other = Autre chose
need-urgency-critical = Vies en danger
need-urgency-high = Dans la journée
need-urgency-medium = Sous quelques jours
need-urgency-low = Peut attendre
need-status-reported = Signalé
need-status-verified = Vérifié
need-status-assigned = Une association s’en charge
need-status-in-progress = Aide en route
need-status-covered = Couvert
need-status-closed = Clos
need-status-merged = Fusionné avec un signalement antérieur

need-status-held = En attente de vérification
need-held-waiting = Beaucoup de signalements sont arrivés du même réseau en même temps : un coordinateur vérifie celui-ci avant qu’il n’apparaisse dans les listes. Rien n’est perdu : gardez votre référence.
need-releases-title = Qui a reçu votre numéro de téléphone
need-releases-none = Aucune association n’a encore reçu votre numéro de téléphone.
need-releases-hint = Seule une association chargée de votre besoin peut le recevoir ; chaque fois est indiquée ici.
error-need-assignment-limit = Ce besoin est déjà confié au nombre maximal d’associations.
error-unknown-organization = Association inconnue.
error-need-not-held = Ce signalement n’est pas en attente de vérification.

## Logistics
sms-delivery-code = Twiza : votre code de livraison est { $code }. Ne le donnez qu’à la personne qui vous remet l’aide.
error-unknown-item = Article inconnu : utilisez un code du catalogue.
error-unknown-warehouse = Cet entrepôt n’appartient pas à l’association.
error-insufficient-stock = Pas assez de cet article dans l’entrepôt : rien n’a été sorti.

## Logistics pages: stock, lots, deliveries, convoys
stock-title = Stock
stock-back-home = Accueil de l’association
stock-lots-title = Lots en stock
stock-lots-none = Aucun lot en stock.
stock-lot = Lot
stock-lot-number = Lot n° { $n }
stock-donation-number = don n° { $n }
stock-expense-number = dépense n° { $n }
stock-item = Article
stock-warehouse = Entrepôt
stock-quantity = Quantité
stock-source = Provenance
stock-source-in-kind-donation = Don en nature
stock-source-purchase = Achat (dépense approuvée)
stock-source-other = Autre
stock-source-opening = Stock antérieur aux lots
stock-warehouses-title = Entrepôts
stock-warehouses-none = L’association n’a pas encore d’entrepôt.
stock-warehouse-new = Ouvrir un entrepôt
stock-warehouse-name = Nom de l’entrepôt
stock-warehouse-commune = Commune (code HCP)
stock-warehouse-commune-hint = Par exemple 07.041.07.03 pour Asni.
stock-warehouse-create = Ouvrir l’entrepôt
stock-receive-title = Recevoir des marchandises
stock-receive-donation = Don en nature reçu
stock-receive-donation-hint = Pour un don en nature d’une campagne : le lot lui reste lié, et le donateur peut suivre son don jusqu’au douar.
stock-receive-expense = Dépense approuvée (achat)
stock-receive-expense-hint = Pour des marchandises achetées : la dépense approuvée qui les a payées.
stock-receive-none = Aucun
stock-reference = Référence du bon de livraison
stock-reference-hint = Facultatif : le code de la campagne, de la dépense ou du partenaire.
stock-receive-submit = Recevoir en stock
stock-received = Reçu
stock-delivered = Livré
stock-lot-where = Où se trouve le lot
stock-lot-empty = Plus rien de ce lot en stock.
stock-trail-title = Où est allé ce lot
stock-trail-hint = Chaque livraison prise sur ce lot, et le douar qu’elle a atteint.
stock-trail-none = Aucune livraison n’a encore été prise sur ce lot.
stock-move-title = Déplacer vers un autre entrepôt
stock-move-from = Depuis l’entrepôt
stock-move-to = Vers l’entrepôt
stock-move-submit = Déplacer
stock-count-title = Inventaire
stock-count-hint = Indiquez ce que vous avez compté : l’écart avec le stock est enregistré.
stock-counted = Compté
stock-expected = Selon le stock
stock-difference = Écart
stock-count-submit = Enregistrer l’inventaire
stock-done-warehouse = L’entrepôt est ouvert.
stock-done-received = Les marchandises sont en stock, dans ce lot.
stock-done-moved = Le lot a été déplacé.
stock-done-counted = L’inventaire est enregistré.
deliveries-title = Livraisons
deliveries-none = Aucune livraison pour l’instant.
delivery-label = Livraison
delivery-number = Livraison n° { $n }
delivery-place = Lieu
delivery-new-title = Préparer une livraison
delivery-lot = Lot
delivery-lots = Lots utilisés
delivery-need = Besoin couvert
delivery-need-hint = Les besoins ouverts attribués à l’association.
delivery-needs-none = Aucun besoin ouvert n’est attribué à l’association : engagez-vous d’abord à couvrir un besoin.
delivery-household = Ménage inscrit (numéro, facultatif)
delivery-household-hint = Le ménage du registre de l’association qui reçoit les marchandises.
delivery-households = Ménages servis
delivery-households-count = { $n } ménage(s)
delivery-proof = Preuve de la livraison
delivery-proof-code = Code envoyé au téléphone de la famille
delivery-proof-agent = La famille n’a pas de téléphone : déclaration et photo de l’agent
delivery-phone = Téléphone de la famille
delivery-phone-hint = Laissez vide pour envoyer le code au téléphone laissé avec le besoin. Le numéro n’est jamais affiché.
delivery-submit = Préparer et envoyer le code
delivery-status-awaiting = En attente de preuve
delivery-status-delivered = Livrée
delivery-status-locked = Bloquée
delivery-confirm-title = Confirmer avec le code de la famille
delivery-attempts-left = Essais restants : { $n }. Après cinq codes erronés, la livraison est bloquée.
delivery-code = Code de la famille
delivery-code-hint = Les six chiffres que la famille a reçus par SMS.
delivery-confirm-submit = Confirmer la livraison
delivery-agent-title = Confirmer par la déclaration de l’agent
delivery-statement = Votre déclaration
delivery-statement-hint = Qui a reçu quoi, où et quand. Elle est gardée avec la livraison, jamais publiée.
delivery-photo = Photo de la remise
delivery-photo-hint = Une image PNG, JPEG ou WebP de 2 Mo au plus.
delivery-agent-submit = Confirmer la livraison
delivery-done-prepared = La livraison est prête : les marchandises sont sorties du stock et le code a été envoyé.
delivery-done-delivered = La livraison est confirmée et inscrite au journal public.
convoys-title = Convois
convoys-none = Aucun convoi pour l’instant.
convoy-new-title = Planifier un convoi
convoy-incident = Catastrophe
convoy-incident-choose = Choisir
convoy-warehouse = Entrepôt de chargement
convoy-commune = Commune de destination
convoy-douar = Douar (facultatif)
convoy-vehicle = Véhicule
convoy-driver = Chauffeur
convoy-route = Itinéraire
convoy-route-hint = Les étapes, par exemple Marrakech – Asni – Ijoukak.
convoy-departs-on = Date de départ
convoy-manifest = Chargement (lots et quantités)
convoy-submit = Planifier le convoi
convoy-mark-left = Parti
convoy-mark-arrived = Arrivé
convoy-status-planned = Planifié
convoy-status-left = En route
convoy-status-arrived = Arrivé
convoy-status-cancelled = Annulé
convoys-done-planned = Le convoi est planifié.
convoys-done-left = Le convoi est parti.
convoys-done-arrived = Le convoi est arrivé.
convoy-check-title = Cette destination est déjà couverte
convoy-check-covered = Les besoins de { $commune } sont déjà couverts.
convoy-check-neighbours = Des communes voisines attendent encore :
convoy-check-confirm = Planifier quand même
convoy-check-elsewhere = Choisir une autre destination
error-unknown-lot = Ce lot n’est pas un lot de l’association, ou pas de cet article.
error-lot-donation-invalid = Ce don n’est pas un don en nature confirmé de cet article à une campagne de l’association.
error-lot-beyond-donation = C’est plus que ce que le don a donné de cet article : rien n’a été reçu.
error-lot-expense-invalid = Cette dépense n’est pas une dépense approuvée de l’association.
error-same-warehouse = Choisissez un autre entrepôt que celui où se trouvent les marchandises.
error-warehouse-exists = L’association a déjà un entrepôt de ce nom.
error-proof-locked = Trop de codes erronés : la preuve de cette livraison est bloquée. Adressez-vous à un coordinateur.
error-proof-already-used = Cette livraison est déjà confirmée : son code ne peut plus servir.
error-proof-code-wrong = Code erroné. Essais restants : { $max }.
error-proof-code-invalid = Le code a six chiffres.
error-recipient-phone-required = Indiquez le téléphone du bénéficiaire : le code qui prouve la livraison y est envoyé.
error-sms-unavailable = Le SMS n’a pas pu être envoyé : réessayez dans un instant.
error-proof-method-mismatch = Cette livraison se prouve autrement (par le code du bénéficiaire, ou par la déclaration et la photo de l’agent).
error-invalid-photo = La photo doit être une image PNG, JPEG ou WebP d’au plus 2 Mo, du type déclaré.
error-unknown-campaign = Cette campagne n’appartient pas à l’association.

## Beneficiary registry, programmes and household files
error-cin-invalid = Numéro de CIN invalide : une ou deux lettres puis 1 à 6 chiffres (par exemple BE819283).
error-cin-repeated = Ce numéro de CIN figure déjà dans le fichier ou dans ce foyer.
error-idcs-invalid = Identifiant numérique civil et social (IDCS) invalide : 10 chiffres.
error-date-in-future = Cette date est dans le futur.
error-date-too-old = Cette date est antérieure à 1900.
error-household-head-required = Un foyer a exactement un chef de ménage.
error-household-size-invalid = Un foyer compte de 1 à 30 membres.
error-name-script-mismatch = Ce nom doit être écrit dans l’écriture de son champ (arabe ou latine), sans chiffres ni symboles.
error-index-invalid = Indice socio-économique invalide : un nombre entre 0 et 20.
error-model-invalid = Modèle de ciblage invalide.
error-rule-bad-label = Chaque composante a un nom unique en lettres minuscules, chiffres et tirets bas.
error-rule-invalid-json = Les règles ne sont pas un document JSON valide de la forme attendue.
error-rule-minimum-above-maximum = Le montant minimum dépasse le maximum.
error-rule-unknown-field = Une condition porte sur un champ inconnu.
error-rule-bad-operator = Cet opérateur ne s’applique pas à ce champ.
error-rule-bad-value = La valeur d’une condition n’a pas le type du champ.
error-file-not-utf8 = Le fichier n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 ».
error-file-columns = Les colonnes du fichier ne sont pas celles attendues.
error-file-unreadable = Le fichier ne peut pas être lu comme un CSV.
error-unknown-column = Colonne inconnue.
error-column-repeated = Cette colonne apparaît deux fois.
error-column-missing = Colonne obligatoire absente.
error-household-not-contiguous = Les lignes d’un même foyer doivent se suivre.
error-programme-without-rules = Ce programme n’a pas encore de règles.
error-cycle-already-approved = Ce cycle est déjà approuvé.
error-programme-code-taken = Ce code de programme est déjà utilisé.
error-two-person-rule = Une deuxième personne doit approuver ce que vous avez préparé.
error-cycle-not-approved = Les paiements ne se préparent que pour un cycle approuvé.
error-payment-batch-exists = Ce cycle a déjà un lot de paiement.
error-payment-batch-empty = Aucun foyer de ce cycle n’a de montant à recevoir.
error-payment-file-invalid = Le fichier de paiement ne peut pas être produit : une ligne n’est pas valide.
error-status-report-invalid = Ce n’est pas un compte rendu d’état de paiement ISO 20022 (pain.002) lisible.
error-status-report-other-batch = Ce compte rendu concerne un autre lot de paiement.
error-status-report-without-lines = Ce compte rendu ne donne l’état d’aucune ligne.
error-rib-invalid = RIB invalide : 24 chiffres dont la clé de contrôle.
error-remedy-mismatch = La suite donnée ne correspond pas à la décision : un rejet ne change rien, une plainte fondée change quelque chose.
error-grievance-wrong-step = Cette étape ne peut pas être faite maintenant pour cette réclamation.
error-grievance-closed = Cette réclamation est close.
error-appeal-window-closed = Le délai de recours est passé.
error-appeal-same-decider = Le recours doit être tranché par une autre personne que celle qui a pris la première décision.
error-unknown-programme = Programme inconnu dans cette association.
error-pair-already-decided = Une décision a déjà été prise sur ces deux personnes.
error-received-too-long-ago = La date de réception doit dater de moins d’un an.
error-unknown-household = Ce foyer n’est pas inscrit au registre de l’association.
error-no-consent = Ce foyer n’a pas de consentement ni de base légale en vigueur pour les programmes.
error-not-enrolled = Ce foyer n’est pas inscrit à ce programme.

# Members and roles
members-title = Membres et rôles
members-actions = Modifications
members-you = vous
members-new-role = Nouveau rôle
members-change-role = Changer le rôle
members-remove = Retirer de l’association
members-leave = Quitter l’association
members-done-role-changed = Le rôle a été changé.
members-done-member-removed = Le membre a été retiré.
members-done-ownership-handed-over = La propriété a été transmise. Vous êtes maintenant administrateur.
members-hand-over-title = Transmettre la propriété
members-hand-over-hint = Le membre choisi devient propriétaire et vous devenez administrateur. Une association garde toujours un propriétaire.
members-hand-over-to = Nouveau propriétaire
members-hand-over-next = Continuer
members-hand-over-check = Vérifiez ce qui va se passer avant de confirmer.
members-hand-over-new-owner = Devient propriétaire
members-hand-over-your-role = Votre rôle ensuite
members-hand-over-confirm = Transmettre la propriété
members-history = Modifications passées
members-history-empty = Aucune modification pour l’instant.
members-removed = retiré
members-changed-by = par
action-cancel = Annuler
error-owner-only = Seul un propriétaire peut donner, changer ou retirer le rôle de propriétaire.
error-managers-only = Seuls les propriétaires et les administrateurs changent les rôles des membres.
error-last-owner = L’association doit garder un propriétaire : donnez d’abord ce rôle à un autre membre.
error-unknown-member = Choisissez un membre de l’association.

# The treasury's campaign pages
treasury-campaigns-title = Campagnes
treasury-new-campaign = Ouvrir une campagne
treasury-new-campaign-hint = La campagne s’ouvre en brouillon et son autorisation au titre de la loi 18-18 est demandée aussitôt à l’autorité que désigne sa portée. Elle peut être publiée une fois autorisée.
treasury-no-campaign = Aucune campagne pour l’instant.
treasury-campaign = Campagne
treasury-title-ar = Titre en arabe
treasury-title-fr = Titre en français
treasury-purpose-ar = Objet en arabe
treasury-purpose-fr = Objet en français
treasury-goal = Objectif en dirhams
treasury-starts-on = Premier jour de la collecte
treasury-ends-on = Dernier jour de la collecte
treasury-scope = Où elle collecte, et donc qui l’autorise
treasury-bank-account = Compte bancaire de la campagne
treasury-bank-account-hint = Les 24 chiffres du RIB, ou l’IBAN marocain (MA…). Sa clé est vérifiée.
treasury-emergency = Collecte selon la procédure d’urgence
treasury-open-campaign = Ouvrir la campagne et demander son autorisation
treasury-refusal-reason = Motif du refus
treasury-publish = Publier la campagne
treasury-close = Clôturer la campagne
treasury-public-page = La page publique de la campagne
treasury-report = Le rapport de la campagne
treasury-done-created = La campagne est ouverte en brouillon et son autorisation est demandée.
treasury-done-published = La campagne est publiée.
treasury-done-closed = La campagne est clôturée : elle ne reçoit plus de dons.

# What waits for a member
waiting-title = Ce qui vous attend
waiting-to-publish = autorisée : elle peut être publiée
waiting-authority = son autorisation est attendue de l’autorité
waiting-ending-soon = sa collecte se termine dans moins de deux semaines

## Une autorité déclare un incident
nav-declare-incident = Déclarer un incident
declaration-new-title = Déclarer un incident
declaration-no-territory = Votre compétence ne couvre aucune commune : vous ne pouvez pas déclarer d’incident.
declaration-provinces = Provinces et préfectures touchées
declaration-provinces-hint = Choisissez-les, puis affichez leurs communes.
declaration-show-communes = Afficher leurs communes
declaration-kind = Ce qui est arrivé
declaration-title-ar = Nom en arabe
declaration-title-fr = Nom en français
declaration-started-on = Jour du début
declaration-communes = Communes touchées
declaration-declare = Déclarer l’incident
declaration-public-page = La page publique de l’incident
declaration-douars = Douars
declaration-no-douar = Aucun douar enregistré pour l’instant.
declaration-douar = Douar
declaration-commune = Commune
declaration-population = Population
declaration-add-douar = Ajouter un douar
declaration-name-ar = Nom en arabe
declaration-name-fr = Nom en français
declaration-name-latin = Nom en lettres latines
declaration-name-latin-hint = Comme on l’écrit sur un téléphone, par exemple Tikhfist.
declaration-latitude = Latitude (facultative)
declaration-longitude = Longitude (facultative)
declaration-done-declared = L’incident est déclaré. Ajoutez ses douars pour que les besoins puissent y être situés.
declaration-done-douar = Le douar est ajouté.
error-outside-territory = Choisissez uniquement des communes de votre territoire.

home-switch-label = Vos autres associations

## Le fichier d’une demande d’autorisation
treasury-request-document = Le dossier de la demande d’autorisation
treasury-request-document-download = Télécharger le fichier envoyé
treasury-request-document-missing = Aucun fichier envoyé pour l’instant : envoyez la demande signée et ses annexes pour que l’autorité puisse décider.
treasury-request-document-file = Le fichier de la demande
treasury-request-document-hint = Un fichier PDF, JPEG ou PNG de 2 Mo au maximum. Un nouveau fichier remplace le précédent, tant que l’autorité n’a pas décidé.
treasury-request-document-send = Envoyer le fichier
treasury-done-document = Le fichier est joint à la demande.
treasury-file-size-kb = { $kb } Ko
authz-request-document = Le dossier de la demande
authz-request-document-missing = L’association n’a pas joint de fichier à cette demande.
error-invalid-request-document = Choisissez un fichier PDF, JPEG ou PNG de 2 Mo au maximum, dont le contenu correspond à son nom.
# Donations and payment batches (the treasury's pages)
donations-title = Dons
donations-record = Enregistrer un don
donations-record-hint = Pour l’argent déjà reçu (espèces, virement, carte à votre guichet) ou les biens remis. Le don est inscrit aussitôt dans le journal public et reçoit son reçu.
donations-done-recorded = Le don est enregistré.
donations-print-receipt = Imprimer son reçu
donations-kind = Nature du don
donations-any = Tous
donations-money = Argent
donations-in-kind = En nature (biens)
donations-method = Mode de paiement
donations-online = Don en ligne
donations-from = Du (date)
donations-to = Au (date)
donations-minimum = Montant minimum en dirhams
donations-filter = Afficher
donations-none = Aucun don ne correspond.
donations-number = Numéro du don
donations-date = Date
donations-what = Montant ou biens
donations-status = État
donations-actions = Actions
donations-receipt = Reçu
donations-show-donor = Voir le donateur
donations-amount = Montant en dirhams
donations-amount-hint = Des chiffres avec au plus deux décimales, par exemple 250.00.
donations-choose = Choisir
donations-items-hint = Choisissez jusqu’à trois articles du catalogue et leurs quantités (nombres entiers).
donations-item = Article
donations-quantity = Quantité
donations-record-submit = Enregistrer le don
donations-conflict = Ce formulaire a déjà été envoyé avec d’autres valeurs. Vérifiez la liste des dons avant d’enregistrer à nouveau.
donations-donor-title = L’identité du donateur
donations-donor-hint = Donnée pour un don important, gardée scellée, montrée à la trésorerie seulement. Cette lecture est enregistrée.
donations-donor-name = Nom complet
donations-donor-document = Pièce d’identité
donations-donor-country = Pays
donations-document-cin = Carte nationale d’identité
donations-document-passport = Passeport
batches-title = Lots de paiement
batches-hint = Chaque lot paie les ménages d’un cycle approuvé par la banque de l’association.
batches-none = Aucun lot de paiement pour l’instant.
batches-programme = Programme
batches-period = Période
batches-lines = Paiements
batches-total = Total
batches-execution-date = Date d’exécution
batches-status = État
batch-title = Lot de paiement
batch-done-reconciled = Le relevé de la banque est appliqué.
batch-message-id = Référence du fichier bancaire
batch-skipped = Ménages écartés (sans compte où payer)
batch-file-title = Le fichier pour la banque
batch-file-hint = Les virements du lot au format ISO 20022 que lit votre banque. La lecture des noms et comptes des bénéficiaires est inscrite au journal d’accès de chaque ménage.
batch-file-download = Télécharger le fichier bancaire
batch-report-title = Le relevé de statut de la banque
batch-report-file = Fichier du relevé de statut
batch-report-hint = Le fichier XML (pain.002) que la banque a renvoyé pour ce lot. Envoyer deux fois le même relevé ne change rien.
batch-report-submit = Appliquer le relevé
batch-lines-title = Paiements du lot
batch-line-reference = Référence
batch-line-household = Ménage
batch-line-amount = Montant
batch-line-reason = Motif de la banque
payment-line-status-sent = Envoyé à la banque
payment-line-status-pending = En attente de la banque
payment-line-status-paid = Payé
payment-line-status-rejected = Rejeté
payment-batch-status-ready = Prêt à envoyer
payment-batch-status-reconciled = Rapproché
batch-report-paid =
    { PLURAL($count) ->
        [one] { $count } paiement payé
       *[other] { $count } paiements payés
    }
batch-report-rejected =
    { PLURAL($count) ->
        [one] { $count } paiement rejeté
       *[other] { $count } paiements rejetés
    }
batch-report-pending =
    { PLURAL($count) ->
        [one] { $count } paiement encore en attente
       *[other] { $count } paiements encore en attente
    }
batch-report-unchanged =
    { PLURAL($count) ->
        [one] { $count } ligne déjà connue
       *[other] { $count } lignes déjà connues
    }
batch-report-unmatched =
    { PLURAL($count) ->
        [one] { $count } ligne du relevé ne correspond à aucun paiement de ce lot
       *[other] { $count } lignes du relevé ne correspondent à aucun paiement de ce lot
    }
# E-mail : invitations par lien, mots de passe oubliés, notifications
password-forgot-link = Mot de passe oublié ?
password-forgot-title = Retrouver l’accès à son compte
password-forgot-hint = Saisissez l’adresse e-mail de votre compte. Si un compte a cette adresse, un lien pour choisir un nouveau mot de passe y est envoyé ; il sert une fois, pendant une heure.
password-forgot-submit = M’envoyer un lien
password-link-sent = Si un compte a cette adresse, un lien pour choisir un nouveau mot de passe lui a été envoyé. Consultez votre messagerie.
password-mail-off = L’envoi d’e-mails n’est pas configuré sur ce serveur : demandez un lien à l’administrateur de la plateforme.
password-link-invalid = Ce lien ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau sur la page « Mot de passe oublié ? ».
password-reset-title = Choisir un nouveau mot de passe
password-reset-hint = Le nouveau mot de passe ferme toutes les sessions de votre compte : reconnectez-vous ensuite.
password-new = Nouveau mot de passe
password-reset-submit = Enregistrer le nouveau mot de passe
password-changed = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
invitation-title = Rejoindre une association
invitation-association = Association
invitation-join-as = Vous rejoindrez l’association en tant que { $name }.
invitation-accept = Accepter l’invitation
invitation-sign-in-first = Connectez-vous, ou créez un compte, pour accepter cette invitation. Vous reviendrez ensuite ici.
invitation-link-invalid = Ce lien d’invitation ne fonctionne plus : il a déjà servi ou il a expiré. Demandez une nouvelle invitation à l’association.
invitation-accepted = Bienvenue : vous êtes maintenant membre de l’association.
invitation-mail-hint = La personne reçoit un e-mail avec un lien pour rejoindre l’association ; le lien sert une fois, pendant 14 jours.
invitation-mail-off = L’envoi d’e-mails n’est pas configuré sur ce serveur : la personne doit créer un compte avec cette adresse ; l’invitation apparaît alors dans ses associations.
mail-invitation-subject = Invitation à rejoindre { $association }
mail-invitation-body = Bonjour,
    Vous êtes invité(e) à rejoindre { $association } sur Twiza en tant que { $role }.
    Pour accepter, ouvrez ce lien (il sert une fois, pendant 14 jours) :
    { $link }
    Si vous n’attendiez pas cette invitation, ignorez ce message.
mail-password-link-subject = Choisir un nouveau mot de passe Twiza
mail-password-link-body = Bonjour,
    Quelqu’un a demandé un nouveau mot de passe pour votre compte Twiza. Pour le choisir, ouvrez ce lien (il sert une fois, pendant une heure) :
    { $link }
    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
mail-authorization-granted-subject = Autorisation accordée : { $campaign }
mail-authorization-granted-body = Bonjour,
    L’autorité a accordé l’autorisation d’appel à la générosité publique de la campagne « { $campaign } ». Elle peut maintenant être publiée :
    { $link }
mail-authorization-refused-subject = Autorisation refusée : { $campaign }
mail-authorization-refused-body = Bonjour,
    L’autorité a refusé l’autorisation d’appel à la générosité publique de la campagne « { $campaign } ». Le motif figure sur la page de la campagne :
    { $link }
mail-expense-waiting-subject = Une dépense attend votre approbation
mail-expense-waiting-body = Bonjour,
    Une dépense de { $association } attend l’approbation d’un second membre. Pour la consulter :
    { $link }
mail-transfer-arrived-subject = Un transfert est arrivé pour { $association }
mail-transfer-arrived-body = Bonjour,
    Un transfert d’une autre association est arrivé pour { $association } et attend votre confirmation :
    { $link }
## Pages de la comptabilité : dépenses, virements, comptes
expenses-title = Dépenses de la campagne
expenses-done-submitted = Dépense soumise : un autre membre de la trésorerie doit maintenant l’approuver.
expenses-done-approved = Dépense approuvée : elle est dans les comptes et dans le journal public.
expenses-done-rejected = Dépense rejetée : rien n’a été comptabilisé.
expenses-waiting-title = En attente d’approbation
expenses-waiting-none = Aucune dépense n’attend d’approbation.
expenses-submitted-on = Soumise le
expenses-description = Description
expenses-submitted-by = Soumise par
expenses-own-waiting = Vous l’avez soumise : un autre membre de la trésorerie l’approuve.
expenses-approve = Approuver…
expenses-reject = Rejeter…
expenses-evidence-download = Télécharger le justificatif
expenses-submit-title = Soumettre une dépense
expenses-submit-hint = Un autre membre de la trésorerie l’approuve avant qu’elle n’entre dans les comptes.
expenses-amount = Montant en dirhams
expenses-amount-hint = Des chiffres et au plus deux décimales, par exemple 1200.50.
expenses-paid-from = Payée depuis
expenses-description-ar = Description en arabe
expenses-description-fr = Description en français
expenses-evidence = Justificatif (facture ou reçu)
expenses-evidence-hint = Un fichier PDF, JPEG ou PNG de { $mb } Mo au plus. Son contenu est vérifié : un fichier qui n’est pas ce que dit son nom est refusé.
expenses-submit = Soumettre la dépense
expenses-all-title = Toutes les dépenses de la campagne
expenses-none = Aucune dépense pour l’instant.
expenses-rejection-reason = Motif du rejet :
expenses-status = État
expenses-approve-title = Approuver une dépense
expenses-reject-title = Rejeter une dépense
expenses-approve-check = Vérifiez ce qui va se passer avant d’approuver.
expenses-approve-effect = L’approbation comptabilise ce montant sur l’argent de la campagne et le publie dans le journal public avec l’empreinte du justificatif. Elle est définitive.
expenses-approve-confirm = Approuver cette dépense
expenses-reject-reason = Motif du rejet
expenses-reject-confirm = Rejeter cette dépense
list-newer = Plus récents
list-older = Plus anciens
expense-status-submitted = En attente d’approbation
expense-status-approved = Approuvée
expense-status-rejected = Rejetée
transfer-status-pending = En attente de confirmation par le destinataire
transfer-status-confirmed = Reçu et confirmé
ledger-account-bank = Banque
ledger-account-cash = Caisse
ledger-account-mobile-wallet = Portefeuille mobile
ledger-account-donation-income = Dons reçus
ledger-account-in-kind-stock = Biens en stock
ledger-account-in-kind-income = Biens reçus
ledger-account-programme-expenses = Dépenses de programme
ledger-account-running-costs = Frais de fonctionnement
ledger-account-transfers-out = Virements envoyés
ledger-account-transfers-in = Virements reçus
ledger-source-donation = Dons
ledger-source-expense = Dépense
ledger-source-transfer-out = Virement envoyé
ledger-source-transfer-in = Virement reçu
transfers-title = Virements entre associations
transfers-done-sent = Virement envoyé : il attend la confirmation de l’association destinataire.
transfers-done-confirmed = Virement confirmé : il est dans les comptes des deux associations.
transfers-to-confirm-title = Virements à confirmer
transfers-to-confirm-none = Aucun virement n’attend votre confirmation.
transfers-date = Date
transfers-from = Envoyé par
transfers-confirm = Confirmer la réception
transfers-confirm-hint = Ne confirmez qu’une fois l’argent réellement sur votre compte : le virement entre alors dans les comptes des deux associations.
transfers-send-title = Envoyer un virement
transfers-search = Trouver l’association destinataire par son nom
transfers-to = Association destinataire
transfers-no-recipient = Aucune association vérifiée ne correspond à ce nom.
transfers-paid-by-campaign = Payé sur la campagne
transfers-next = Continuer
transfers-list-title = Virements envoyés et reçus
transfers-none = Aucun virement pour l’instant.
transfers-direction = Sens
transfers-other = Autre association
transfers-sent = Envoyé
transfers-received = Reçu
transfers-check-title = Vérifier le virement avant de l’envoyer
transfers-check-intro = Vérifiez ce qui va se passer avant d’envoyer.
transfers-check-effect = Le virement attend la confirmation de l’association destinataire ; une fois confirmé, le montant sort de l’argent de la campagne et il est publié dans le journal public.
transfers-send = Envoyer le virement
books-title = Les comptes de l’association
books-trial-balance = Balance des comptes
books-balanced = Équilibrée : le total des débits égale le total des crédits.
books-not-balanced = Non équilibrée : le total des débits diffère du total des crédits.
books-account = Compte
books-debits = Débits
books-credits = Crédits
books-balance = Solde
books-in-kind-stock = Biens reçus en nature
books-journal = Journal
books-all-accounts = Tous les comptes
books-from = Du (date incluse)
books-to = Au (date incluse)
books-show = Afficher le journal
books-journal-empty = Aucune ligne ne correspond à ces filtres.
books-source = Écriture
books-debit = Débit
books-credit = Crédit
books-reports = Les rapports des campagnes
books-report-csv = Le rapport en CSV
error-invalid-account = Compte inconnu : choisissez-en un dans la liste.
# Administration de la plateforme et documents des associations
nav-administration = Administration
admin-home-title = Administration de la plateforme
admin-accounts-title = Comptes
admin-accounts-hint = Trouver un compte, en créer un, le désactiver, ou donner et retirer les rôles de la plateforme.
admin-verification-hint = Examiner les documents de chaque association, puis la vérifier ou la rejeter avec un motif.
admin-new-account-title = Créer un compte
admin-new-account-hint = Le compte n’a pas encore de mot de passe : son titulaire en choisit un grâce au lien envoyé à l’adresse e-mail.
admin-search-label = Rechercher par adresse e-mail ou par nom
admin-no-account = Aucun compte ne correspond.
admin-platform-role = Rôle sur la plateforme
admin-status = État
admin-status-active = Actif
admin-status-disabled = Désactivé
admin-previous = Comptes précédents
admin-next = Comptes suivants
admin-role-none = Aucun rôle sur la plateforme
admin-competence = Compétence d’une autorité
admin-competence-hint = Seulement pour le rôle d’autorité : l’autorité qui décide des autorisations d’appel à la générosité publique (loi 18-18).
admin-competence-none = Aucune (pas une autorité)
admin-competence-code = Province, préfecture ou région de l’autorité
admin-competence-code-hint = Une province ou préfecture pour un gouverneur, une région pour un wali ; aucune pour le national et l’étranger.
admin-competence-code-none = Aucune (national ou étranger)
admin-regions = Régions
admin-create-account = Créer le compte
admin-account-title = Compte
admin-created-on = Créé le
admin-own-account = C’est votre propre compte : un autre administrateur de la plateforme peut le désactiver ou changer son rôle.
admin-enable-hint = Le compte pourra de nouveau se connecter. Ses jetons d’API restent révoqués.
admin-enable = Réactiver le compte
admin-disable-hint = Le compte ne pourra plus se connecter ; ses sessions se terminent et ses jetons d’API sont révoqués aussitôt.
admin-disable = Désactiver le compte
admin-change-role-title = Donner ou retirer un rôle sur la plateforme
admin-role-next = Continuer
admin-history = Modifications de ce compte
admin-history-empty = Aucune modification enregistrée.
admin-role-check-title = Vérifiez le changement de rôle
admin-role-check-back = Retour au compte
admin-role-check-hint = Vérifiez ce qui va changer avant de confirmer.
admin-role-now = Rôle actuel
admin-role-after = Rôle ensuite
admin-role-confirm = Confirmer le changement
admin-done-created = Le compte est créé. Son titulaire choisira un mot de passe grâce au lien envoyé à l’adresse.
admin-done-disabled = Le compte est désactivé.
admin-done-enabled = Le compte est réactivé.
admin-done-role-given = Le rôle est donné.
admin-done-role-taken = Le rôle est retiré.
admin-action-created = Compte créé
admin-action-disabled = Désactivé
admin-action-enabled = Réactivé
admin-action-role-given = Rôle donné : { $role }
admin-action-role-taken = Rôle retiré : { $role }
admin-by-command-line = la ligne de commande
error-own-account = Vous ne pouvez ni désactiver votre propre compte ni changer son rôle : demandez-le à un autre administrateur de la plateforme.
error-last-platform-admin = La plateforme doit garder un administrateur actif : donnez d’abord ce rôle à un autre compte.
error-invalid-association-document = Le document doit être un fichier PDF, JPEG ou PNG de 2 Mo au plus, dont le contenu correspond à son type.
error-invalid-document-kind = Choisissez le type de document : statuts, récépissé de déclaration ou liste du bureau.
org-documents = Documents pour la vérification
org-documents-hint = La plateforme vérifie l’association avec ses statuts, le récépissé de sa déclaration délivré par l’autorité locale et la liste de son bureau.
org-documents-empty = Aucun document pour l’instant.
org-document-add = Ajouter un document
org-document-kind = Type de document
org-document-file = Fichier
org-document-file-hint = PDF, JPEG ou PNG, 2 Mo au plus.
org-document-upload = Ajouter le document
org-document-size = { $kb } Ko
org-done-document-added = Le document est ajouté.
document-kind-statutes = Statuts
document-kind-declaration-receipt = Récépissé de déclaration
document-kind-board-list = Liste du bureau
verify-no-documents = Cette association n’a encore donné aucun document.
home-expense-to-approve = Une dépense à approuver
home-transfer-to-confirm = Un transfert à confirmer
file-fingerprint = Empreinte du fichier

# Crisis coordination: the incident board, pledges, contacts and triage.
nav-triage = Incidents à coordonner
board-title = Tableau de l’incident
board-incidents = Incidents
board-back-home = L’accueil de l’association
board-back-declaration = L’incident, ses communes et ses douars
board-triage-needs = Trier les besoins de l’incident
board-done-pledged = Votre engagement est enregistré.
board-done-pledged-covered = Votre engagement est enregistré, mais cette commune était déjà couverte alors que des communes voisines attendent encore. Voyez les écarts plus bas.
board-queue = Besoins par priorité
board-queue-hint = Les besoins ouverts, du plus prioritaire au moins prioritaire. La priorité, sur 100, additionne l’urgence, les personnes touchées, l’attente et l’écart de la commune.
board-all-communes = Toutes les communes
board-filter = Filtrer
board-queue-empty = Aucun besoin ouvert.
board-next = Suivants
board-need = Besoin
board-priority = Priorité
board-priority-explained = urgence { $urgency } + personnes { $vulnerability } + attente { $waiting } + écart { $gap }
board-status = État
board-action = Action
board-possible-duplicate = doublon probable de
board-pledge = S’engager
board-contact = Le contact
board-triage = Trier
board-douar-coverage = Écarts par douar
pledge-title = S’engager à couvrir un besoin
pledge-households = Ménages que vous couvrirez
pledge-households-hint = Ce besoin compte { $n } ménages. Vous pouvez vous engager pour une partie d’entre eux, pas davantage.
pledge-description = Ce que vous apportez
pledge-description-hint = Par exemple 12 tentes familiales et des couvertures.
pledge-due-on = Au plus tard le
pledge-submit = Enregistrer l’engagement
error-pledge-beyond-need = Vous ne pouvez pas vous engager pour plus de ménages que le besoin n’en compte.
contact-title = Le contact de la personne qui a signalé le besoin
contact-recorded = Cette lecture est enregistrée. La personne voit le nom de votre association et la date.
contact-name = Nom
contact-phone = Téléphone
triage-title = Trier le besoin
triage-this-need = Ce besoin
triage-verify = Confirmer que le besoin est vérifié
triage-likely-duplicate = Le besoin qu’il répète probablement
triage-reasons = Pourquoi ils semblent n’en faire qu’un
triage-reason-same-commune = La même commune
triage-reason-same-douar = Le même douar
triage-reason-no-douar = Aucun des deux ne nomme de douar
triage-reason-same-category = Le même besoin
triage-reason-close-in-time = Signalés à moins de trois jours d’intervalle
triage-reason-close-points = Situés à moins de deux kilomètres l’un de l’autre
triage-merge = Fusionner avec le besoin qu’il répète
triage-merge-into = Numéro du besoin gardé
triage-merge-hint = Ce besoin-ci sort des comptes et ses engagements passent au besoin gardé.
triage-merge-submit = Fusionner
triage-assign = Confier le besoin à une association
triage-assign-to = Association vérifiée de la province
triage-assign-hint = Elle pourra lire le contact de la personne qui a signalé le besoin. Trois associations au plus.
triage-assign-submit = Confier le besoin
triage-assigned-by-pledge = par son engagement
triage-assigned-by-authority = par l’autorité
triage-reported-at = Signalé le
triage-description = Description
triage-done-verified = Le besoin est vérifié.
triage-done-merged = Le doublon est fusionné dans ce besoin.
triage-done-assigned = Le besoin est confié à l’association.
## Registre : foyers, fichiers, doublons
registry-households-title = Registre des foyers
registry-back-to-association = Retour à l’association
registry-done-registered = Le foyer est inscrit.
registry-open-household = Ouvrir sa fiche
registry-register = Inscrire un foyer
registry-import = Importer un fichier de foyers
registry-duplicates = Doublons à examiner
registry-search-name = Nom d’un membre
registry-search-name-hint = En lettres arabes, latines ou tifinagh : les graphies d’un même nom se retrouvent.
registry-reference = Référence
registry-commune = Commune
registry-douar = Douar
registry-programme = Programme
registry-any = Tous
registry-status = Statut
registry-status-active = Actif
registry-status-anonymized = Anonymisé
registry-search = Chercher
registry-none = Aucun foyer ne correspond.
registry-head = Chef de ménage
registry-place = Lieu
registry-members = Membres
registry-register-hint = Saisissez le foyer et ses membres, puis inscrivez-le. Rien n’est enregistré tant qu’un champ est à corriger.
registry-household = Foyer
registry-commune-hint = Son code HCP (par exemple 07.041.07.05) ou son nom.
registry-address = Adresse
registry-damage = Dégâts au logement
registry-consent = Consentement
registry-consent-hint = Pourquoi les données du foyer sont traitées, et sur quelle base (loi 09-08).
registry-purpose = Finalité
registry-basis = Base légale
registry-channel = Recueilli
registry-members-hint = Une ligne par membre ; laissez vides les lignes en trop. Un foyer a exactement un chef de ménage.
registry-member-n = Membre { $n }
registry-register-submit = Inscrire le foyer
registry-more-rows = Plus de lignes de membres
registry-given-name-ar = Prénom en arabe
registry-family-name-ar = Nom de famille en arabe
registry-given-name-lat = Prénom en lettres latines
registry-family-name-lat = Nom de famille en lettres latines
registry-sex = Sexe
registry-choose = Choisir
registry-birth-date = Date de naissance
registry-relation = Lien avec le chef de ménage
registry-disability = Handicap
registry-schooling = Scolarité
registry-cin = Numéro de CIN
registry-phone = Téléphone
registry-idcs = Identifiant numérique civil et social
registry-rectify-title = Corriger les données d’un membre
registry-rectify-hint = Droit de rectification (loi 09-08) : la correction est gardée avec sa raison, sans les anciennes valeurs.
registry-rectify-reason = Raison de la correction
registry-rectify-reason-hint = Par exemple : demande du foyer, pièce d’état civil présentée.
registry-rectify-submit = Enregistrer la correction
registry-rectify = Corriger
registry-consents = Consentements
registry-none-yet = Rien pour l’instant.
registry-recorded = Recueilli le
registry-withdrawn = Retrait
registry-withdrawn-on = Retiré le
registry-standing = En vigueur
registry-decisions = Décisions des programmes
registry-eligible = Éligible
registry-not-eligible = Non éligible
registry-indexes = Indices socio-économiques
registry-deliveries = Livraisons reçues
registry-grievances = Réclamations
registry-name = Nom
registry-identifiers = Identifiants
registry-export = Ce que nous savons du foyer
registry-corrections = Corrections
registry-withdraw-title = Retirer un consentement
registry-withdraw-hint = Le foyer peut retirer son consentement à tout moment ; le retrait est daté et gardé.
registry-withdraw = Retirer le consentement
registry-access-log = Qui a lu ces données
registry-access-log-hint = Chaque lecture des données personnelles du foyer est inscrite ici.
registry-when = Quand
registry-who = Qui
registry-what = Quoi
registry-why = Pourquoi
registry-done-withdrawn = Le consentement est retiré.
registry-done-rectified = La correction est enregistrée.
registry-reader-platform = Administration de la plateforme
registry-export-intro = Tout ce que l’association garde sur le foyer (loi 09-08, droit d’accès). Cette consultation est elle-même inscrite.
registry-printed-on = Imprimé le
registry-export-rights = Le foyer peut demander la correction de ses données et retirer son consentement auprès de l’association.
registry-import-hint = Le fichier est d’abord vérifié sans rien importer ; vous choisissez ensuite d’importer tout ou seulement les foyers valides.
registry-import-file = Fichier de foyers
registry-import-file-hint = CSV en UTF-8 ou classeur Excel (.xlsx, sa première feuille), 16 Mo au plus.
registry-import-check = Vérifier le fichier
registry-import-report = Vérification du fichier
registry-import-report-hint = Rien n’est encore importé. Chaque ligne invalide est donnée avec son champ et la raison.
registry-import-valid = Foyers valides
registry-import-persons = Personnes dans ces foyers
registry-import-invalid = Foyers invalides
registry-import-errors = Erreurs
registry-import-row = Ligne
registry-import-field = Colonne
registry-import-reason = Raison
registry-import-how = Que faut-il importer ?
registry-import-all = Tout le fichier (seulement s’il n’a aucune erreur)
registry-import-submit = Importer
registry-import-nothing = Aucun foyer valide : corrigez le fichier et envoyez-le de nouveau.
duplicates-title = Doublons possibles
duplicates-hint = Deux fiches qui semblent désigner la même personne, avec les raisons du rapprochement. Décidez après avoir vérifié auprès du foyer.
duplicates-search = Chercher de nouveaux doublons
duplicates-none = Aucun doublon en attente.
duplicates-pair = Paire de score { $score }
duplicates-field = Champ
duplicates-first = Première fiche
duplicates-second = Seconde fiche
duplicates-reasons = Pourquoi ce rapprochement
duplicates-same = Même personne
duplicates-different = Personnes différentes
duplicates-done-same = Décidé : même personne. La fiche la plus récente ne compte plus dans les cycles.
duplicates-done-different = Décidé : personnes différentes. La paire ne sera plus proposée.
registry-done-imported =
    { PLURAL($count) ->
        [one] { $count } foyer importé
       *[other] { $count } foyers importés
    }
registry-import-more-errors =
    { PLURAL($count) ->
        [one] et { $count } autre erreur
       *[other] et { $count } autres erreurs
    }
registry-import-valid-only =
    { PLURAL($count) ->
        [one] Seulement le foyer valide ({ $count })
       *[other] Seulement les foyers valides ({ $count })
    }
duplicates-done-searched =
    { PLURAL($count) ->
        [one] { $count } nouvelle paire à examiner
       *[other] { $count } nouvelles paires à examiner
    }
error-consent-not-standing = Ce foyer n’a pas de consentement en vigueur pour cette finalité.
error-file-not-household-file = Choisissez un fichier CSV ou un classeur Excel (.xlsx).
error-import-has-errors = Le fichier a des erreurs : importez seulement les foyers valides, ou corrigez-le.
registry-sex-f = Féminin
registry-sex-m = Masculin
registry-relation-head = Chef de ménage
registry-relation-spouse = Conjoint
registry-relation-child = Enfant
registry-relation-parent = Parent
registry-relation-sibling = Frère ou sœur
registry-relation-grandchild = Petit-enfant
registry-relation-other-relative = Autre parent
registry-relation-not-related = Sans lien de parenté
registry-disability-none = Aucun
registry-disability-physical = Moteur
registry-disability-sensory = Sensoriel
registry-disability-intellectual = Intellectuel
registry-disability-mental = Psychique
registry-disability-multiple = Multiple
registry-schooling-none = Non scolarisé
registry-schooling-preschool = Préscolaire
registry-schooling-primary = Primaire
registry-schooling-lower-secondary = Collège
registry-schooling-upper-secondary = Lycée
registry-schooling-higher = Supérieur
registry-schooling-vocational = Formation professionnelle
registry-damage-none = Aucun
registry-damage-partial = Partiels
registry-damage-total = Logement détruit
registry-purpose-registration = Inscription au registre
registry-purpose-programme-enrollment = Inscription aux programmes
registry-purpose-payments = Paiements
registry-purpose-duplicate-check = Recherche de doublons
registry-basis-consent = Consentement
registry-basis-legal-obligation = Obligation légale
registry-basis-vital-interest = Intérêt vital
registry-basis-public-interest = Intérêt public
registry-channel-paper = Sur papier
registry-channel-in-person = En personne
registry-channel-phone = Par téléphone
registry-channel-sms = Par SMS
registry-channel-ussd = Par USSD
registry-channel-web = En ligne
registry-field-given-name-ar = prénom en arabe
registry-field-family-name-ar = nom de famille en arabe
registry-field-given-name-lat = prénom en lettres latines
registry-field-family-name-lat = nom de famille en lettres latines
registry-field-sex = sexe
registry-field-birth-date = date de naissance
registry-field-relation = lien avec le chef de ménage
registry-field-disability = handicap
registry-field-schooling = scolarité
registry-field-phone = téléphone
registry-field-cin = numéro de CIN
registry-field-idcs = identifiant numérique civil et social
duplicates-field-given-name = Prénom
duplicates-field-family-name = Nom de famille
duplicates-field-birth-date = Date de naissance
duplicates-field-sex = Sexe
duplicates-field-national-id = Numéro de CIN
duplicates-field-phone = Téléphone
duplicates-field-address = Douar
duplicates-field-locality = Commune
duplicates-field-postcode = Code postal
duplicates-level-exact = identique
duplicates-level-spelling-variant = autre graphie
duplicates-level-transliteration = même nom dans une autre écriture
duplicates-level-phonetic = se prononce pareil
duplicates-level-swapped = prénom et nom inversés
duplicates-level-token-subset = une partie du nom
duplicates-level-similar = proche
duplicates-level-partial = en partie
duplicates-level-one-edit = une lettre de différence
duplicates-level-one-digit = un chiffre de différence
duplicates-level-day-month-swapped = jour et mois inversés
duplicates-level-year-off-by-one = un an d’écart
duplicates-level-same-year-month = même mois et même année
duplicates-level-different = différent
operations-title = Opérations
operations-hint = Les tâches qui tournent seules dans la base de données, et ce qu’elles ont fait.
operations-done-ran = La conservation a tourné.
operations-retention = Durée de conservation
operations-run-now = Lancer maintenant
operations-no-run = Aucune exécution pour l’instant.
operations-run = Exécution
operations-started = Début (UTC)
operations-finished = Fin (UTC)
operations-status = État
operations-households = Foyers anonymisés
operations-status-running = En cours
operations-status-done = Terminée
operations-status-failed = Échouée
operations-retention-hint =
    { PLURAL($hours) ->
        [one] Chaque nœud vérifie toutes les { $hours } heure si la conservation du jour a tourné ; un seul la lance. Elle anonymise les foyers dont les programmes ont pris fin depuis plus que leur durée de conservation, et ne change rien la deuxième fois.
       *[other] Chaque nœud vérifie toutes les { $hours } heures si la conservation du jour a tourné ; un seul la lance. Elle anonymise les foyers dont les programmes ont pris fin depuis plus que leur durée de conservation, et ne change rien la deuxième fois.
    }

# Field work: an agent's communes, their home, the field assessment.
error-outside-agent-communes = Ce lieu est hors de vos communes. Choisissez une des communes où vous travaillez, ou demandez à un responsable de l’association de vous l’attribuer.
field-title = Votre travail de terrain
field-communes = Vos communes : { $communes }
field-no-communes = Aucune commune ne vous est encore attribuée. Un responsable de l’association (propriétaire ou administrateur) les attribue sur la page des membres.
field-deliveries = Livraisons à confirmer
field-deliveries-empty = Aucune livraison n’attend dans vos communes.
field-confirm = Confirmer
field-needs = Besoins ouverts, les plus urgents d’abord
field-needs-empty = Aucun besoin ouvert dans vos communes.
field-assess = Enregistrer une évaluation
field-done-assessed = Votre évaluation est enregistrée.
assessment-title = Évaluation de terrain
assessment-intro = Ce que vous enregistrez ici compte comme un besoin vérifié.
assessment-submit = Enregistrer l’évaluation
members-communes = Communes de travail
members-communes-none = Aucune
members-communes-hint = Codes HCP ou noms, séparés par des virgules (par exemple 07.041.07.03). Laissez vide pour toutes les retirer.
members-communes-save = Enregistrer les communes
members-done-communes-set = Les communes du membre sont enregistrées.
