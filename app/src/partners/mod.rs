//! The partner console: an MSP's administrators onboard organisations (domain proven, mail
//! server bound, IdP tested, live) and look after them. The operator partner sees them all.

#[cfg(feature = "ssr")]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod text;

crate::routing::area! {
    pages {
        "/partners" => pages::PartnersPage, Partner;
        "/partners/new" => pages::NewOrganisationPage, Partner;
        "/partners/organisations/:slug" => pages::ConsolePage, Partner;
        "/partners/organisations/:slug/remove" => pages::RemoveOrganisationPage, Partner;
        "/test-sign-in/:token" => pages::TestLinkPage, Public;
    }
    posts {
        "/partners/new" => forms::create, Partner, model::NewOrganisationForm;
        "/partners/organisations/:slug/details" => forms::details, Partner, model::NewOrganisationForm;
        "/partners/organisations/:slug/domains" => forms::claim_domain, Partner, forms::DomainForm;
        "/partners/organisations/:slug/domains/:domain/check" => forms::check_domain, Partner, NoFields;
        "/partners/organisations/:slug/domains/:domain/renew" => forms::renew_domain, Partner, NoFields;
        "/partners/organisations/:slug/domains/:domain/release" => forms::release_domain, Partner, NoFields;
        "/partners/organisations/:slug/domains/:domain/create" => forms::create_at_server, Partner, forms::CreateForm;
        "/partners/organisations/:slug/domains/:domain/dns" => forms::check_dns, Partner, service::dns::PublishForm;
        "/partners/organisations/:slug/domains/:domain/dns/publish" => forms::publish_dns, Partner, service::dns::ConfirmForm;
        "/partners/organisations/:slug/domains/:domain/dns/again" => forms::publish_dns_again, Partner, NoFields;
        "/partners/organisations/:slug/domains/:domain/dns/stop" => forms::stop_dns, Partner, NoFields;
        "/partners/organisations/:slug/mail-server" => forms::choose_server, Partner, service::server::ChooseForm;
        "/partners/organisations/:slug/mail-server/new" => forms::add_server, Partner + Fresh, service::server::AddForm;
        "/partners/organisations/:slug/mail-server/test" => forms::test_server, Partner, NoFields;
        "/partners/organisations/:slug/idp/discover" => forms::discover, Partner, model::IdpForm;
        "/partners/organisations/:slug/idp" => forms::save_idp, Partner + Fresh, model::IdpForm;
        "/partners/organisations/:slug/idp/test" => forms::test_idp, Partner, NoFields;
        "/partners/organisations/:slug/idp/test-link" => forms::make_test_link, Partner + Fresh, NoFields;
        "/partners/servers/:name/activity-hook" => forms::reregister_hook, Partner, NoFields;
        "/partners/organisations/:slug/activate" => forms::activate, Partner, NoFields;
        "/partners/organisations/:slug/suspend" => forms::suspend, Partner, NoFields;
        "/partners/organisations/:slug/resume" => forms::resume, Partner, NoFields;
        "/partners/organisations/:slug/remove" => forms::remove, Partner + Fresh, forms::RemoveForm;
        "/test-sign-in/:token" => forms::link_start, Public, NoFields;
    }
    downloads {
        "/test-sign-in/done" => forms::link_done, Public;
        "/partners/organisations/:slug/idp/tested" => forms::tested, Partner;
        "/partners/organisations/:slug/domains/:domain/dns/status" => forms::dns_status, Partner;
    }
}
