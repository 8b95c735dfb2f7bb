notify-created-subject = Nouveau mot de passe d'application « { $name } »
notify-created-body = Bonjour,

    un nouveau mot de passe d'application « { $name } » a été créé pour { $address } le { $when }, depuis { $from }.

    Si c'était vous, vous n'avez rien à faire.
    Sinon, révoquez-le dès maintenant et prévenez votre administrateur :
    { $link }

    Ce message ne contient jamais de mot de passe.
notify-apple-body = Bonjour,

    un profil d'appareil pour iPhone, iPad ou Mac (avec son propre mot de passe d'application) a été téléchargé pour { $address } le { $when }, depuis { $from }.

    Si c'était vous, vous n'avez rien à faire.
    Sinon, révoquez le mot de passe dès maintenant et prévenez votre administrateur :
    { $link }

    Ce message ne contient jamais de mot de passe.
notify-unknown-place = un lieu inconnu
