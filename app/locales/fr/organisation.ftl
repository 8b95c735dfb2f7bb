org-organisation = Organisation
org-intro = La configuration de votre organisation dans Postern : ses domaines de messagerie, le service de connexion de ses membres, son serveur de messagerie et les règles de leurs sessions.
org-managed-in-config = Géré dans postern.toml
org-managed-in-config-note = Ces paramètres proviennent du fichier de configuration du portail : ils sont ici en lecture seule. Demandez à la personne qui gère Postern de les modifier dans ce fichier ; chaque instance du portail prend en compte la modification à son redémarrage.
org-managed-here = Ces paramètres sont enregistrés dans la base de données de Postern.
org-domains = Domaines de messagerie
org-no-domains = Aucun domaine de messagerie n'est encore vérifié pour cette organisation.
org-sign-in = Fournisseur d'identité
org-issuer = Émetteur (issuer)
org-client-id = ID client
org-client-secret = Secret client
org-secret-in-config = Défini dans postern.toml (jamais affiché)
org-secret-sealed = Stocké chiffré (jamais affiché)
org-scopes = Portées (scopes)
org-email-claim = Claim de l'adresse e-mail
org-groups-claim = Claim des groupes
org-admin-group = Groupe des administrateurs
org-no-admin-group = Aucun : personne n'est administrateur
org-login-hint = Indice de connexion envoyé à l'IdP (login_hint)
org-hint-email = L'adresse e-mail saisie sur la page de connexion
org-hint-none = Aucun : l'IdP demande le nom d'utilisateur
org-hint-local-part = La partie avant le @
org-mail = Serveur de messagerie
org-server = Serveur Stalwart
org-imap = IMAP (pour les applications de messagerie)
org-smtp = SMTP (pour les applications de messagerie)
org-policies = Sessions et boîtes aux lettres
org-fresh-auth = Se reconnecter avant de créer un mot de passe d'application, après
org-session-lifetime = Une session se termine après
org-session-idle = Une session inutilisée pendant cette durée se termine
org-admin-recheck = Intervalle de confirmation des droits d'administrateur auprès de l'IdP
org-mailbox-passwords = Les utilisateurs peuvent définir un mot de passe de boîte aux lettres
org-provisioning = Une boîte aux lettres est créée à la première connexion
org-verified-email = L'IdP doit garantir l'adresse e-mail
org-on = Oui
org-off = Non
org-sync = Synchronisation de l'annuaire
org-sync-intro = Quand une personne quitte l'organisation ou est désactivée chez votre fournisseur d'identité, Postern met fin à ses sessions et révoque ses mots de passe d'application. Votre fournisseur d'identité en informe Postern de l'une des façons ci-dessous.
org-sync-reconciler = Vérifications auprès du fournisseur d'identité
org-sync-no-reconciler = Aucune API de fournisseur d'identité n'est configurée pour les vérifications. Demandez à la personne qui gère Postern d'en ajouter une (Keycloak, Authentik, Zitadel ou Microsoft Graph) dans postern.toml, ou utilisez SCIM ci-dessous.
org-sync-api = API
org-sync-last-run = Dernière vérification
org-sync-last-ok = Dernière vérification réussie
org-sync-checked = Personnes vérifiées
org-sync-departed = Trouvées désactivées ou supprimées
org-sync-unknown = Pas encore vérifiées (elles ne se sont pas connectées depuis la mise en place de la synchronisation)
org-sync-never = Pas encore
org-sync-check-now = Vérifier maintenant
org-sync-alert = Les vérifications échouent
org-sync-alert-note = Postern n'a pas pu interroger votre fournisseur d'identité lors de plusieurs vérifications d'affilée. Personne ne perd son accès pour autant, mais les personnes désactivées entre-temps gardent leurs mots de passe d'application jusqu'à ce qu'une vérification réussisse. Corrigez les paramètres de synchronisation ou le fournisseur d'identité, puis utilisez « Vérifier maintenant ».
org-scim = Provisionnement SCIM
org-scim-intro = Pour Microsoft Entra ID, Authentik et les autres fournisseurs d'identité qui transmettent eux-mêmes les changements : saisissez ce point de terminaison et ce jeton dans les paramètres de provisionnement de l'application Postern.
org-scim-endpoint = URL du locataire (point de terminaison)
org-scim-token = Jeton secret
org-scim-no-token = Aucun pour l'instant
org-scim-create = Créer un jeton
org-scim-replace = Remplacer le jeton
org-scim-replace-note = Un nouveau jeton désactive immédiatement l'ancien : collez tout de suite le nouveau dans votre fournisseur d'identité.
org-scim-new-token = Votre nouveau jeton SCIM
org-scim-new-token-note = Copiez-le maintenant dans votre fournisseur d'identité : vous ne le reverrez plus. Postern n'en conserve qu'une empreinte.
org-backchannel = Déconnexion depuis le fournisseur d'identité
org-backchannel-intro = Enregistrez cette URI de déconnexion back-channel auprès de votre fournisseur d'identité : une déconnexion chez lui (ou une session qu'un administrateur y ferme) met aussi fin aux sessions Postern de la personne. Les mots de passe d'application ne sont pas révoqués pour autant : il faut pour cela désactiver la personne.
org-backchannel-uri = URI de déconnexion back-channel
org-departures = Personnes parties
org-no-departures = Personne n'a été désactivé ni supprimé chez le fournisseur d'identité depuis que Postern est à l'écoute.
org-departure-who = Personne
org-departure-when = Constaté le
org-departure-how = Signalé par
org-departure-outcome = Mots de passe d'application
org-open-connections = Une application de messagerie encore connectée au moment où son mot de passe est révoqué est déconnectée par le serveur de messagerie à sa prochaine commande (Stalwart ferme la session) ; une nouvelle connexion avec le mot de passe révoqué échoue.
org-scim-token-made = Un nouveau jeton SCIM a été créé.
org-sync-link-note = comment les personnes désactivées chez votre fournisseur d'identité perdent leurs mots de passe d'application et leurs sessions

