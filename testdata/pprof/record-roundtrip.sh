#!/bin/sh
# The round trip: a perf script recording and a JFR recording from sample-data/, exported by Perfdesk to pprof
# (roundtrip/*.pb.gz) and read back by `go tool pprof -top` (go1.19.8), whose output is roundtrip/*.top.
# PprofRoundTripTest checks that the exporter still writes exactly these bytes and that Perfdesk's own function
# table of the source equals the recorded go tool pprof tables. Run from the repository root after a build:
#   sh testdata/pprof/record-roundtrip.sh
set -eu
out=testdata/pprof/roundtrip
db=$(mktemp -d)/roundtrip.db
./perfdesk import --db "$db" sample-data/perf/c-primes.perf.txt sample-data/jfr/cpu-jdk17.jfr > "$db.ids"
perf_id=$(grep -m1 'c-primes.perf.txt' "$db.ids" | cut -f1)
jfr_id=$(grep -m1 'jdk.ExecutionSample' "$db.ids" | cut -f1)
./perfdesk export --db "$db" "$perf_id" --pprof $out/c-primes.perf.pb.gz
./perfdesk export --db "$db" "$jfr_id" --pprof $out/cpu-jdk17.jfr.cpu.pb.gz
for f in c-primes.perf.pb.gz:cpu-clock:ns cpu-jdk17.jfr.cpu.pb.gz:samples:; do
    file=${f%%:*}; rest=${f#*:}; st=${rest%%:*}; unit=${rest#*:}
    for cum in "" -cum; do
        go tool pprof -top -nodecount=25 -nodefraction=0 -sample_index="$st" ${unit:+-unit=$unit} $cum \
            "$out/$file" > "$out/$file.$st${cum:+.cum}.top" 2>/dev/null
    done
done
rm -rf "$(dirname "$db")"
