//! The interactive pieces. Each one enhances HTML that already works without JavaScript.

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
#[island]
pub fn PendingSubmit(label: String, pending_label: String) -> impl IntoView {
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
            {move || pending.get().then(|| pending_label_for_status())}
        </span>
    }
}

fn pending_label_for_status() -> &'static str {
    "Working, please wait."
}

/// Copies text to the clipboard: the `data-copy` attribute of the element with id `target`,
/// or else its text. Rendered only once hydrated, since it needs JavaScript.
#[island]
pub fn CopyButton(target: String, label: String) -> impl IntoView {
    let mounted = RwSignal::new(false);
    let copied = RwSignal::new(false);
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
        copied.set(true);
    };
    move || {
        mounted.get().then(|| {
            let label = label.clone();
            view! {
                <button type="button" class="secondary copy" on:click=copy.clone()>
                    {move || if copied.get() { "Copied".to_owned() } else { label.clone() }}
                </button>
                <span class="visually-hidden" role="status">{move || copied.get().then_some("Copied to the clipboard")}</span>
            }
        })
    }
}