## Durations of the session policies ("5 minutes", "8 hours", "2 days"), shown next to their labels.
org-duration-days = { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
org-duration-hours = { $count ->
        [one] { $count } heure
       *[other] { $count } heures
    }
org-duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
org-duration-seconds = { $count ->
        [one] { $count } seconde
       *[other] { $count } secondes
    }

## The SCIM token's dates ($at, $created, $used: a date and time).
org-used = dernière utilisation le { $at }
org-created = créé le { $at }
org-created-and-used = créé le { $created }, dernière utilisation le { $used }

## A departure's outcome for the person's app passwords (the "App passwords" column).
org-revoked = { $count ->
        [0] aucun à révoquer
        [one] { $count } révoqué
       *[other] { $count } révoqués
    }
org-pending = révocation en cours
org-pending-retrying = pas encore révoqués, nouvelle tentative en cours : { $error }

## After "Check now": $checked people were checked, $departed of them have left.
org-checked = { $departed ->
        [0] { $checked ->
                [one] { $checked } personne vérifiée
               *[other] { $checked } personnes vérifiées
            } auprès de votre fournisseur d'identité : aucune nouvelle désactivation ni suppression.
        [one] { $checked ->
                [one] { $checked } personne vérifiée
               *[other] { $checked } personnes vérifiées
            } : { $departed } personne y est désactivée ou supprimée ; ses sessions ont été fermées et ses mots de passe d'application révoqués.
       *[other] { $checked ->
                [one] { $checked } personne vérifiée
               *[other] { $checked } personnes vérifiées
            } : { $departed } personnes y sont désactivées ou supprimées ; leurs sessions ont été fermées et leurs mots de passe d'application révoqués.
    }
# $error: what the identity provider's API answered (technical, not translated).
org-check-failed = { $error }. L'accès de chacun reste inchangé ; réessayez plus tard.

org-copy-token = Copier le jeton
org-last-error = Dernière erreur
## How Postern learnt that someone left (the "Told by" column).
org-source-scim = SCIM
org-source-sync = synchronisation de l'annuaire
## The identity provider API that directory sync checks with.
org-kind-keycloak = API d'administration Keycloak
org-kind-authentik = API Authentik
org-kind-zitadel = API utilisateurs Zitadel
org-kind-graph = Microsoft Graph
org-kind-scim = SCIM uniquement
org-reason-deactivated = désactivé
org-reason-deleted = supprimé
