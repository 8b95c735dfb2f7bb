admin-mailboxes = Boîtes aux lettres
admin-groups = Groupes et boîtes aux lettres partagées
admin-audit = Journal d'audit
admin-new-mailbox = Créer une boîte aux lettres
admin-domain = Domaine
admin-search = Rechercher
admin-search-hint = Partie d'un nom ou d'une adresse
admin-show = Afficher
admin-address = Adresse
admin-display-name = Nom affiché
admin-storage = Stockage
admin-aliases = Alias
admin-member-of = Groupes
admin-no-limit = sans limite
admin-none-found = Aucune boîte aux lettres ne correspond.
admin-empty-domain = Ce domaine n'a pas encore de boîte aux lettres.
admin-previous = Page précédente
admin-next = Page suivante
admin-local-part = Nom avant le @
admin-quota = Limite de stockage (Go)
admin-quota-hint = Laissez vide pour ne fixer aucune limite.
admin-aliases-hint = Autres adresses dont les e-mails arrivent dans cette boîte aux lettres, une par ligne.
admin-password = Mot de passe initial (facultatif)
admin-password-hint = Choisissez un mot de passe d'au moins 12 caractères, difficile à deviner. Laissez vide si la personne se connecte via votre fournisseur d'identité et utilise des mots de passe d'application. Seule une empreinte (hash) du mot de passe est envoyée au serveur de messagerie.
admin-no-passwords = Les personnes de votre organisation se connectent via votre fournisseur d'identité : les boîtes aux lettres n'ont donc pas de mot de passe, et chacun crée des mots de passe d'application pour ses applications de messagerie.
admin-create = Créer la boîte aux lettres
admin-creating = Création…
admin-save = Enregistrer
admin-saving = Enregistrement…
admin-cancel = Annuler
admin-problem = La boîte aux lettres n'a pas été créée
admin-details = Détails
admin-add-alias = Ajouter l'alias
admin-new-alias = Nouvel alias
admin-remove = Retirer
admin-password-title = Mot de passe
admin-reset-password = Définir un nouveau mot de passe
admin-new-password = Nouveau mot de passe
admin-app-passwords = Mots de passe d'application de cette boîte aux lettres
admin-app-passwords-none = Cette boîte aux lettres n'a aucun mot de passe d'application.
admin-revoke = Révoquer
admin-delete = Supprimer cette boîte aux lettres
admin-sign-out-title = Sessions sur ce portail
admin-sign-out-body = Déconnectez cette personne de tous les navigateurs où elle est connectée à ce portail (appareil perdu, départ d'un collaborateur). Ses mots de passe d'application continuent de fonctionner ; révoquez-les ci-dessus.
admin-sign-out-button = Déconnecter partout
admin-delete-title = Supprimer la boîte aux lettres
admin-delete-warning = Supprimer une boîte aux lettres supprime aussi tous ses e-mails, calendriers et contacts sur le serveur de messagerie. Cette action est irréversible.
admin-delete-confirm = Pour confirmer, saisissez l'adresse
admin-delete-button = Supprimer la boîte aux lettres et tous ses e-mails
admin-deleting = Suppression…
admin-new-group = Créer un groupe
admin-group-address = Adresse du groupe
admin-members = Membres
admin-no-members = Aucun membre pour l'instant.
admin-add-member = Ajouter le membre
admin-member-address = Adresse du membre
admin-receives = Reçoit des e-mails
admin-does-not-receive = Ne peut pas recevoir d'e-mails : le serveur de messagerie accepterait les messages, puis les renverrait à l'expéditeur.
admin-fix-receive = Activer la réception des e-mails
admin-no-groups = Il n'y a pas encore de groupe. Un groupe est une boîte aux lettres partagée : ses membres en lisent les e-mails.
admin-action-filter = L'action commence par
admin-actor-filter = Effectuée par (l'adresse contient)
admin-filter = Filtrer
admin-when = Date
admin-who = Qui
admin-what = Action
admin-target = Cible
admin-changes = Modifications
admin-no-events = Aucun événement ne correspond.
admin-protected = Géré par l'opérateur de votre serveur de messagerie
admin-protected-mailbox = Ce compte a des droits sur le serveur de messagerie lui-même (ou c'est le compte qu'utilise ce portail pour y accéder) : il est donc géré par l'opérateur de votre serveur de messagerie. Vous pouvez le consulter ici, mais pas le modifier.
admin-protected-group = Ce groupe accorde des droits sur le serveur de messagerie lui-même : il est donc géré par l'opérateur de votre serveur de messagerie. Vous pouvez le consulter ici, mais pas le modifier.
admin-pages = Pages
admin-outcome = Résultat
admin-export-csv = Télécharger au format CSV
admin-event-count = { $total ->
        [one] { $total } événement
       *[other] { $total } événements
    } · page { $page } sur { $pages }
admin-outcome-done = Effectué
admin-outcome-pending = Non confirmé par le serveur de messagerie
admin-outcome-unknown = Inconnu
admin-mailbox-count = { $total ->
        [one] { $total } boîte aux lettres
       *[other] { $total } boîtes aux lettres
    } · page { $page } sur { $pages }
admin-storage-of = { $used } sur { $quota }
admin-storage-unlimited = { $used } ({ admin-no-limit })
admin-created-on = { $name } — créé le { $created }
# The accessible name of a button acting on one item: $action is the button's word
# (admin-remove, admin-revoke), $what the alias, member or app password.
admin-labelled = { $action } { $what }
admin-confirm-label = { admin-delete-confirm } ({ $address })
admin-saved = Enregistré.
admin-password-set = Le nouveau mot de passe est défini.
admin-group-receives = Le groupe peut maintenant recevoir des e-mails.
admin-created-mailbox = La boîte aux lettres { $address } a été créée.
admin-added-alias = L'alias { $alias } a été ajouté.
admin-removed-alias = L'alias { $alias } a été retiré.
admin-deleted-mailbox = La boîte aux lettres { $address } et tous ses e-mails ont été supprimés.
admin-revoked-app-password = Le mot de passe d'application « { $name } » a été révoqué.
admin-signed-out = { $sessions ->
        [0] Aucune session de { $address } n'était ouverte.
        [one] 1 session de { $address } a été fermée.
       *[other] { $sessions } sessions de { $address } ont été fermées.
    }
admin-created-group = Le groupe { $address } a été créé.
admin-added-member = { $member } fait maintenant partie du groupe.
admin-removed-member = { $member } ne fait plus partie du groupe.
admin-passwords-external = Les mots de passe de cette organisation sont gérés par son service de connexion (le serveur de messagerie utilise un annuaire externe) : ils ne peuvent donc pas être définis ici. Les personnes se connectent avec le compte de leur organisation et utilisent des mots de passe d'application pour leurs applications de messagerie.
admin-change-refused = Le serveur de messagerie n'autorise pas cette modification.
admin-not-found = Cette boîte aux lettres ou ce groupe n'existe pas dans votre organisation.
admin-no-domains-yet = Aucun des domaines de votre organisation n'existe encore sur le serveur de messagerie.
admin-choose-domain = Choisissez l'un des domaines de votre organisation.
admin-display-name-too-long = Utilisez au maximum 100 caractères.
admin-no-mailbox-passwords = Les boîtes aux lettres de votre organisation n'ont pas de mot de passe : les personnes se connectent via votre fournisseur d'identité et utilisent des mots de passe d'application.
admin-app-password-gone = Ce mot de passe d'application n'existe plus.
admin-taken = Cette adresse est déjà utilisée par une autre boîte aux lettres, un groupe ou un alias. Choisissez-en une autre.
admin-domain-gone = Le domaine n'existe plus sur le serveur de messagerie. Demandez à votre prestataire de le vérifier.
admin-password-refused = Le serveur de messagerie a refusé ce mot de passe.
admin-value-refused = Le serveur de messagerie n'a pas accepté cette valeur.
admin-deleted-meanwhile = Cet élément n'existe plus ; quelqu'un l'a peut-être supprimé entre-temps.
admin-quota-format = Saisissez la taille en Go, par exemple 2 ou 0,5, ou laissez vide pour ne fixer aucune limite.
admin-guessed-easily = Il serait trop facile à deviner.
admin-not-an-address = « { $address } » n'est pas une adresse de la forme nom@{ $example_domain }.
admin-not-our-domain = { $domain } ne fait pas partie des domaines de votre organisation ({ $ours }).
admin-not-an-alias = { $alias } n'est pas un alias de cette boîte aux lettres.
admin-type-to-confirm = Saisissez exactement { $address } pour confirmer.
admin-no-such-mailbox = Il n'existe aucune boîte aux lettres { $address }.
# $action is one of the admin-action-… fragments below.
admin-still-linked = Nous n'avons pas pu { $action } : d'autres objets y font encore référence ({ $objects }). Supprimez-les d'abord.
admin-limit-reached = Nous n'avons pas pu { $action } : une limite du serveur de messagerie est atteinte.
admin-password-too-short = { $min ->
        [one] Utilisez au moins { $min } caractère.
       *[other] Utilisez au moins { $min } caractères.
    }
admin-password-too-long = { $max ->
        [one] Utilisez au maximum { $max } caractère.
       *[other] Utilisez au maximum { $max } caractères.
    }
# $advice is the strength check's own advice (English only), or admin-guessed-easily.
admin-password-too-weak = Ce mot de passe est trop faible. { $advice } Ajoutez un ou deux mots ; les mots peu courants sont préférables.
# Why an account is managed by the mail server's operator: each follows the address
# in admin-protected-refusal (« alice@example.com a des droits d'administrateur sur le serveur de messagerie »).
admin-protected-server-role = a des droits d'administrateur sur le serveur de messagerie
admin-protected-permissions = a des autorisations de gestion du serveur
admin-protected-portal = est le compte qu'utilise ce portail pour accéder au serveur de messagerie
admin-protected-refusal = { $address } { $reason }. Ce compte est donc géré par l'opérateur de votre serveur de messagerie et ne peut pas être modifié ici.
# Each completes "Nous n'avons pas pu …" in admin-still-linked, admin-limit-reached and the
# mail server failures of error.ftl (error-stalwart-…): infinitive phrases.
admin-action-list-mailboxes = lister les boîtes aux lettres
admin-action-list-groups = lister les groupes
admin-action-list-members = lister les membres
admin-action-list-app-passwords = lister les mots de passe d'application
admin-action-load-mailbox = charger la boîte aux lettres
admin-action-create-mailbox = créer la boîte aux lettres
admin-action-save-mailbox = enregistrer la boîte aux lettres
admin-action-add-alias = ajouter l'alias
admin-action-remove-alias = retirer l'alias
admin-action-reset-password = définir le nouveau mot de passe
admin-action-delete-mailbox = supprimer la boîte aux lettres
admin-action-revoke-app-password = révoquer le mot de passe d'application
admin-action-create-group = créer le groupe
admin-action-find-member = trouver le membre
admin-action-change-membership = modifier les membres du groupe
admin-action-read-group = lire le groupe
admin-action-allow-receiving = permettre au groupe de recevoir des e-mails
admin-action-read-settings = lire les paramètres du serveur de messagerie
admin-another-domain = (autre domaine)
admin-weak-straight-rows = Les rangées de touches sont faciles à deviner.
admin-weak-keyboard-patterns = Les motifs de clavier courts sont faciles à deviner.
admin-weak-repeats = Les répétitions comme « aaa » sont faciles à deviner.
admin-weak-repeated-groups = Les répétitions comme « abcabcabc » ne sont guère plus difficiles à deviner que « abc ».
admin-weak-top-10 = C'est l'un des 10 mots de passe les plus courants.
admin-weak-top-100 = C'est l'un des 100 mots de passe les plus courants.
admin-weak-common = C'est un mot de passe très courant.
admin-weak-similar = Il ressemble à un mot de passe très utilisé.
admin-weak-sequences = Les suites comme abc ou 6543 sont faciles à deviner.
admin-weak-recent-years = Les années récentes sont faciles à deviner.
admin-weak-single-word = Un mot seul est facile à deviner.
admin-weak-dates = Les dates sont souvent faciles à deviner.
admin-weak-names = Les prénoms et les noms seuls sont faciles à deviner.
admin-weak-common-names = Les prénoms et noms courants sont faciles à deviner.
