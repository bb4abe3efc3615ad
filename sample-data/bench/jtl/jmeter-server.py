#!/usr/bin/env python3
"""A tiny HTTP server for recording jmeter-results: '/' answers at once, but every 10th request is a 404;
'/slow' waits 40-160 ms (a fixed cycle, so runs are alike) and every 7th request is a 500."""
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
counts = {}


def next_count(path):
    with lock:
        counts[path] = counts.get(path, 0) + 1
        return counts[path]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        n = next_count(self.path)
        if self.path == "/slow":
            time.sleep((40 + (n * 37) % 121) / 1000)
            status = 500 if n % 7 == 0 else 200
        elif self.path == "/":
            status = 404 if n % 10 == 0 else 200
        else:
            status = 404
        body = (b"ok\n" if status == 200 else b"error\n") * 40
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8766
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
