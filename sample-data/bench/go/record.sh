#!/bin/sh
# Records the Go benchmark samples in this folder from sample-data/src/gobench (bench_test.go, go.mod) with
# Debian's golang-go (go1.19: apt-get install -y golang-go). Offline: no module downloads, caches under /tmp.
# Writes gobench-count5-benchmem.txt (text) and gobench-json.jsonl (go test -json, test2json events) here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../../src/gobench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/bench_test.go" "$src/go.mod" "$work/"
export GOPROXY=off GOFLAGS=-mod=mod GOCACHE="$work/cache" GOPATH="$work/gopath" GOTOOLCHAIN=local
cd "$work"
go version
go test -run '^$' -bench . -count 5 -benchmem -benchtime 200ms > "$here/gobench-count5-benchmem.txt"
go test -run '^$' -bench . -count 5 -benchmem -benchtime 200ms -json > "$here/gobench-json.jsonl"
