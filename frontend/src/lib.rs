//! The browser entry point. Only islands hydrate; every other part of a page is plain HTML
//! rendered by the server, which keeps the wasm small and the pages usable without JavaScript.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Reference the app crate so its islands are linked into this module.
    app::register_islands();
    leptos::mount::hydrate_islands();
}
