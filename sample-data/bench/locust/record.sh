#!/bin/sh
# Records two Locust runs of locustfile.py, the second against a deliberately slower server, with Prometheus
# scraping the server process (CPU and memory) during both. Loopback only; every process started here is stopped
# here by its PID. Needs Debian's python3-locust (2.12.1) and prometheus (2.42.0).
#   sh record.sh            (writes fast_*, slow_*, *.stdout.txt here and the query results in prometheus/)
set -eu
cd "$(dirname "$0")"
mkdir -p prometheus
PY=/usr/bin/python3
WORK=$(mktemp -d)
B=http://127.0.0.1:19091/api/v1
prometheus --config.file=prometheus.yml --storage.tsdb.path="$WORK/prom" --web.listen-address=127.0.0.1:19091 \
    >"$WORK/prometheus.log" 2>&1 &
PROM=$!
trap 'kill $PROM 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 3

run() { # NAME SERVER-ARGS...
    name=$1; shift
    $PY server.py 18090 "$@" &
    SERVER=$!
    sleep 6                                   # a few scrapes before the load
    start=$(date +%s)
    locust -f locustfile.py --headless --csv "$name" --csv-full-history --only-summary \
        >"$name.stdout.txt" 2>&1 || true       # Locust exits 1 when requests failed, as the 404s do
    end=$(date +%s)
    sleep 6                                   # the rate window and the last scrapes after the load
    kill $SERVER
    wait $SERVER 2>/dev/null || true
    for q in "instance:process_cpu_percent:rate5s cpu" "process_resident_memory_bytes memory"; do
        set -- $q
        curl -sG "$B/query_range" --data-urlencode "query=$1{job=\"server\"}" --data-urlencode "start=$((start - 5))" \
            --data-urlencode "end=$((end + 5))" --data-urlencode step=1 >"prometheus/$name.$2.prom.json"
    done
}

run fast
run slow --delay-ms 15 --burn-ms 3
curl -sG "$B/query_range" --data-urlencode 'query=rate(up[' --data-urlencode start=0 --data-urlencode end=1 \
    --data-urlencode step=1 >prometheus/error.bad_query.prom.json || true
ls -l fast_* slow_* prometheus/*.prom.json ./*.stdout.txt
