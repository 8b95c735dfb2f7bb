//! Groups (shared mailboxes): members, whether each can receive mail, and a new group.

use super::protected_badge;
use crate::admin::api::get_groups;
use crate::admin::model::{GroupRow, GroupsView};
use crate::admin::text;
use crate::components::{Alert, AlertKind, Page, loaded, notice_view};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn GroupsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_groups());
    view! {
        <Title text=text::GROUPS/>
        {loaded(data, |v| view! { <Groups view=v/> })}
    }
}

#[component]
fn Groups(view: GroupsView) -> impl IntoView {
    let GroupsView {
        me,
        domains,
        groups,
        notice,
        draft,
    } = view;
    let confirmed = draft.as_ref().map(|_| super::mailbox::confirmed_sign_in());
    let example = domains.first().cloned().unwrap_or_default();
    view! {
        <Page me=me current="/admin/groups">
            <h1>{text::GROUPS}</h1>
            {confirmed}
            {notice_view(notice)}
            {if groups.is_empty() {
                view! { <p class="card">{text::NO_GROUPS}</p> }.into_any()
            } else {
                groups
                    .into_iter()
                    .map(|g| {
                        let typed = draft
                            .as_ref()
                            .and_then(|d| d.value(&format!("member:{}", g.id), "member"))
                            .unwrap_or_default();
                        group_card(g, typed)
                    })
                    .collect_view()
                    .into_any()
            }}
            <section class="card" aria-labelledby="new-group-heading">
                <h2 id="new-group-heading">{text::NEW_GROUP}</h2>
                <form method="post" action="/admin/groups" class="stack">
                    <div class="field">
                        <label for="group-address">{text::GROUP_ADDRESS}</label>
                        <input id="group-address" name="address" type="email" required placeholder=format!("sales@{example}")/>
                    </div>
                    <div class="field">
                        <label for="group-name">{text::DISPLAY_NAME}</label>
                        <input id="group-name" name="display_name" type="text"/>
                    </div>
                    <button type="submit">{text::NEW_GROUP}</button>
                </form>
            </section>
        </Page>
    }
}

/// One group; `typed` is a member address kept across a fresh sign-in.
fn group_card(g: GroupRow, typed: String) -> AnyView {
    let base = format!("/admin/groups/{}", g.id);
    let (receive_action, members_action) = (format!("{base}/receive"), format!("{base}/members"));
    let remove_action = format!("{base}/members/remove");
    let heading = format!("group-{}", g.id);
    let input_id = format!("member-{}", g.id);
    if g.protected {
        return view! {
            <section class="card" aria-labelledby=heading.clone() data-testid="group">
                <h2 id=heading.clone()>{g.address.clone()}" "{protected_badge(true)}</h2>
                {g.display_name.map(|n| view! { <p>{n}</p> })}
                <p class="hint">{text::PROTECTED_GROUP}</p>
                <h3>{text::MEMBERS}</h3>
                <ul class="plain">
                    {g.members.into_iter().map(|m| view! { <li>{m.address}</li> }).collect_view()}
                </ul>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby=heading.clone() data-testid="group">
            <h2 id=heading.clone()>{g.address.clone()}</h2>
            {g.display_name.map(|n| view! { <p>{n}</p> })}
            {if g.can_receive {
                view! { <p class="status ok">{text::RECEIVES}</p> }.into_any()
            } else {
                view! {
                    <Alert kind=AlertKind::Warning>
                        <p>{text::DOES_NOT_RECEIVE}</p>
                        <form method="post" action=receive_action><button type="submit">{text::FIX_RECEIVE}</button></form>
                    </Alert>
                }.into_any()
            }}
            <h3>{text::MEMBERS}</h3>
            {if g.members.is_empty() {
                view! { <p>{text::NO_MEMBERS}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain">
                        {g.members.into_iter().map(|m| {
                            let label = text::labelled(&text::REMOVE.get(), &m.address);
                            view! {
                                <li class="inline-item">
                                    <span>{m.address.clone()}</span>
                                    {if m.protected {
                                        protected_badge(true).into_any()
                                    } else {
                                        view! {
                                            <form method="post" action=remove_action.clone()>
                                                <input type="hidden" name="member" value=m.address/>
                                                <button type="submit" class="secondary small" aria-label=label>{text::REMOVE}</button>
                                            </form>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form method="post" action=members_action class="inline-form">
                <div class="field">
                    <label for=input_id.clone()>{text::MEMBER_ADDRESS}</label>
                    <input id=input_id name="member" type="email" required value=typed/>
                </div>
                <button type="submit">{text::ADD_MEMBER}</button>
            </form>
        </section>
    }
    .into_any()
}
