#!/bin/sh
# Records two Criterion.rs 0.3.6 runs of ../criterion-0.3.6/benches/fib.rs here: run1/ and run2/ hold every JSON
# and raw.csv of target/criterion after the first and the second `cargo bench` (HTML and SVG dropped), and the
# console output of each. Needs Debian's librust-criterion-dev (crate sources under /usr/share/cargo/registry) and
# a cargo; builds offline through the directory source replacement in ../criterion-0.3.6/dot-cargo/config.toml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../criterion-0.3.6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/benches" "$src/src" "$src/Cargo.toml" "$work/"
mkdir -p "$work/.cargo"
cp "$src/dot-cargo/config.toml" "$work/.cargo/config.toml"
cd "$work"
cargo --version
for run in run1 run2; do
    cargo bench --offline > "$here/cargo-bench.$run.txt" 2>&1
    rm -rf "${here:?}/$run"
    mkdir -p "$here/$run"
    (cd target && find criterion -type f \( -name '*.json' -o -name 'raw.csv' \) | while read -r f; do
        mkdir -p "$here/$run/$(dirname "$f")"
        cp "$f" "$here/$run/$f"
    done)
done
