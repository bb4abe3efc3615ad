#!/usr/bin/env bash
# Records perfdesk-benchmarks-baseline.json and perfdesk-benchmarks-candidate.json: real JMH runs of our own
# benchmarks module's PercentileBenchmark in all four modes with -prof gc and two forks, short iterations (some rows
# with a single measurement iteration per fork). The candidate is the same code run with
# -Dperfdesk.bench.candidate=true, which sends sortRawSamples at size=10000 down a deliberately slower path (it sorts
# 25% more values): two genuine regressions (thrpt and avgt of that row), the rest unchanged. See README.md.
#
#   sample-data/bench/jmh/record.sh            # from the repository root; 2 to 8 minutes on 2 shared cores
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Builds the module and its upstream modules from this tree (never mvn install: that would replace the shared
# local repository's copies).
(cd "$root" && mvn -B -o -q package -pl benchmarks -am -DskipTests)

common=(-f 2 -w 200ms -r 300ms -prof gc -rf json)
B=dev.perfdesk.benchmarks.PercentileBenchmark

# mode NAME CANDIDATE: one JMH invocation per mode, into $work/NAME-MODE.json.
mode() {
    local name="$1" candidate="$2" m="$3"
    shift 3
    java -jar "$jar" "$B" -bm "$m" "$@" "${common[@]}" -jvmArgsAppend "-Dperfdesk.bench.candidate=$candidate" \
        -rff "$work/$name-$m.json"
}

# Baseline and candidate alternate mode by mode, so that both see much the same load on a shared machine.
for m in thrpt avgt sample ss; do
    case $m in
        thrpt | avgt) args=(-wi 1 -i 3) ;;
        # Sample mode keeps every iteration's histogram: one size only keeps the file small.
        sample) args=(-p size=1000 -wi 1 -i 3) ;;
        # Single shots with one warm-up and one measured shot per fork: n=2, too few for a tight interval.
        ss) args=(-p size=1000 -wi 1 -i 1) ;;
    esac
    mode baseline false $m "${args[@]}"
    mode candidate true $m "${args[@]}"
done

# join NAME: the four parts, each "[ {...}, {...} ]" and blank lines, as one array in JMH's layout.
join() {
    local out="$here/perfdesk-benchmarks-$1.json"
    python3 - "$out" "$work/$1-thrpt.json" "$work/$1-avgt.json" "$work/$1-sample.json" "$work/$1-ss.json" <<'PY'
import sys
bodies = []
for part in sys.argv[2:]:
    text = open(part, encoding="utf-8").read().strip()
    assert text.startswith("[") and text.endswith("]"), part
    bodies.append(text[1:-1].strip("\n"))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("[\n" + ",\n".join(bodies) + "\n]\n")
PY
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[1], len(d), "benchmarks,",
        sum(1 + len(r["secondaryMetrics"]) for r in d), "result rows")' "$out"
}

join baseline
join candidate
