#!/bin/sh
# Records the Callgrind goldens in this folder. Needs gcc and valgrind (Debian 12: valgrind 1:3.19.0-1, gcc 12.2.0).
# Run from this folder: sh record.sh. The outputs are deterministic for one binary (Callgrind counts instructions);
# another compiler or libc gives other numbers, so re-record all files together.
set -eu
here=$(pwd)
# a fixed folder, so the file names inside the outputs stay the same from one recording to the next
work=/tmp/perfdesk-callgrind-rec
rm -rf "$work"
mkdir -p "$work"
cp tiny.c "$work/"
cd "$work"
gcc -g -O1 -o tiny tiny.c
vg="valgrind --tool=callgrind"
$vg --callgrind-out-file=callgrind.out.tiny ./tiny 2>>stderr.txt
$vg --dump-instr=yes --collect-jumps=yes --callgrind-out-file=callgrind.out.tiny-instr ./tiny 2>>stderr.txt
$vg --cache-sim=yes --branch-sim=yes --callgrind-out-file=callgrind.out.tiny-cachesim ./tiny 2>>stderr.txt
# two parts in one file: a dump when printf() is entered, appended to the same file
$vg --dump-before=printf --combine-dumps=yes --callgrind-out-file=callgrind.out.tiny-parts ./tiny 2>>stderr.txt
for f in callgrind.out.tiny callgrind.out.tiny-instr callgrind.out.tiny-cachesim; do
    # every function (threshold 100%), no source annotation: the per-function self totals
    callgrind_annotate --threshold=100 --auto=no "$f" > "$f.annotate.txt"
done
cp callgrind.out.tiny callgrind.out.tiny-instr callgrind.out.tiny-cachesim callgrind.out.tiny-parts \
   callgrind.out.tiny.annotate.txt callgrind.out.tiny-instr.annotate.txt callgrind.out.tiny-cachesim.annotate.txt \
   "$here/"
cp stderr.txt "$here/callgrind.stderr.txt"
cd "$here"
rm -rf "$work"
