//! The interactive pieces. Each one enhances HTML that already works without JavaScript.

use super::text;
use leptos::prelude::*;

/// Marks the page as hydrated (`<body data-hydrated="true">`) once the wasm has run, so
/// tests and people debugging can tell the two modes apart.
#[island]
pub fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}

/// A submit button that says what is happening while its form is being sent, and cannot be
/// pressed twice.
#[component]
pub fn PendingSubmit(label: String, pending_label: String) -> impl IntoView {
    view! { <PendingSubmitButton label pending_label working=text::WORKING.get()/> }
}

/// [`PendingSubmit`]'s island: it is handed every word it may show, in the page's language.
#[island]
pub fn PendingSubmitButton(label: String, pending_label: String, working: String) -> impl IntoView {
    let pending = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let Some(button) = button.get() else { return };
        let Some(form) = button.form() else { return };
        let on_submit = Closure::<dyn FnMut()>::new(move || pending.set(true));
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
        // Returning to the page from the browser's back/forward cache must re-enable it.
        let on_show = Closure::<dyn FnMut()>::new(move || pending.set(false));
        let _ =
            window().add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
        on_show.forget();
    });
    view! {
        <button type="submit" node_ref=button aria-disabled=move || pending.get().then_some("true")
            class:pending=move || pending.get()
            on:click=move |ev| if pending.get_untracked() { ev.prevent_default() }>
            {move || if pending.get() { pending_label.clone() } else { label.clone() }}
        </button>
        <span class="visually-hidden" role="status">
            {move || pending.get().then(|| working.clone())}
        </span>
    }
}

/// Copies text to the clipboard: the `data-copy` attribute of the element with id `target`,
/// or else its text. Rendered only once hydrated, since it needs JavaScript.
#[component]
pub fn CopyButton(target: String, label: String) -> impl IntoView {
    view! {
        <CopyToClipboard target label copied=text::COPIED.get() copied_status=text::COPIED_STATUS.get()/>
    }
}

/// [`CopyButton`]'s island, handed its words in the page's language.
#[island]
pub fn CopyToClipboard(
    target: String,
    label: String,
    copied: String,
    copied_status: String,
) -> impl IntoView {
    let mounted = RwSignal::new(false);
    let done = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    let copy = move |_| {
        let Some(element) = document().get_element_by_id(&target) else {
            return;
        };
        let text = element
            .get_attribute("data-copy")
            .or_else(|| element.text_content())
            .unwrap_or_default();
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(text.trim());
        done.set(true);
    };
    move || {
        mounted.get().then(|| {
            let label = label.clone();
            let copied = copied.clone();
            let copied_status = copied_status.clone();
            view! {
                <button type="button" class="secondary copy" on:click=copy.clone()>
                    {move || if done.get() { copied.clone() } else { label.clone() }}
                </button>
                <span class="visually-hidden" role="status">{move || done.get().then(|| copied_status.clone())}</span>
            }
        })
    }
}

/// Reloads the page once the background work it reports on is finished: polls `status_url`
/// (202 while running, 200 when done) every second. Without JavaScript the page offers a
/// link instead; if polling fails, that link is still there.
#[island]
pub fn ReloadWhenDone(status_url: String) -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(poll_then_reload(status_url.clone()));
        #[cfg(not(feature = "hydrate"))]
        let _ = &status_url;
    });
}

#[cfg(feature = "hydrate")]
async fn poll_then_reload(url: String) {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{JsCast, closure::Closure};
    use wasm_bindgen_futures::JsFuture;
    // Once the person is going elsewhere (a link, the address bar), a reload would take
    // their navigation from them: stop polling and leave the page alone.
    let leaving = Rc::new(Cell::new(false));
    let on_leave = Closure::<dyn Fn()>::new({
        let leaving = leaving.clone();
        move || leaving.set(true)
    });
    let _ = window()
        .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
    for _ in 0..120 {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        });
        let _ = JsFuture::from(tick).await;
        if leaving.get() {
            return;
        }
        let init = web_sys::RequestInit::new();
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        let Ok(answer) = JsFuture::from(window().fetch_with_str_and_init(&url, &init)).await else {
            return;
        };
        let Ok(response) = answer.dyn_into::<web_sys::Response>() else {
            return;
        };
        match response.status() {
            202 => continue,
            200 if leaving.get() => return,
            200 => {
                let _ = window().location().reload();
                return;
            }
            _ => return,
        }
    }
}
