partners-life-activate-intro = Une fois toutes les étapes terminées, mettez l'organisation en service : ses membres pourront alors se connecter et créer des mots de passe d'application.
partners-life-activate = Mettre en service
partners-life-activating = Mise en service…
partners-life-missing = Reste à faire :
partners-life-missing-proven = Prouvez la propriété d'au moins un domaine de messagerie.
partners-life-missing-server = Choisissez le serveur de messagerie.
partners-life-missing-at-server = Créez (ou reprenez) un domaine prouvé sur le serveur de messagerie.
partners-life-missing-idp = Configurez le fournisseur d'identité.
partners-life-missing-test = Testez une connexion via le fournisseur d'identité (à refaire après toute modification de ses paramètres).
partners-life-live-intro = L'organisation est en service. Transmettez ceci à ses membres :
partners-life-sign-in-link = Page de connexion
partners-life-mail-settings = Paramètres des applications de messagerie
partners-life-imap = IMAP (entrant)
partners-life-smtp = SMTP (sortant)
partners-life-username-note = Nom d'utilisateur : l'adresse e-mail complète ; mot de passe : un mot de passe d'application créé sur ce portail.
partners-life-suspend = Suspendre
partners-life-suspending = Suspension…
partners-life-suspend-note = La suspension refuse les connexions et met fin immédiatement à toutes les sessions des membres de l'organisation. Rien ne change sur le serveur de messagerie.
partners-life-resume = Réactiver
partners-life-suspended-note = Suspendue : ses membres ne peuvent pas se connecter.
partners-life-remove-link = Supprimer cette organisation…
partners-life-cancel-link = Annuler l'intégration…
partners-life-activated = L'organisation { $name } est en service : ses membres peuvent désormais se connecter.
# { $missing } is the partners-life-missing-* sentences, one after another.
partners-life-not-ready = Pas encore : { $missing }
partners-life-suspended = L'organisation { $name } est suspendue : les connexions sont refusées et ses sessions ont été fermées.
partners-life-resumed = L'organisation { $name } est de nouveau en service.
partners-life-not-suspended = L'organisation n'est pas suspendue.
partners-life-only-live-suspend = Seule une organisation en service peut être suspendue ; une organisation en cours de configuration ne l'est pas encore.
partners-life-remove-title = Supprimer une organisation
partners-life-remove-intro = Postern oublie l'organisation { $name } : ses paramètres, ses domaines et les données de ses membres enregistrés ici (son journal d'audit est conservé). Ses membres ne pourront plus se connecter. Rien n'est supprimé sur le serveur de messagerie, sauf si vous le demandez ci-dessous.
partners-life-delete-at-server = Supprimer aussi ses domaines et toutes leurs boîtes aux lettres sur le serveur de messagerie (irréversible)
partners-life-type-domains = Pour confirmer, saisissez les noms de domaine (séparés par des espaces)
partners-life-remove = Supprimer l'organisation
partners-life-removing = Suppression…
partners-life-cancel = Annuler
partners-life-nothing-at-server = Aucun de ses domaines n'existe pour elle sur le serveur de messagerie.
partners-life-typed-wrong = Saisissez exactement les noms de domaine affichés pour confirmer leur suppression sur le serveur de messagerie. Rien n'a été supprimé.
# Completes "We could not …" (error-stalwart-*): the German fragment is verb-final with
# "nicht" ("Wir konnten … nicht löschen"), the French one an infinitive ("Nous n'avons pas pu …").
partners-life-delete-domains = supprimer les domaines sur le serveur de messagerie
partners-life-removed = L'organisation { $name } est supprimée de Postern.
# { $domains }: the deleted domains, separated by commas.
partners-life-removed-and-deleted = L'organisation { $name } est supprimée de Postern. Supprimés sur le serveur de messagerie : { $domains }.
partners-life-protected-accounts = { $domain } contient des comptes que Postern ne doit pas supprimer ({ $accounts } : celui du portail lui-même ou celui d'un administrateur). Rien n'a été supprimé ni retiré ; déplacez d'abord ces comptes.
# Deleting at the mail server failed for { $failed } (a domain). { $why } is a whole sentence
# ("We could not delete the domains at the mail server: …"), { $now_there } one of
# partners-life-gone-now / -still-there / -unknown-now. -delete-failed: nothing was deleted
# before; -partly-deleted: { $deleted } (domains, separated by commas) were.
partners-life-delete-failed = La suppression de { $failed } a échoué : { $why } { $now_there } L'organisation est conservée pour que vous puissiez réessayer.
partners-life-partly-deleted = Supprimés sur le serveur de messagerie : { $deleted }. La suppression de { $failed } a échoué : { $why } { $now_there } L'organisation est conservée pour que vous puissiez réessayer.
partners-life-gone-now = { $domain } n'existe plus sur le serveur de messagerie.
partners-life-still-there = { $domain } est toujours sur le serveur de messagerie, avec { $mailboxes ->
    [one] { $mailboxes } boîte aux lettres
   *[other] { $mailboxes } boîtes aux lettres
}.
partners-life-unknown-now = Impossible de savoir pour l'instant si { $domain } est encore sur le serveur de messagerie.
partners-life-suspended-by-operator = Cette organisation a été suspendue par l'opérateur du portail : lui seul peut la réactiver.
