account-title = Mon compte
account-you = Vos informations
account-name = Nom
account-email = Adresse e-mail
account-organisation = Organisation
account-role = Rôle
account-role-admin = Administrateur de votre organisation
account-role-user = Utilisateur
account-no-name = (non fourni par votre organisation)
account-mailbox = Votre boîte aux lettres
account-address = Adresse
account-display-name = Nom affiché
account-storage = Espace utilisé
account-aliases = Reçoit aussi le courrier pour
account-no-aliases = Aucune autre adresse
account-unlimited = sans limite de stockage
account-missing-title = Vous n'avez pas encore de boîte aux lettres
account-missing-body = Le serveur de messagerie n'a pas de boîte aux lettres pour votre adresse. Veuillez demander à votre administrateur de la créer. Une fois qu'elle existera, vous pourrez revenir ici pour configurer vos applications de messagerie.
account-unavailable-title = Impossible d'afficher votre boîte aux lettres
account-retry = Réessayer
account-sessions = Vos sessions ouvertes
account-sessions-body = Vous avez perdu un appareil ou ouvert une session sur un ordinateur qui n'est pas le vôtre ? Déconnectez-vous partout : chaque navigateur connecté à ce portail avec votre compte devra se reconnecter, y compris celui-ci. Les mots de passe d'application ne sont pas concernés ; révoquez-les sur la page « Mots de passe d'application ».
account-sign-out-everywhere = Se déconnecter partout
account-signing-out = Déconnexion…
account-signed-out-everywhere = Toutes vos sessions ont été fermées. Reconnectez-vous pour continuer.
account-protected-account = Ce compte est géré par l'exploitant de votre serveur de messagerie et ne peut pas se connecter ici. Veuillez utiliser votre propre compte ou vous adresser à votre administrateur.
# Completes « Nous n'avons pas pu … : … » (error.ftl) : an infinitive phrase.
account-look-up-mailbox = retrouver votre boîte aux lettres
# Storage used: « 1,5 Go sur 5 Go ».
account-storage-of = { $used } sur { $limit }
account-storage-unlimited = { $used } (sans limite de stockage)
# The name before the @ of a new mailbox.
account-local-length = Utilisez de 1 à 64 caractères avant le @.
account-local-dots = Le nom ne peut ni commencer ni se terminer par un point, et deux points ne peuvent pas se suivre.
account-local-chars = « { $local } » ne peut contenir que des lettres minuscules, des chiffres et . - _ +
