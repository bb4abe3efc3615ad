#!/bin/sh
# Records a Locust run whose `--json` output and `--csv` stats come from the same statistics (json_run.py), against
# ../locust/server.py on 127.0.0.1:18092 (loopback only); the server started here is stopped here by its PID.
# Needs Debian's python3-locust (2.12.1).
#   sh record.sh      (writes run.json, run.stdout.txt and csv/run_stats.csv here)
set -eu
cd "$(dirname "$0")"
mkdir -p csv
/usr/bin/python3 ../locust/server.py 18092 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
/usr/bin/python3 json_run.py run 10 10 2>run.stderr.log || true
kill $SERVER
wait $SERVER 2>/dev/null || true
rm -f run.stderr.log
ls -l run.json run.stdout.txt csv/run_stats.csv
