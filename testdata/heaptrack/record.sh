#!/bin/sh
# Records heapdemo.c with Debian 12's heaptrack 1.4.0-2 and gcc 12.2.0, and writes heaptrack_print's reading of each
# file beside it (the upstream files come from KDE/heaptrack tests/auto/, see testdata/README.md).
# Run from this folder: sh record.sh (needs: apt-get install -y heaptrack gcc zstd).
set -eu
gcc -O0 -g -fno-omit-frame-pointer -o /tmp/heapdemo heapdemo.c
rm -f heaptrack.heapdemo.zst
heaptrack -o "$PWD/heaptrack.heapdemo" /tmp/heapdemo > heaptrack.heapdemo.run.log 2>&1
# The same trace gzip-compressed, as heaptrack builds without zstd write it.
zstd -dc heaptrack.heapdemo.zst | gzip -9n > heaptrack.heapdemo.gz
for f in heaptrack.heapdemo.zst heaptrack.heapdemo.gz upstream.heaptrack.david.18594.gz \
        upstream.heaptrack.embedded_lsan_suppressions.84207.zst; do
    heaptrack_print --print-leaks=1 --shorten-templates=0 "$f" > "$f.print.txt"
    # heaptrack_print's own stacks and costs per cost type, folded (main and above cut, as it prints them;
    # templates not shortened)
    # (the .gz copy of heapdemo holds the same trace, so only the .zst gets them; gzipped, as david's are large)
    [ "$f" = heaptrack.heapdemo.gz ] && continue
    for cost in allocations temporary peak leaked; do
        heaptrack_print -a 0 -p 0 -T 0 --shorten-templates=0 -F "$f.$cost.folded" --flamegraph-cost-type "$cost" "$f" > /dev/null
        gzip -9nf "$f.$cost.folded"
    done
done
