#!/bin/sh
# Records the Massif test files in this folder. Needs gcc and valgrind (Debian 12: valgrind 1:3.19.0-1, gcc 12.2.0).
# Run from this folder: sh record.sh. Massif's instruction times and byte counts are deterministic for one binary;
# --time-unit=ms is wall time and changes from run to run. Another compiler or libc gives other numbers, so
# re-record all files together (and ms_print's outputs with them).
set -eu
here=$(pwd)
# a fixed folder, so the paths inside the outputs stay the same from one recording to the next
work=/tmp/perfdesk-massif-rec
rm -rf "$work"
mkdir -p "$work"
cp heapdemo.c "$work/"
cd "$work"
gcc -g -O0 -o heapdemo heapdemo.c
vg="valgrind --tool=massif"
# the default time unit (instructions executed), heap only
$vg --massif-out-file=massif.out.heapdemo ./heapdemo 2 >/dev/null 2>>stderr.txt
# milliseconds, with stacks
$vg --time-unit=ms --stacks=yes --massif-out-file=massif.out.heapdemo-ms-stacks ./heapdemo 2 >/dev/null 2>>stderr.txt
# bytes allocated and freed, with stacks, a detailed snapshot every other one
$vg --time-unit=B --stacks=yes --detailed-freq=2 --massif-out-file=massif.out.heapdemo-B-stacks ./heapdemo 2 \
    >/dev/null 2>>stderr.txt
# pages instead of malloc'd blocks (the tree's root is '(page allocation syscalls)'), a shallower tree
$vg --pages-as-heap=yes --depth=8 --massif-out-file=massif.out.heapdemo-pages ./heapdemo 2 >/dev/null 2>>stderr.txt
for f in massif.out.heapdemo massif.out.heapdemo-ms-stacks massif.out.heapdemo-B-stacks massif.out.heapdemo-pages; do
    # every allocation site (threshold 0), as the golden tests compare the whole trees
    ms_print --threshold=0 "$f" > "$f.ms_print.txt"
done
cp massif.out.heapdemo massif.out.heapdemo-ms-stacks massif.out.heapdemo-B-stacks massif.out.heapdemo-pages \
   massif.out.*.ms_print.txt "$here/"
cp stderr.txt "$here/massif.stderr.txt"
cd "$here"
rm -rf "$work"
