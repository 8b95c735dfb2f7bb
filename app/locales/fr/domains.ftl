domains-domains = Domaines
domains-domains-intro = Pour chacun de vos domaines de messagerie : les enregistrements DNS à publier chez votre fournisseur DNS, et s'ils sont déjà visibles.
domains-records = Enregistrements DNS à publier
domains-type = Type
domains-name = Nom
domains-value = Valeur
domains-priority = Priorité
domains-importance = Nécessaire
domains-status = Publié ?
domains-required = Obligatoire
domains-recommended = Recommandé
domains-optional = Facultatif
domains-match = Publié
domains-conflict = Différent
domains-missing = Absent
domains-unknown = Inconnu
domains-found = Trouvé :
domains-checking = Vérification…
domains-checking-note = Vérification DNS en cours ; cela prend quelques secondes.
domains-show-results = Afficher les résultats
domains-checked = Vérifié
domains-check-again = Vérifier à nouveau
domains-checking-again = Vérification DNS…
domains-download = Télécharger le fichier de zone
domains-copy = Copier
domains-chunks = En chaînes de 255 caractères (pour les fournisseurs DNS qui les veulent découpées)
domains-dkim = Clés DKIM
domains-selector = Sélecteur
domains-algorithm = Algorithme
domains-stage = Étape
domains-created = Créée le
domains-record = Enregistrement TXT
domains-no-dkim = Ce domaine n'a aucune clé DKIM sur le serveur de messagerie.
domains-not-ours = Ce domaine n'appartient pas à votre organisation.
# Completes "We could not …" (an action, lower case).
# French: "Nous n'avons pas pu { $action } : …", so an infinitive phrase.
domains-read-records = lire les enregistrements DNS
domains-checked-all = Vérification terminée : tous les enregistrements sont publiés.
domains-checked-one = Vérification terminée : un enregistrement demande votre attention.
domains-rsa = RSA (SHA-256)
domains-ed25519 = Ed25519 (SHA-256)
domains-reason-mx = Achemine le courrier du domaine vers le serveur de messagerie.
domains-reason-spf = Indique aux destinataires quels serveurs peuvent envoyer du courrier pour le domaine (SPF).
domains-reason-spf-host = SPF pour le nom propre du serveur de messagerie, utilisé par les avis de non-distribution et les rapports.
domains-reason-dkim = Permet aux destinataires de vérifier la signature de chaque message (DKIM).
domains-reason-dmarc = Indique aux destinataires que faire du courrier qui échoue à SPF et DKIM (DMARC).
domains-reason-mta-sts = Oblige les autres serveurs à ne vous livrer le courrier que par TLS vérifié (MTA-STS).
domains-reason-tls-rpt = Reçoit les rapports sur les problèmes de livraison TLS (TLS-RPT).
domains-reason-srv = Permet aux applications de messagerie, d'agenda et de contacts de trouver les serveurs d'elles-mêmes.
domains-reason-autoconfig = Configuration automatique du compte dans Thunderbird et Outlook.
domains-reason-ua-autoconfig = Configuration automatique du compte pour les applications de messagerie récentes.
domains-reason-caa = Limite les autorités de certification autorisées à émettre des certificats.
domains-reason-tlsa = Épingle le certificat du serveur de messagerie pour DANE.
domains-reason-other = Publié par la configuration du serveur de messagerie.
domains-found-mx-elsewhere = L'enregistrement MX pointe vers un autre serveur de messagerie.
domains-found-different-spf = Un autre enregistrement SPF est publié.
domains-found-two-spf = Il y a deux enregistrements SPF ; les destinataires considèrent alors SPF comme défaillant. Fusionnez-les en un seul.
domains-found-dkim-mismatch = La clé DKIM publiée ne correspond pas à celle du serveur de messagerie.
domains-found-dmarc-monitor-only = La politique DMARC est p=none : elle ne fait que surveiller, le courrier falsifié est quand même distribué.
domains-found-different-dmarc = Une autre politique DMARC est publiée.
domains-found-servfail = le serveur DNS n'a pas pu répondre (SERVFAIL)
domains-found-no-server = aucun serveur DNS n'a pu être joint

domains-checked-some = { $count ->
        [one] Vérification terminée : { $count } enregistrement demande votre attention.
       *[other] Vérification terminée : { $count } enregistrements demandent votre attention.
    }
# $at: a date and time.
domains-checked-at = Vérifié le { $at }
# The first line of the downloaded zone file; the code puts "; " (a zone-file comment) before it.
domains-zone-file-header = Enregistrements DNS de { $domain }, fournis par le serveur de messagerie (Stalwart)

## Why a record's status is unknown, and what else a check found.
# $hosts: host names separated by commas.
domains-found-also-sent-to = Le courrier est aussi envoyé à { $hosts } ; supprimez ces enregistrements MX s'ils ne sont pas les vôtres.
# $kind: a record type (TLSA, CAA …).
domains-found-not-checked = Les enregistrements { $kind } ne sont pas vérifiés
domains-found-timed-out = le serveur DNS n'a pas répondu dans un délai de { $seconds } s
# $code: a DNS answer code (REFUSED, NXDOMAIN …).
domains-found-answered = le serveur DNS a répondu { $code }
# $why: a technical error, not translated.
domains-found-failed = la requête a échoué : { $why }
domains-published-by-server = Le serveur de messagerie publie lui-même ces enregistrements dans la zone { $zone } et les tient à jour : rien à recopier à la main. La vérification ci-dessous montre ce que voit le DNS.
