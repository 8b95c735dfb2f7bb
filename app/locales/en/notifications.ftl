notify-created-subject = New app password “{ $name }”
notify-created-body = Hello,

    a new app password “{ $name }” was created for { $address } on { $when }, from { $from }.

    If this was you, there is nothing to do.
    If it was not you, revoke it now and tell your administrator:
    { $link }

    This message never contains a password.
notify-apple-body = Hello,

    a device profile for iPhone, iPad or Mac (with its own app password) was downloaded for { $address } on { $when }, from { $from }.

    If this was you, there is nothing to do.
    If it was not you, revoke the password now and tell your administrator:
    { $link }

    This message never contains a password.
notify-unknown-place = an unknown place
