#!/bin/sh
# Records the gprof test files in this folder. Needs gcc and gprof (Debian 12: gcc 12.2.0, binutils 2.40).
# Run from this folder: sh record.sh. The times are samples of a real run (0.01 s each) and change from one run to
# the next; the call counts do not. Re-record all files together: they are gprof's reading of one gmon.out.
set -eu
here=$(pwd)
work=/tmp/perfdesk-gprof-rec
rm -rf "$work"
mkdir -p "$work"
cp gprofdemo.c gprofshort.c gprofcpp.cc "$work/"
cd "$work"
# a run too short for one sample: gprof prints "no time accumulated" and the unit Ts/call
gcc -pg -g -O0 -o gprofshort gprofshort.c
./gprofshort > stdout-short.txt
gprof -b ./gprofshort gmon.out > gprof.gprofshort.brief.txt
# C++: names with templates, spaces, parentheses and operators; the unit us/call
g++ -pg -g -O0 -o gprofcpp gprofcpp.cc
./gprofcpp > stdout-cpp.txt
gprof -b ./gprofcpp gmon.out | gzip -9 -n > gprof.gprofcpp.brief.txt.gz
gprof -b -p ./gprofcpp gmon.out > gprof.gprofcpp.flat.txt
gcc -pg -g -O0 -o gprofdemo gprofdemo.c
./gprofdemo > stdout.txt

gprof ./gprofdemo gmon.out > gprof.gprofdemo.txt           # flat profile and call graph with the blurbs
gprof -b ./gprofdemo gmon.out > gprof.gprofdemo.brief.txt  # without the blurbs
gprof -b -p ./gprofdemo gmon.out > gprof.gprofdemo.flat.txt
gprof -b -q ./gprofdemo gmon.out > gprof.gprofdemo.callgraph.txt
gprof -b -l -p ./gprofdemo gmon.out > gprof.gprofdemo.lines-flat.txt
gprof -b -l ./gprofdemo gmon.out > gprof.gprofdemo.lines.txt
cp gprof.gprofdemo*.txt gprof.gprofshort.brief.txt gprof.gprofcpp.brief.txt.gz gprof.gprofcpp.flat.txt "$here/"
cd "$here"
rm -rf "$work"
