#!/usr/bin/env bash
# Records the JFR test recordings under importers/src/test/resources/jfr/ and, beside each, what `jfr summary`
# prints for it (the expected event counts). See README.md in this folder. Run from anywhere; takes ~30 s.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$ROOT/importers/src/test/resources/jfr}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
# JDK 11: Debian 12 has none; Debian 11's package works unpacked (see README.md).
JDK11=${JDK11:-/usr/lib/jvm/java-11-openjdk-amd64}
ASPROF_VERSION=${ASPROF_VERSION:-4.5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$OUT"
"$JDK17/bin/javac" --release 11 -d "$WORK/classes" "$ROOT"/sample-data/src/jfr/*.java

# No environment variables, system properties or process lists in committed recordings: these events are switched
# off while recording, so the files stay exactly as each JDK wrote them (no rewrite by `jfr scrub`).
NOENV='jdk.InitialEnvironmentVariable#enabled=false,jdk.InitialSystemProperty#enabled=false,jdk.SystemProcess#enabled=false'

cd "$WORK"
"$JDK17/bin/java" "-XX:StartFlightRecording=filename=$WORK/cpu-jdk17.jfr,settings=profile,$NOENV,jdk.ExecutionSample#period=5ms" \
    -cp classes jfrsample.CpuWork 3
"$JDK17/bin/java" "-XX:StartFlightRecording=filename=$WORK/lock-io-jdk17.jfr,settings=profile,$NOENV,jdk.FileRead#threshold=0ms,jdk.FileWrite#threshold=0ms,jdk.SocketRead#threshold=0ms,jdk.SocketWrite#threshold=0ms" \
    -cp classes jfrsample.LockWork 3 3 15000
"$JDK25/bin/java" "-XX:StartFlightRecording=filename=$WORK/alloc-jdk25.jfr,settings=profile,$NOENV,jdk.CPUTimeSample#enabled=true,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true" \
    -cp classes jfrsample.AllocWork 3

# JDK 11 takes event settings only from a .jfc file: its own profile.jfc with the same events switched off and the
# 5 ms execution sample period.
perl -0pe 's/(<event name="jdk\.(InitialEnvironmentVariable|InitialSystemProperty|SystemProcess)">\s*<setting name="enabled">)true/${1}false/g;
    s/(<event name="jdk\.ExecutionSample">\s*<setting name="enabled"[^>]*>true<\/setting>\s*<setting name="period"[^>]*>)10 ms/${1}5 ms/' \
    "$JDK11/lib/jfr/profile.jfc" > "$WORK/profile-jdk11.jfc"
"$JDK11/bin/java" "-XX:StartFlightRecording=filename=$WORK/cpu-jdk11.jfr,settings=$WORK/profile-jdk11.jfc" \
    -cp classes jfrsample.CpuWork 3
"$JDK11/bin/java" "-XX:StartFlightRecording=filename=$WORK/lock-cpu-jdk11.jfr,settings=$WORK/profile-jdk11.jfc" \
    -cp classes jfrsample.LockWork 3 3 15000

# async-profiler: the native library ships inside the Maven Central artifact tools.profiler:async-profiler.
mvn -q -B dependency:get -Dartifact=tools.profiler:async-profiler:$ASPROF_VERSION
unzip -q -o -j "$HOME/.m2/repository/tools/profiler/async-profiler/$ASPROF_VERSION/async-profiler-$ASPROF_VERSION.jar" \
    linux-x64/libasyncProfiler.so -d "$WORK/asprof"
"$JDK17/bin/java" "-agentpath:$WORK/asprof/libasyncProfiler.so=start,event=cpu,interval=5ms,alloc=256k,file=$WORK/asprof-cpu-alloc.jfr" \
    -cp classes jfrsample.CpuWork 3
"$JDK17/bin/java" "-agentpath:$WORK/asprof/libasyncProfiler.so=start,event=cpu,interval=5ms,lock=1ms,file=$WORK/asprof-lock.jfr" \
    -cp classes jfrsample.LockWork 3 3 2000

for f in cpu-jdk11 lock-cpu-jdk11 cpu-jdk17 lock-io-jdk17 alloc-jdk25 asprof-cpu-alloc asprof-lock; do
    cp "$WORK/$f.jfr" "$OUT/$f.jfr"
    "$JDK25/bin/jfr" summary "$OUT/$f.jfr" | sed "s|$OUT/||" > "$OUT/$f.summary.txt"
done
ls -l "$OUT"
