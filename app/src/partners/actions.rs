//! What the partner console records in the audit log (the organisation's own lifecycle is
//! the directory's: `ssr::directory::actions`).

crate::ssr::db::audit::actions! {
    DOMAIN_CLAIM = "domain.claim";
    DOMAIN_PROVEN = "domain.proven";
    /// Another organisation proved the name first.
    DOMAIN_CLAIM_LOST = "domain.claim_lost";
    DOMAIN_RENEW = "domain.renew";
    DOMAIN_RELEASE = "domain.release";
    DOMAIN_ADOPT = "domain.adopt";
    DOMAIN_CREATE_AT_SERVER = "domain.create_at_server";
    DOMAIN_DELETE_AT_SERVER = "domain.delete_at_server";
    DOMAIN_MX_ELSEWHERE = "domain.mx_elsewhere";
    DOMAIN_MX_BACK = "domain.mx_back";
    MAIL_SERVER_BIND = "mail_server.bind";
    MAIL_SERVER_ADD = "mail_server.add";
    IDP_SET = "idp.set";
    IDP_TEST = "idp.test";
    IDP_TEST_LINK = "idp.test_link";
    /// A TSIG key tried against a DNS server (a test record written, read back, removed).
    DNS_KEY_TRIED = "dns.key_tried";
    DNS_PUBLISH = "dns.publish";
    DNS_PUBLISH_AGAIN = "dns.publish_again";
    /// Back to publishing by hand (the records stay in the zone).
    DNS_STOP = "dns.stop";
    /// The records the mail server published, removed from the zone as the domain left.
    DNS_RECORDS_REMOVED = "dns.records_removed";
}
