//! The configuration file's promises: defaults, overrides, and one clear line per problem.

use super::settings::{ConfigError, Settings};

const GOOD: &str = r#"
    [server]
    public_url = "http://127.0.0.1:3000"

    [stalwart.main]
    url = "http://127.0.0.1:18080"
    api_key = "API_x"

    [organisations.acme]
    display_name = "Acme"
    domains = ["acme.test"]
    stalwart = "main"
    mail = { imap_host = "mail.acme.test", smtp_host = "mail.acme.test" }
    [organisations.acme.oidc]
    issuer = "http://127.0.0.1:9000"
    client_id = "postern"
    client_secret = "s3cret"
"#;

fn load(text: &str, env: &[(&str, &str)]) -> Result<Settings, ConfigError> {
    Settings::from_toml(
        text,
        env.iter().map(|(k, v)| (k.to_string(), v.to_string())),
    )
}

#[test]
fn a_complete_file_loads_with_defaults() {
    let s = load(GOOD, &[]).unwrap();
    assert_eq!(s.server.database_url, "sqlite://postern.db?mode=rwc");
    let acme = &s.organisations["acme"];
    assert_eq!(acme.mail.imap_port, 993);
    assert_eq!(acme.fresh_auth_max_age_secs, 600);
    assert_eq!(acme.oidc.email_claim, "email");
}

#[test]
fn env_overrides_reach_nested_keys_and_numbers() {
    let s = load(
        GOOD,
        &[
            ("POSTERN_SERVER__DATABASE_URL", "postgres://localhost/p"),
            ("POSTERN_ORGANISATIONS__ACME__MAIL__IMAP_PORT", "143"),
            ("POSTERN_ORGANISATIONS__ACME__OIDC__CLIENT_SECRET", "12345"),
            ("POSTERN_CONFIG", "ignored.toml"),
        ],
    )
    .unwrap();
    assert_eq!(s.server.database_url, "postgres://localhost/p");
    assert_eq!(s.organisations["acme"].mail.imap_port, 143);
}

#[test]
fn the_old_section_name_tenants_still_loads_from_the_file_and_the_environment() {
    let old = GOOD.replace("[organisations.", "[tenants.");
    assert_ne!(old, GOOD);
    let s = load(&old, &[("POSTERN_TENANTS__ACME__MAIL__IMAP_PORT", "143")]).unwrap();
    assert_eq!(s.organisations["acme"].mail.imap_port, 143);
    let both = format!("{old}\n[organisations.other]\ndisplay_name = \"Other\"\n");
    let err = load(&both, &[]).unwrap_err();
    assert_eq!(err.key, "tenants");
}

#[test]
fn a_wrong_type_names_the_key() {
    let err = load(&GOOD.replace("\"acme.test\"", "42"), &[]).unwrap_err();
    assert_eq!(err.key, "organisations.acme.domains[0]");
}

#[test]
fn trusted_proxies_are_networks_and_a_bad_one_is_named() {
    let with = |list: &str| {
        GOOD.replace(
            "[server]\n",
            &format!("[server]\ntrusted_proxies = {list}\n"),
        )
    };
    let s = load(&with(r#"["10.0.0.0/8", "::1", "192.0.2.7"]"#), &[]).unwrap();
    let nets: Vec<String> = s
        .server
        .trusted_proxies
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(nets, ["10.0.0.0/8", "::1/128", "192.0.2.7/32"]);
    assert!(load(GOOD, &[]).unwrap().server.trusted_proxies.is_empty());
    let err = load(&with(r#"["10.0.0.0/8", "10.0.0.300/8"]"#), &[]).unwrap_err();
    assert_eq!(err.key, "server.trusted_proxies");
    assert!(
        err.problem.contains("\"10.0.0.300/8\" is not an IP"),
        "{err}"
    );
}

#[test]
fn an_unknown_key_is_refused_with_its_section() {
    let err = load(&GOOD.replace("client_id", "clientid"), &[]).unwrap_err();
    assert_eq!(err.key, "organisations.acme.oidc.clientid");
    assert!(err.problem.contains("unknown field"), "{err}");
}

#[test]
fn an_organisation_pointing_at_an_undeclared_server_is_refused() {
    let err = load(
        &GOOD.replace("stalwart = \"main\"", "stalwart = \"other\""),
        &[],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "organisations.acme.stalwart: no [stalwart.other] server is declared"
    );
}

#[test]
fn a_missing_secret_says_how_to_provide_it() {
    let err = load(&GOOD.replace("client_secret = \"s3cret\"", ""), &[]).unwrap_err();
    assert_eq!(err.key, "organisations.acme.oidc.client_secret");
    assert!(
        err.problem
            .contains("POSTERN_ORGANISATIONS__ACME__OIDC__CLIENT_SECRET"),
        "{err}"
    );
}

#[test]
fn plain_http_is_refused_off_loopback() {
    let err = load(
        &GOOD.replace("http://127.0.0.1:3000", "http://portal.example.com"),
        &[],
    )
    .unwrap_err();
    assert_eq!(err.key, "server.public_url");
}

#[test]
fn a_domain_claimed_by_two_organisations_is_refused() {
    let two = format!(
        "{GOOD}\n[organisations.beta]\ndisplay_name=\"B\"\ndomains=[\"acme.test\"]\nstalwart=\"main\"\n\
         mail = {{ imap_host = \"m.b.test\", smtp_host = \"m.b.test\" }}\n\
         [organisations.beta.oidc]\nissuer=\"http://127.0.0.1:9001\"\nclient_id=\"p\"\nclient_secret=\"s\"\n"
    );
    let err = load(&two, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "organisations.beta.domains: acme.test is already a domain of organisation acme"
    );
}

#[test]
fn toml_syntax_errors_give_the_line() {
    let err = load("[server\npublic_url = 1", &[]).unwrap_err();
    assert_eq!(err.key, "config file line 1");
}

#[test]
fn a_server_may_be_handed_to_a_partner_only() {
    let to_acme = GOOD.replace(
        "api_key = \"API_x\"",
        "api_key = \"API_x\"\nmanaged_by = \"acme\"",
    );
    let e = load(&to_acme, &[]).unwrap_err();
    assert_eq!(e.key, "stalwart.main.managed_by");
    assert!(
        e.problem
            .contains("not an organisation with partner = true"),
        "{e}"
    );
    let partner = to_acme.replace(
        "display_name = \"Acme\"",
        "display_name = \"Acme\"\npartner = true",
    );
    let s = load(&partner, &[]).unwrap();
    assert_eq!(s.stalwart["main"].managed_by.as_deref(), Some("acme"));
    assert!(s.organisations["acme"].partner && !s.organisations["acme"].operator);
    assert_eq!(s.dns.proof_recheck_secs, 300);
}
