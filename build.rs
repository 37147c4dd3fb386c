//! Links the `bunkakai` program as a fixed-address (non-PIE) executable on
//! Linux. Its largest constant tables (every time zone's transitions) hold
//! pointers; in a position-independent program the loader rewrites all of
//! them at every start (about 34,000 relocations over 1.1 MB), so each
//! console would carry about 2 MB it never reads. Linked at a fixed address
//! they are resolved once by the linker and stay on disk until used. Only
//! the program is linked this way; the library, tests and benches are not.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
