### Convention for the { $action } sentences below ("We could not …"): French reads
### "Nous n'avons pas pu { $action } : …". Every fragment that completes them, in every area,
### is an infinitive phrase, e.g. "lister les boîtes aux lettres", "joindre le serveur de messagerie".

error-unauthorized = Veuillez vous connecter pour continuer.
error-sign-in-again = Le service de connexion de votre organisation doit confirmer de nouveau vos droits d'administrateur.
error-forbidden = Vous n'avez pas accès à cette page.
error-validation = Veuillez corriger les champs signalés.
error-transport = Impossible de joindre le portail. Vérifiez votre connexion et réessayez.
error-internal = Un problème est survenu de notre côté. S'il persiste, communiquez à votre administrateur la référence { $reference }.
# $action completes "Nous n'avons pas pu …" : an infinitive phrase from another area, e.g. "récupérer vos mots de passe d'application".
error-stalwart-down = Nous n'avons pas pu { $action } : le serveur de messagerie ne répond pas. Rien n'a été modifié. Veuillez réessayer dans quelques minutes.
error-stalwart-timeout = Nous n'avons pas pu { $action } : le serveur de messagerie n'a pas répondu à temps. Veuillez réessayer dans quelques minutes.
# $wait is one of the error-wait-* sentences.
error-stalwart-busy = Nous n'avons pas pu { $action } : le serveur de messagerie est surchargé en ce moment et nous a demandé de ralentir. Rien n'a été modifié. { $wait }
error-stalwart-key-refused = Nous n'avons pas pu { $action } : le serveur de messagerie a refusé les identifiants du portail. Veuillez prévenir votre administrateur (la clé d'API Stalwart du portail doit être renouvelée).
error-stalwart-permission = Nous n'avons pas pu { $action } : il manque au portail une autorisation sur le serveur de messagerie. Veuillez prévenir votre administrateur.
# How long to wait before trying again.
error-wait-moment = Réessayez dans un instant.
error-wait-seconds = Réessayez dans { $seconds ->
        [one] 1 seconde
       *[other] { $seconds } secondes
    }.
error-wait-minutes = Réessayez dans environ { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-wait-unknown = Patientez une minute, puis réessayez.
# Completes "Nous n'avons pas pu … : …" when even the first request to the mail server failed.
error-reach-mail-server = joindre le serveur de messagerie
error-admins-only = Seuls les administrateurs de votre organisation peuvent effectuer cette action.
error-partners-only = Seuls les administrateurs d'une organisation partenaire peuvent effectuer cette action.
error-audit-unavailable = Nous n'avons pas pu enregistrer cette modification dans le journal d'audit ; rien n'a donc été modifié. Veuillez réessayer dans quelques minutes ; si le problème persiste, prévenez votre administrateur.
# $wait is one of the error-wait-* sentences.
error-rate-limited = Trop de tentatives en peu de temps. Pour votre sécurité, une courte pause est nécessaire. { $wait }
# Les refus du serveur de messagerie, reconnus et traduits.
error-stalwart-password-min-length = Le mot de passe doit comporter au moins { $min } caractères.
error-stalwart-password-too-weak = Le serveur de messagerie juge ce mot de passe trop faible, car trop courant. Ajoutez un ou deux mots ; les mots peu courants sont préférables.
error-stalwart-app-password-quota = Vous avez atteint la limite de { $max } mots de passe d'application.
# Tout autre refus : notre phrase, puis les mots du serveur tels qu'il les a envoyés.
error-stalwart-said = { $refusal } Le serveur de messagerie a répondu (en anglais) : « { $said } »
