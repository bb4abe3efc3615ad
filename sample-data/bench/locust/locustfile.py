# The Locust test of record.sh: a page, a JSON API grouped under one name, a POST, and a 404 for the failures file.
# 10 users for 20 s, then none for 3 s before the end, so that the last _stats.csv rewrite (once a second) holds
# every request and matches the console summary.
import gc

from locust import HttpUser, LoadTestShape, between, events, task
from locust.stats import StatsCSVFileWriter


class ShopUser(HttpUser):
    host = "http://127.0.0.1:18090"
    wait_time = between(0.05, 0.15)

    @task(5)
    def index(self):
        self.client.get("/")

    @task(3)
    def item(self):
        self.client.get("/api/items?id=%d" % (id(self) % 7), name="/api/items?id=[id]")

    @task(1)
    def order(self):
        self.client.post("/api/orders", json={"item": 3, "count": 1})

    @task(1)
    def missing(self):
        self.client.get("/does-not-exist")


class LoadThenRest(LoadTestShape):
    def tick(self):
        t = self.get_run_time()
        if t < 20:
            return 10, 10
        if t < 23:
            return 0, 10
        return None


@events.quitting.add_listener
def flush_csv_files(environment, **kwargs):
    # Locust 2.12.1 flushes its CSV files every 10 s (CSV_STATS_FLUSH_INTERVAL_SEC) and not at exit, which loses
    # the end of _stats_history.csv; flush the writer's files once more when Locust quits.
    for o in gc.get_objects():
        if isinstance(o, StatsCSVFileWriter):
            o.requests_flush()
            o.stats_history_flush()
            o.failures_flush()
            o.exceptions_flush()
