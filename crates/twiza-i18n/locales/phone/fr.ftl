# First version: to be reviewed by native speakers.
# Messages des téléphones (SMS et USSD), en français. Les SMS restent dans l'alphabet GSM-7
# (sans espace insécable, ni ç, ê, â, î, ô, û) et dans 160 caractères ; les écrans USSD dans 182.

phone-language-name = Français

## USSD screens.
ussd-menu = Twiza
    1 Vérifier le code d'un appel
    2 Signaler un besoin
    3 Suivre un besoin
    4 Déposer une plainte
    5 Alertes de ma commune
ussd-ask-code = Tapez le code de l'appel (TWZ-...) :
ussd-ask-commune = Tapez une partie du nom de votre commune :
ussd-choose-commune = Choisissez votre commune :
ussd-back = 0 Retour
ussd-ask-category = De quoi a-t-on besoin ?
ussd-ask-urgency = Quelle urgence ?
ussd-ask-households = Combien de foyers en ont besoin ? Tapez un nombre :
ussd-confirm-need = { $category }, { $households } foyers, { $commune }.
    1 Confirmer
    2 Annuler
ussd-ask-need-reference = Tapez la référence du besoin (N-...) :
ussd-ask-household = Tapez la référence du foyer (HH-...) :
ussd-ask-grievance-subject = La plainte porte sur :
ussd-confirm-grievance = Foyer { $household } : { $subject }.
    1 Confirmer
    2 Annuler
ussd-alert-action = { $commune }
    1 Recevoir ses alertes
    2 Ne plus les recevoir
ussd-wrong-service = Ce code de service n'est pas servi ici.

## Answers on both channels.
phone-code-valid = { $code } : { $association }, vérifiée. Autorisé par { $authority }, réf. { $reference }, du { $from } au { $to }.
phone-code-not-collecting = { $code } : { $association }. Pas de collecte aujourd'hui : ne donnez pas d'argent.
phone-code-unknown = { $code } : inconnu ou non autorisé. Ne donnez pas d'argent.
phone-authority-governor = le gouverneur
phone-authority-wali = le wali
phone-authority-sgg = le Secrétariat général du gouvernement
phone-authority-foreign-affairs = les Affaires étrangères
phone-need-recorded = Besoin enregistré. Référence { $reference } : gardez-la pour le suivre.
phone-need-no-incident = Aucune crise ouverte dans cette commune : impossible de signaler le besoin ici.
phone-need-status = Besoin { $reference } : { $status }.
phone-need-unknown = Aucun besoin n'a cette référence.
phone-grievance-filed = Plainte no { $number } enregistrée. Réponse avant le { $date }.
phone-household-unknown = Aucun foyer n'a cette référence.
phone-alert-subscribed = Vous recevrez les alertes de { $commune }. STOP pour les stopper.
phone-alert-unsubscribed = Plus d'alertes de { $commune }.
phone-commune-none = Aucune commune ne porte ce nom.
phone-cancelled = Annulé. Rien n'a été enregistré.
phone-invalid-choice = Ce choix n'existe pas. Rien n'a été enregistré.
phone-invalid-number = Ce n'est pas un nombre de foyers. Rien n'a été enregistré.
phone-session-ended = Cette session est terminée. Rappelez.
phone-session-jumped = Cette étape n'a pas été proposée. Rappelez.
phone-error = Service indisponible. Réessayez plus tard.

phone-category-shelter = Abri
phone-category-food = Nourriture
phone-category-water = Eau
phone-category-health = Santé
phone-category-psychosocial = Soutien moral
phone-category-hygiene = Hygiène
phone-category-education = École
phone-category-clothing-blankets = Habits, couvertures
phone-category-protection = Protection
phone-category-other = Autre

phone-urgency-critical = Vies en danger
phone-urgency-high = Aujourd'hui
phone-urgency-medium = Cette semaine
phone-urgency-low = Peut attendre

phone-status-held = en attente de revue
phone-status-reported = enregistré
phone-status-verified = vérifié
phone-status-assigned = une association arrive
phone-status-in-progress = aide en route
phone-status-covered = couvert
phone-status-closed = clos
phone-status-merged = fusionné avec un signalement antérieur

phone-subject-exclusion = Exclusion
phone-subject-amount = Montant
phone-subject-payment-not-received = Paiement manquant
phone-subject-data-error = Erreur de données
phone-subject-conduct = Comportement
phone-subject-other = Autre

## SMS only.
sms-help = Twiza : envoyez TWZ-code pour vérifier un appel, BESOIN pour signaler un besoin, sa référence N- pour le suivre, ALERT commune, STOP, PLAINTE HH-ref texte.
sms-help-short = Twiza : TWZ-code, BESOIN, ALERT commune, STOP, PLAINTE HH-ref
sms-need-ask-commune = Signalement : envoyez le nom de votre commune.
sms-need-choose-commune = Envoyez le numéro de votre commune : { $list }
sms-need-ask-category = Envoyez le numéro du besoin : { $list }
sms-need-ask-households = Combien de foyers en ont besoin ? Envoyez un nombre.
sms-alert-ask-commune = Envoyez ALERT et le nom de votre commune.
sms-alert-choose = Plusieurs communes : { $list }. Envoyez ALERT et le nom complet.
sms-grievance-usage = Envoyez PLAINTE, la référence du foyer HH-... et votre message.
sms-too-long = Message trop long. Envoyez un message plus court.
sms-too-many = Trop de messages. Attendez une minute.
sms-stopped = Vous ne recevrez plus d'alertes.

## Avis par SMS (statut d'un besoin, accusé de réception d'une plainte).
sms-notice-need-verified = Besoin { $reference } vérifié. Envoyez cette référence par SMS pour le suivre.
sms-notice-need-assigned = Besoin { $reference } : { $association } apportera l'aide. Envoyez cette référence par SMS pour le suivre.
sms-notice-need-covered = Besoin { $reference } couvert. Envoyez cette référence par SMS pour le suivre.
sms-notice-need-merged = Besoin { $reference } fusionné avec le besoin { $into }. Envoyez { $into } par SMS pour le suivre.
sms-notice-grievance-acknowledged = Plainte no { $number } prise en compte. Réponse avant le { $date }.
# Alerts sent by authorities and associations
alert-fake-appeal = Alerte Twiza : l'appel { $appeal } est faux. Ne donnez rien. Vérifiez tout appel en envoyant son code TWZ- par SMS à Twiza. Envoyez STOP pour ne plus recevoir d'alertes.
