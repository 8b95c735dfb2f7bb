//! Every page in the person's language: `Accept-Language`, the choice kept in a cookie and in
//! their preferences, the organisation's default; and the words of form posts (said by
//! services, outside any page) in the same language.

use crate::common::{ALICE, BERT, TestApp, location, text};
use app::i18n::{Key, Locale};
use reqwest::StatusCode;

fn lang_of(html: &str) -> &str {
    let at = html.find("<html lang=\"").expect("html lang") + "<html lang=\"".len();
    &html[at..at + html[at..].find('"').unwrap()]
}

fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_browser_language_is_spoken_until_the_person_chooses_another() {
    let app = TestApp::spawn().await;
    let browser = app.browser_with_headers(&[("accept-language", "it-IT, de;q=0.8, en;q=0.5")]);

    let start = browser.get("/").await;
    assert_eq!(start.headers()["content-language"], "de");
    let html = start.text().await.unwrap();
    assert_eq!(lang_of(&html), "de");
    assert!(text(&html).contains(&Key("auth-heading").get_in(Locale::De)));
    assert!(!text(&html).contains(&Key("auth-heading").get_in(Locale::En)));

    let chosen = browser
        .post_form("/account/language", &[("language", "fr"), ("back", "/")])
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&chosen), "/");
    let cookie = set_cookies(&chosen)
        .into_iter()
        .find(|c| c.starts_with("postern_lang=fr"))
        .expect("the choice is kept");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=31536000"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let html = browser.start_page().await;
    assert_eq!(lang_of(&html), "fr");
    assert!(text(&html).contains(&Key("auth-heading").get_in(Locale::Fr)));
}

#[tokio::test]
async fn an_unknown_language_or_a_link_elsewhere_changes_nothing() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let refused = browser
        .post_form(
            "/account/language",
            &[("language", "xx"), ("back", "/account")],
        )
        .await;
    assert_eq!(location(&refused), "/account");
    assert!(
        set_cookies(&refused)
            .iter()
            .all(|c| !c.starts_with("postern_lang"))
    );
    assert_eq!(lang_of(&browser.start_page().await), "en");

    for back in [
        "//evil.example/",
        "https://evil.example/",
        "\\\\evil.example",
    ] {
        let away = browser
            .post_form("/account/language", &[("language", "de"), ("back", back)])
            .await;
        assert_eq!(location(&away), "/", "{back}");
    }
}

#[tokio::test]
async fn the_choice_follows_the_person_to_their_next_sign_in_on_another_device() {
    let app = TestApp::spawn().await;
    let laptop = app.browser_with_headers(&[("accept-language", "de")]);
    assert_eq!(location(&laptop.sign_in(ALICE).await), "/account");
    assert_eq!(
        lang_of(&laptop.get("/account").await.text().await.unwrap()),
        "de"
    );
    laptop
        .post_form(
            "/account/language",
            &[("language", "fr"), ("back", "/account")],
        )
        .await;
    assert_eq!(
        lang_of(&laptop.get("/account").await.text().await.unwrap()),
        "fr"
    );

    let phone = app.browser_with_headers(&[("accept-language", "de")]);
    let signed_in = phone.sign_in(ALICE).await;
    assert!(
        set_cookies(&signed_in)
            .iter()
            .any(|c| c.starts_with("postern_lang=fr")),
        "{:?}",
        set_cookies(&signed_in)
    );
    let html = phone.get("/account").await.text().await.unwrap();
    assert_eq!(lang_of(&html), "fr");
    assert!(text(&html).contains(&Key("account-title").get_in(Locale::Fr)));
}

#[tokio::test]
async fn the_organisation_default_is_for_browsers_that_ask_for_none_we_speak() {
    let app = TestApp::spawn_with(crate::common::seed(), |config| {
        *config = config.replace(
            "[organisations.beta.oidc]",
            "default_language = \"de\"\n[organisations.beta.oidc]",
        );
    })
    .await;
    let italian = app.browser_with_headers(&[("accept-language", "it")]);
    assert_eq!(lang_of(&italian.start_page().await), "en");
    italian.sign_in(BERT).await;
    assert_eq!(
        lang_of(&italian.get("/account").await.text().await.unwrap()),
        "de"
    );

    let english = app.browser_with_headers(&[("accept-language", "en-GB")]);
    english.sign_in(BERT).await;
    assert_eq!(
        lang_of(&english.get("/account").await.text().await.unwrap()),
        "en"
    );

    // Another organisation's person on the same browser later: that default is forgotten.
    let signed_in = italian.sign_in(ALICE).await;
    assert!(
        set_cookies(&signed_in)
            .iter()
            .any(|c| c.starts_with("postern_org_lang=;") && c.contains("Max-Age=0"))
    );
}

#[tokio::test]
async fn what_a_form_post_says_is_in_the_language_of_the_person_who_sent_it() {
    let app = TestApp::spawn().await;
    let german = app.browser_with_headers(&[("accept-language", "de")]);
    german
        .post_form("/auth/login", &[("email", "not an address")])
        .await;
    let page = text(&german.start_page().await);
    assert!(
        page.contains(&Key("auth-not-an-address").get_in(Locale::De)),
        "{page}"
    );

    let french = app.browser_with_headers(&[("accept-language", "fr")]);
    french
        .post_form("/auth/login", &[("email", "nobody@unknown.example")])
        .await;
    let page = text(&french.start_page().await);
    let expected = app::i18n::scope(Locale::Fr, async {
        app::auth::text::unknown_domain("unknown.example")
    })
    .await;
    assert!(page.contains(&expected), "{page}");
}
