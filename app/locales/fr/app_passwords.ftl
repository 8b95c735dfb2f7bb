apppw-no-mailbox = Vous n'avez pas encore de boîte aux lettres, vous ne pouvez donc pas encore créer de mots de passe d'application. Veuillez demander à votre administrateur de la créer.
apppw-list-title = Mots de passe d'application
apppw-list-intro = Les applications de messagerie comme Apple Mail, Thunderbird, K-9 Mail ou Outlook ne peuvent pas se connecter via la page de connexion de votre organisation. Donnez plutôt à chacune son propre mot de passe d'application : il ne sert qu'à la messagerie, et vous pouvez le révoquer à tout moment sans rien changer d'autre.
apppw-list-create = Créer un mot de passe d'application
apppw-list-apple = Configurer un iPhone, un iPad ou un Mac
apppw-list-empty-title = Vous n'avez pas encore de mot de passe d'application
apppw-list-empty-body = Il vous en faut un lorsqu'une application de messagerie demande un mot de passe pour votre adresse. Créez-en un par appareil ou par application : si un appareil est perdu, vous ne révoquerez que le sien.
apppw-list-name = Nom
apppw-list-created = Création
apppw-list-expires = Expiration
apppw-list-never = Jamais
apppw-list-expired = expiré
apppw-list-networks = Réseaux autorisés
apppw-list-any-network = Tous
apppw-list-scope = Utilisable pour
apppw-list-mail-only = Messagerie uniquement (IMAP, SMTP)
apppw-list-mail-dav = Messagerie, agendas et contacts
apppw-list-everything = Tout ce que permet votre compte
apppw-list-api-keys = Clés d'API
apppw-list-api-keys-intro = Les clés d'API permettent à des programmes d'utiliser votre compte. Elles ont été créées en dehors de ce portail ; révoquez celles que vous ne reconnaissez pas. Révoquer tous les mots de passe d'application révoque aussi ces clés.
apppw-list-api-keys-caption = Vos clés d'API
apppw-list-actions = Actions
apppw-list-revoke = Révoquer
apppw-list-revoke-all = Révoquer tous les mots de passe d'application
apppw-list-unavailable = Impossible d'afficher vos mots de passe d'application
apppw-list-retry = Réessayer
apppw-list-hangs-title = Votre application de messagerie reste bloquée à la connexion ?
apppw-list-hangs-body = Si une application de messagerie tourne sans fin en se connectant au serveur de courrier entrant (IMAP), son mot de passe d'application est très probablement mal saisi ou révoqué : le serveur de messagerie ne répond pas toujours à un mauvais mot de passe d'application, l'application attend donc au lieu d'afficher une erreur. Créez un nouveau mot de passe d'application et saisissez-le de nouveau.
apppw-list-activity = Activité récente
apppw-list-activity-empty = Rien pour l'instant.
apppw-list-when = Quand
apppw-list-what = Quoi
apppw-list-from = Depuis
apppw-list-caption = Vos mots de passe d'application
apppw-list-activity-caption = Votre activité récente
apppw-list-expired-on = { $date } (expiré)
apppw-list-revoke-label = Révoquer « { $name } »
apppw-new-title = Créer un mot de passe d'application
apppw-new-reauthenticated = Merci d'avoir confirmé votre connexion. Vérifiez les informations et créez le mot de passe d'application.
apppw-new-name = Nom
apppw-new-name-hint = Quel appareil ou quelle application va l'utiliser ? Ce nom apparaîtra dans la liste.
apppw-new-expiry = Expiration
apppw-new-networks = Réseaux autorisés (facultatif)
apppw-new-networks-hint = Ce mot de passe ne sera accepté que depuis ces plages d'adresses IP, une par ligne, par exemple 192.0.2.0/24 ou 2001:db8::/32. Laissez vide pour autoriser tous les réseaux.
apppw-new-scope = Usage autorisé
apppw-new-scope-mail = Messagerie uniquement : lecture (IMAP) et envoi (SMTP)
apppw-new-scope-mail-dav = Messagerie, agendas et contacts : également CalDAV et CardDAV, pour les applications d'agenda et de contacts
apppw-new-fresh = Pour votre sécurité, il se peut que l'on vous demande de vous reconnecter avant la création du mot de passe.
apppw-new-submit = Créer le mot de passe d'application
apppw-new-submitting = Création…
apppw-new-cancel = Annuler
apppw-new-problem = Le mot de passe d'application n'a pas été créé
# Suggested names for a new app password.
apppw-new-preset-iphone = Mail sur iPhone
apppw-new-preset-ipad = Mail sur iPad
apppw-new-preset-mac = Mail sur Mac
apppw-new-preset-thunderbird = Thunderbird sur mon ordinateur portable
apppw-new-preset-outlook = Outlook sur mon PC
apppw-new-preset-k9 = K-9 Mail sur mon téléphone
# The choices of "Expiration".
apppw-new-expiry-never = Jamais
apppw-new-expiry-30 = Dans 30 jours
apppw-new-expiry-90 = Dans 90 jours
apppw-new-expiry-365 = Dans un an
apppw-created-title = Votre nouveau mot de passe d'application
apppw-created-once = Notez-le ou copiez-le maintenant : vous ne reverrez plus ce mot de passe. Si vous le perdez, révoquez-le et créez-en un nouveau.
apppw-created-password = Mot de passe d'application
apppw-created-copy = Copier le mot de passe
apppw-created-type-hint = Les espaces servent uniquement à faciliter la lecture ; saisissez-le sans les espaces.
apppw-created-settings = Réglages pour votre application de messagerie
apppw-created-username = Nom d'utilisateur
apppw-created-incoming = Courrier entrant (IMAP)
apppw-created-outgoing = Courrier sortant (SMTP)
apppw-created-server = Serveur
apppw-created-port = Port
apppw-created-security = Sécurité
apppw-created-auth = Authentification : mot de passe normal (le mot de passe d'application ci-dessus)
apppw-created-done = Terminé, retour à mes mots de passe d'application
apppw-revoke-title = Révoquer le mot de passe d'application
apppw-revoke-question = Révoquer ce mot de passe d'application ?
apppw-revoke-effect = Toutes les applications qui l'utilisent cessent immédiatement de fonctionner et demanderont un mot de passe. Cette action est irréversible ; vous pourrez ensuite créer un nouveau mot de passe d'application.
apppw-revoke-confirm = Oui, le révoquer
apppw-revoke-revoking = Révocation…
apppw-revoke-keep = Non, le conserver
apppw-revoke-all-title = Révoquer tous les mots de passe d'application
apppw-revoke-all-question = Révoquer tous vos mots de passe d'application ?
apppw-revoke-all-effect = Toutes vos applications de messagerie qui utilisent un mot de passe d'application cessent immédiatement de fonctionner. Faites-le si un appareil a été perdu ou si vous soupçonnez que quelqu'un d'autre connaît l'un de vos mots de passe d'application.
apppw-revoke-all-confirm = Oui, tout révoquer
apppw-apple-title = Configurer un iPhone, un iPad ou un Mac
apppw-apple-intro = Téléchargez un profil de configuration qui configure votre compte de messagerie avec un nouveau mot de passe d'application. Si vous le téléchargez de nouveau pour le même appareil, il remplace le profil installé.
apppw-apple-device = Nom de l'appareil
apppw-apple-device-hint = Le nouveau mot de passe d'application portera ce nom, par exemple « iPhone d'Alice ».
apppw-apple-download = Télécharger le profil
apppw-apple-ios = Sur iPhone ou iPad
apppw-apple-ios-step-download = Ouvrez cette page dans Safari sur l'appareil et téléchargez le profil (autorisez le téléchargement).
apppw-apple-ios-step-settings = Ouvrez Réglages : touchez « Profil téléchargé » en haut (ou Général → VPN et gestion de l'appareil).
apppw-apple-ios-step-install = Touchez Installer, saisissez le code de votre appareil, puis confirmez.
apppw-apple-ios-step-open-mail = Ouvrez Mail : votre compte est prêt.
apppw-apple-mac = Sur un Mac
apppw-apple-mac-step-download = Téléchargez le profil, puis double-cliquez dessus dans Téléchargements.
apppw-apple-mac-step-settings = Ouvrez Réglages Système → Confidentialité et sécurité → Profils (ou recherchez « Profils »).
apppw-apple-mac-step-install = Double-cliquez sur le profil téléchargé, cliquez sur Installer et confirmez avec le mot de passe de votre Mac.
apppw-apple-mac-step-open-mail = Ouvrez Mail : votre compte est prêt.
apppw-apple-others = Thunderbird, Outlook, K-9 Mail et autres : créez un mot de passe d'application et saisissez les réglages affichés avec celui-ci.
# The suggested device name, from the person's first name, or without a name.
apppw-apple-default-name = iPhone de { $name }
apppw-apple-default-name-mine = Mon iPhone
# The words inside the Apple configuration profile, shown in the device's settings and in Mail.
apppw-profile-account-description = Messagerie { $organisation }
apppw-profile-mail-description = Compte de messagerie { $address }
apppw-profile-mail-display-name = Messagerie { $organisation } ({ $address })
apppw-profile-description = Configure le compte de messagerie { $address } avec un mot de passe d'application de Postern.
apppw-service-no-name = (sans nom)
apppw-service-mailbox-changed = Votre boîte aux lettres vient d'être supprimée ou recréée sur le serveur de messagerie, rien n'a donc été modifié. Veuillez réessayer.
apppw-service-gone = Ce mot de passe d'application n'existe plus. Il a peut-être déjà été révoqué.
apppw-service-already-unknown = Ce formulaire a déjà été envoyé, et le serveur de messagerie n'a pas confirmé le résultat. Vérifiez votre liste de mots de passe d'application : si le nouveau y figure, révoquez-le et créez-en un autre.
apppw-service-networks-refused = Le serveur de messagerie n'a pas accepté ces réseaux. Vérifiez chaque plage.
apppw-service-timed-out = Le serveur de messagerie n'a pas répondu à temps ; nous ne savons donc pas si le mot de passe d'application a été créé. Vérifiez votre liste de mots de passe d'application avant de réessayer : s'il y figure, révoquez-le et créez-en un nouveau.
# apppw-service-at-limit and apppw-service-have-count complete apppw-service-revoke-one-to-create ($have) : « … ; révoquez-en un … ».
apppw-service-at-limit = Vous avez atteint le nombre maximal de mots de passe d'application
apppw-service-none-to-revoke = Vous n'aviez aucun mot de passe d'application à révoquer.
apppw-service-revoked-one = Votre mot de passe d'application a été révoqué.
apppw-service-already-used = Ce formulaire a déjà été utilisé : « { $name } » a été créé et son mot de passe a été affiché à ce moment-là. Pour des raisons de sécurité, il ne peut plus être affiché. Si vous ne l'avez pas noté, révoquez-le et créez-en un nouveau.
apppw-service-have-count = Vous avez déjà { $count ->
        [one] 1 mot de passe d'application
       *[other] { $count } mots de passe d'application
    }
apppw-service-revoke-one-to-create = { $have } ; révoquez-en un pour en créer un autre.
apppw-service-revoked = « { $name } » a été révoqué. Les applications qui l'utilisaient ne peuvent plus se connecter.
apppw-service-revoked-all = Les { $count } mots de passe d'application et clés d'API ont tous été révoqués. Vos applications de messagerie vous demanderont un nouveau mot de passe.
apppw-service-revoked-api-key = La clé d'API « { $name } » a été révoquée. Les programmes qui l'utilisaient ne peuvent plus se connecter.
# apppw-service-list … apppw-service-revoke-all and apppw-service-revoke-api-key complete « Nous n'avons pas pu { $action } : … » (error.ftl) : an infinitive phrase.
apppw-service-list = récupérer vos mots de passe d'application
apppw-service-find = trouver ce mot de passe d'application
apppw-service-check-mailbox = vérifier votre boîte aux lettres
apppw-service-create = créer le mot de passe d'application
apppw-service-revoke = révoquer le mot de passe d'application
apppw-service-revoke-all = révoquer vos mots de passe d'application
apppw-service-api-key-gone = Cette clé d'API n'existe plus. Elle a peut-être déjà été révoquée.
apppw-service-revoke-api-key = révoquer la clé d'API
apppw-form-name-missing = Donnez-lui un nom, par exemple celui de l'appareil ou de l'application qui l'utilisera.
apppw-form-name-control = Le nom ne peut contenir ni retour à la ligne ni caractère de contrôle.
apppw-form-expiry = Choisissez l'une des durées de validité proposées.
apppw-form-scope = Choisissez l'usage autorisé du mot de passe d'application.
apppw-form-out-of-date = Ce formulaire n'est plus à jour. Veuillez recharger la page et réessayer.
apppw-form-name-too-long = Utilisez au maximum { $max } caractères (celui-ci en compte { $has }).
apppw-form-not-a-network = « { $entry } » n'est ni une adresse IP ni un réseau. Écrivez des plages comme 192.0.2.0/24 ou 2001:db8::/32.
apppw-form-too-many-networks = Indiquez au maximum { $max } réseaux.
# The recent-activity table: what the person did.
apppw-activity-create = Mot de passe d'application créé
apppw-activity-apple-profile = Profil Apple téléchargé
apppw-activity-revoke = Mot de passe d'application révoqué
apppw-activity-revoke-all = Tous les mots de passe d'application révoqués
apppw-activity-revoke-api-key = Clé d'API révoquée
apppw-activity-sign-in = Connexion
apppw-activity-sign-out = Déconnexion
apppw-activity-sign-out-everywhere = Déconnexion partout
apppw-activity-other = Autre modification
# Where it was done from: $browser is Edge, Firefox, Chrome, Safari or "unknown"; $os is iOS, Android, macOS, Windows, Linux or "unknown".
apppw-activity-user-agent = { $browser ->
        [unknown] Un navigateur
       *[other] { $browser }
    } sous { $os ->
        [unknown] un système inconnu
       *[other] { $os }
    }
apppw-list-last-used = Dernière utilisation
apppw-list-never-used = Jamais utilisé
apppw-list-usage-unknown = Pas encore signalé
apppw-list-unused = Inutilisé depuis 90 jours. Si aucun appareil n'en a plus besoin, révoquez-le.
apppw-list-revoke-unused = Le révoquer
apppw-list-failures = { $count ->
    [one] Une connexion échouée en 30 jours, le { $when } depuis { $ip }
   *[other] { $count } connexions échouées en 30 jours, la dernière le { $when } depuis { $ip }
}
apppw-list-failures-many = Plus de 99 connexions échouées en 30 jours, la dernière le { $when } depuis { $ip }
