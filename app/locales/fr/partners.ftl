partners-partners = Partenaires
partners-intro = Les organisations dont vous gérez la messagerie : intégrez-en de nouvelles et suivez l'état de chacune.
partners-intro-operator = Toutes les organisations de ce portail (vous en êtes l'opérateur) : intégrez-en de nouvelles et suivez l'état de chacune.
partners-onboard = Intégrer une organisation
partners-none-yet = Vous ne gérez encore aucune organisation. Intégrez la première : il vous faut un domaine de messagerie dont vous pouvez prouver la propriété, un serveur de messagerie et le fournisseur d'identité de l'organisation.
partners-col-organisation = Organisation
partners-col-status = Statut
partners-col-domains = Domaines de messagerie
partners-col-server = Serveur de messagerie
partners-col-idp = Fournisseur d'identité
partners-col-people = Personnes
partners-col-activity = Dernière activité
partners-servers = Serveurs de messagerie
partners-servers-intro = Vérifiés en arrière-plan toutes les 30 secondes. Un serveur qui ne répond pas n'affecte que les organisations qui l'utilisent.
partners-col-address = Adresse
partners-col-state = État
partners-col-checked = Vérifié
partners-server-ok = Répond
partners-server-problem = Problème
partners-server-not-checked = Pas encore vérifié
partners-server-down = Ne répond pas
partners-server-inside = Dans un réseau privé ou local que le portail n'atteint pas
partners-server-key-refused = La clé d'API est refusée
partners-server-permission = Il manque à la clé d'API une autorisation dont le portail a besoin
partners-server-not-stalwart = Ne répond pas comme Stalwart
partners-never = Jamais
partners-search = Rechercher
partners-search-hint = Une partie d'un nom, d'un nom court ou d'un domaine
partners-no-match = Aucune organisation ne correspond à cette recherche.
partners-pages = Pages
partners-previous = Page précédente
partners-next = Page suivante
partners-showing-all = { $total ->
    [one] { $total } organisation
   *[other] { $total } organisations
}
partners-showing-page = Page { $page } sur { $pages } : { $shown } sur { $total ->
    [one] { $total } organisation
   *[other] { $total } organisations
}
partners-not-set = Pas encore défini
partners-status-draft = En cours de configuration
partners-status-live = En service
partners-status-suspended = Suspendue
partners-from-config-badge = postern.toml
partners-partner-badge = Partenaire
partners-domain-pending = en attente de preuve
partners-domain-proven = prouvé
partners-domain-at-server = prouvé, sur le serveur de messagerie
partners-new-title = Intégrer une organisation
partners-new-intro = Commencez par indiquer qui est l'organisation. Chaque étape suivante est enregistrée au fur et à mesure : vous pouvez vous interrompre et reprendre plus tard depuis la page Partenaires.
partners-display-name = Nom
partners-display-name-hint = Tel que ses membres le connaissent, par ex. Gamma SA.
partners-slug = Nom court
partners-slug-hint = Lettres minuscules, chiffres et tirets ; laissé vide, il est tiré du nom. Il ne pourra plus être modifié.
partners-contact = E-mail de contact
partners-contact-hint = Votre interlocuteur au sein de l'organisation.
partners-create = Créer et continuer
partners-creating = Création…
partners-name-required = Saisissez le nom de l'organisation.
partners-name-too-long = Le nom doit faire moins de 100 caractères.
partners-slug-invalid = Utilisez de 1 à 40 lettres minuscules, chiffres ou tirets.
partners-contact-invalid = Saisissez une adresse e-mail comme prenom.nom@example.com.
partners-back-to-partners = Retour à la page Partenaires
partners-make-partner = Un partenaire : ses administrateurs intègrent leurs propres organisations
partners-only-operator = Seul l'opérateur peut créer des partenaires.
partners-slug-taken = Le nom court « { $slug } » est déjà pris, ou a déjà été utilisé par une organisation (son journal d'audit reste rattaché à ce nom). Choisissez-en un autre.
partners-created = L'organisation { $name } est créée, mais pas encore en service. Étape suivante : prouver la propriété de son domaine de messagerie.
partners-step-details = 1. Organisation
partners-step-domains = 2. Domaines de messagerie
partners-step-server = 3. Serveur de messagerie
partners-step-create = 4. Domaines sur le serveur de messagerie
partners-step-idp = 5. Fournisseur d'identité
partners-step-activate = 6. Mise en service
partners-done = Terminé
partners-to-do = À faire
partners-save = Enregistrer
partners-saving = Enregistrement…
partners-saved = Enregistré.
partners-working = Veuillez patienter…
partners-from-config = Cette organisation est déclarée dans postern.toml : modifiez-la à cet endroit. Le portail l'affiche en lecture seule.
partners-domains-intro = Postern n'associe les connexions à l'organisation et ne crée un domaine sur le serveur de messagerie qu'une fois que l'organisation a prouvé qu'elle contrôle ce domaine : publiez l'enregistrement TXT affiché, puis lancez la vérification.
partners-domain = Domaine
partners-domain-hint = Un domaine pour lequel l'organisation reçoit des e-mails, par ex. gamma.example.
partners-add-domain = Ajouter le domaine
partners-adding = Ajout…
partners-no-domains = Aucun domaine pour l'instant.
partners-publish = Publiez cet enregistrement TXT chez le fournisseur DNS du domaine :
partners-record-name = Nom
partners-record-value = Valeur
partners-copy-name = Copier le nom
partners-copy-value = Copier la valeur
partners-check-now = Vérifier maintenant
partners-checking = Vérification DNS…
partners-renew = Renouveler l'enregistrement
partners-release = Retirer
partners-proven-badge = Prouvé
partners-pending-badge = En attente de preuve
partners-background = Postern le recherche aussi en arrière-plan, à quelques minutes d'intervalle.
partners-empty-domain = Saisissez un nom de domaine.
partners-domain-too-long = Un nom de domaine compte au plus 253 caractères, et chaque partie entre deux points au plus 63.
partners-domain-single-label = Ce n'est pas un nom de domaine complet : ajoutez la partie après le point, par ex. gamma.example.
partners-domain-malformed = « { $typed } » n'est pas un nom de domaine : utilisez des lettres, des chiffres et des tirets entre des points, par ex. gamma.example.
partners-public-suffix = { $suffix } est un suffixe public : il n'appartient à personne, donc personne ne peut en prouver la propriété. Utilisez un domaine enregistré sous ce suffixe.
partners-domain-taken = { $domain } appartient déjà à une organisation de ce portail. Un domaine ne peut appartenir qu'à une seule organisation.
partners-already-claimed = Cette organisation a déjà revendiqué { $domain } : publiez sa preuve et lancez la vérification.
partners-too-many-claims = Vos organisations ont { $cap ->
    [one] { $cap } revendication de domaine en attente
   *[other] { $cap } revendications de domaine en attente
} de preuve, le maximum qu'un partenaire peut avoir en même temps. Prouvez-en ou retirez-en d'abord quelques-unes (une revendication non prouvée prend aussi fin quand son jeton expire).
partners-too-many-servers = Vous avez ajouté { $cap ->
    [one] { $cap } serveur de messagerie
   *[other] { $cap } serveurs de messagerie
}, le maximum qu'un partenaire peut ajouter. Adressez-vous à l'opérateur du portail si vous avez besoin de davantage.
partners-too-many-links = Vos organisations ont { $cap ->
    [one] { $cap } lien à usage unique créé
   *[other] { $cap } liens à usage unique créés
} au cours des dernières 24 heures, le maximum qu'un partenaire peut avoir en même temps. Réessayez demain, ou utilisez vous-même « Connexion de test ».
partners-claim-ended = Cette revendication de { $domain } a pris fin : une autre organisation a prouvé la propriété du domaine en premier, ou l'opérateur du portail l'a déclaré. Retirez-la ; si le domaine vous appartient, adressez-vous à l'opérateur.
partners-ended-badge = Revendication terminée
partners-proof-may-go = Prouvé. L'enregistrement _postern-challenge peut maintenant être supprimé ; le MX du domaine doit continuer à pointer vers le serveur de messagerie, ce que le portail vérifie toutes les quelques heures.
partners-mx-elsewhere = Le MX du domaine ne pointe plus vers le serveur de messagerie de cette organisation (vérifié le { $at }) : son courrier part ailleurs. Rien n'a été modifié ici ; corrigez l'enregistrement MX, ou retirez le domaine.
partners-expires = Valable jusqu'au { $at }.
partners-claimed = { $domain } est ajouté. Publiez son enregistrement TXT, puis cliquez sur « Vérifier maintenant ».
partners-proven = La propriété de { $domain } est prouvée : l'enregistrement est en place.
partners-not-seen = Aucun enregistrement TXT sous { $record } pour l'instant. Les modifications DNS mettent de quelques minutes à quelques heures à devenir visibles (selon le TTL de l'enregistrement et le temps de publication du fournisseur DNS) : vérifiez de nouveau plus tard.
partners-wrong-token = Il existe un enregistrement TXT sous { $record }, mais pas avec ce jeton : il s'agit peut-être d'un ancien enregistrement ou d'une faute de frappe. Publiez exactement la valeur affichée.
partners-proof-expired = L'enregistrement de preuve pour { $domain } a expiré. Renouvelez-le et publiez la nouvelle valeur.
partners-dns-unknown = Le DNS n'a pas répondu ({ $why }). Rien n'a changé ; vérifiez de nouveau dans un instant.
partners-renewed = Un nouvel enregistrement pour { $domain } : publiez-le (il remplace l'ancien).
partners-released = { $domain } est retiré de cette organisation.
partners-found-proven = Trouvé : prouvé.
partners-found-not-seen = Pas encore visible.
partners-found-wrong = Un enregistrement avec un autre jeton est présent.
partners-found-expired = Expiré : renouvelez-le.
partners-found-unknown = Le DNS n'a pas répondu.
# { $finding } is one of the partners-found-* sentences above.
partners-last-checked = { $finding } (vérifié le { $at })
partners-release-at-server = Ce domaine existe sur le serveur de messagerie pour cette organisation : supprimez l'organisation pour le retirer du serveur.
partners-activity = Activité
partners-no-activity = Rien pour l'instant.
partners-col-when = Quand
partners-col-who = Qui
partners-col-what = Quoi
partners-details-saved = Les informations de l'organisation sont enregistrées.
partners-no-secrets-key = Postern ne peut pas encore enregistrer de secrets : la personne qui l'exploite n'a pas défini sa clé de chiffrement des secrets (POSTERN_SECRETS_KEY). Rien n'a été enregistré ; demandez-lui de la définir, puis réessayez.
partners-no-such-organisation = Vous ne gérez aucune organisation « { $slug } ».
partners-no-such-domain = { $domain } n'est pas un domaine de cette organisation.
partners-badge-ok = OK
partners-badge-problem = Problème
partners-default-language = Langue par défaut
partners-default-language-hint = Pour les personnes dont le navigateur demande une langue que le portail ne parle pas. Les autres voient la langue de leur navigateur, ou celle qu'elles choisissent en bas de chaque page.
partners-language-none = Aucune (anglais)
partners-language-invalid = Choisissez l'une des langues de la liste.
partners-col-hook = Activité de connexion
partners-hook-none = Pas encore enregistré
partners-hook-registering = En cours d'enregistrement
partners-hook-waiting = Enregistré ; en attente de la première livraison signée du serveur de messagerie
partners-hook-receiving = Reçoit (dernière livraison { $when })
partners-hook-blocked = En attente de l'application des réglages par Stalwart : un autre réglage du serveur de messagerie ne se charge pas
partners-hook-blocked-because = En attente de l'application des réglages par Stalwart. Le rechargement a échoué à cause de { $detail }. Corrigez ce réglage (ou redémarrez le serveur de messagerie), puis enregistrez à nouveau.
partners-hook-failed = Impossible de l'enregistrer : le serveur de messagerie n'a pas répondu comme prévu
partners-hook-failed-because = Impossible de l'enregistrer ({ $detail }). Nouvel essai toutes les quelques minutes.
partners-hook-reregister = Enregistrer à nouveau
partners-hook-reregistered = Le webhook d'activité a été enregistré à nouveau sur { $server }.
partners-hook-reregister-label = Enregistrer à nouveau (le webhook d'activité sur { $server })
