#!/usr/bin/python3
"""A small HTTP server for recording Locust runs: a page, a JSON API, a 404, and its own Prometheus metrics.

  server.py PORT [--delay-ms N] [--burn-ms N]

--delay-ms sleeps and --burn-ms spins the CPU for that long in every request, to make a deliberately slower server.
GET /metrics gives this process's CPU seconds and resident memory in the Prometheus text format, read from
/proc/self, so Prometheus scrapes the same process Locust loads. Binds to 127.0.0.1 only.
"""
import http.server
import os
import sys
import time

PAGE = b"<html><body>" + b"perfdesk " * 400 + b"</body></html>\n"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def metrics():
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * PAGE_SIZE
    return ("# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n"
            "# TYPE process_cpu_seconds_total counter\n"
            f"process_cpu_seconds_total {cpu}\n"
            "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
            "# TYPE process_resident_memory_bytes gauge\n"
            f"process_resident_memory_bytes {rss}\n").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    delay = 0.0
    burn = 0.0
    cache = []

    def log_message(self, fmt, *args):
        pass

    def slow_down(self):
        if self.burn:
            end = time.perf_counter() + self.burn
            x = 0
            while time.perf_counter() < end:
                x += 1
            # keeps some memory per request, as a leaky cache would, so the slow server's memory grows
            Handler.cache.append(bytearray(16 * 1024))
        if self.delay:
            time.sleep(self.delay)

    def send(self, code, body, kind):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/metrics":
            self.send(200, metrics(), "text/plain; version=0.0.4")
            return
        self.slow_down()
        if self.path in ("/", "/index.html"):
            self.send(200, PAGE, "text/html")
        elif self.path.startswith("/api/items?id="):
            item = self.path.split("=", 1)[1]
            self.send(200, ('{"id": "%s", "name": "item %s"}\n' % (item, item)).encode(), "application/json")
        else:
            self.send(404, b"not found\n", "text/plain")

    def do_POST(self):
        self.slow_down()
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self.send(201, b'{"ok": true}\n', "application/json")


def main():
    port = int(sys.argv[1])
    args = sys.argv[2:]
    if "--delay-ms" in args:
        Handler.delay = float(args[args.index("--delay-ms") + 1]) / 1000
    if "--burn-ms" in args:
        Handler.burn = float(args[args.index("--burn-ms") + 1]) / 1000
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
