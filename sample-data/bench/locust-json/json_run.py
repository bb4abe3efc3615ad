#!/usr/bin/python3
"""Runs a short Locust test through Locust's library API and writes, from the same run's statistics:
NAME.json            what `locust --json` prints: json.dumps(stats.serialize_stats(), indent=4) (the flag came in
                     Locust 2.14; Debian's 2.12.1 has the function but not the flag)
csv/NAME_stats.csv   what `--csv NAME` writes at the end (StatsCSV.requests_csv), for comparing the two readings
NAME.stdout.txt      Locust's console summary tables (print_stats, print_percentile_stats, print_error_report)

  json_run.py NAME USERS SECONDS      (against ../locust/server.py on 127.0.0.1:18092)
"""
import csv
import json
import logging
import sys

import gevent
from locust import HttpUser, between, task
from locust.env import Environment
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV, print_error_report, print_percentile_stats, print_stats


class WebUser(HttpUser):
    host = "http://127.0.0.1:18092"
    wait_time = between(0.02, 0.1)

    @task(5)
    def home(self):
        self.client.get("/")

    @task(2)
    def item(self):
        self.client.get("/api/items?id=7", name="/api/items?id=[id]")

    @task(1)
    def missing(self):
        self.client.get("/missing")


def main():
    name, users, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    env = Environment(user_classes=[WebUser])
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    # the CSV and the console first: serialize_stats() clears each entry once it has serialized it
    with open("csv/" + name + "_stats.csv", "w", newline="") as f:
        StatsCSV(env, PERCENTILES_TO_REPORT).requests_csv(csv.writer(f))
    console = logging.getLogger("locust.stats_logger")
    handler = logging.FileHandler(name + ".stdout.txt", mode="w")
    console.addHandler(handler)
    console.setLevel(logging.INFO)
    console.propagate = False
    print_stats(env.stats, current=False)
    print_percentile_stats(env.stats)
    print_error_report(env.stats)
    handler.close()
    with open(name + ".json", "w") as f:
        f.write(json.dumps(env.stats.serialize_stats(), indent=4) + "\n")


if __name__ == "__main__":
    main()
