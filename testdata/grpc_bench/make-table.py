#!/usr/bin/env python3
"""Prints a grpc_bench results table in the canonical layout of its analyzer, from two real ghz summaries.

grpc_bench cannot run here (its benchmarks are Docker images; this machine has no Docker engine) and Ruby is not
installed, so this script follows analyze/results_analyze.rb of github.com/LesnyRumcajs/grpc_bench (MIT, commit
5751250, read, not copied) step by step: per <name>_bench.report (ghz's default summary text) it takes `Total:`
without its unit, `[OK] N`, and the strings after `Average:`, `90 % in`, `95 % in`, `99 % in`; req/s is OK / Total
rounded to an integer; per <name>_bench.stats (docker stats lines "<cpu>%\t<used> / <limit>") it drops the last
sample and those under 1 % CPU, and averages CPU and memory (GiB x 1024, else as MiB), printed rounded to 2
decimals as Ruby prints floats; rows sorted by req/s, highest first; columns ljust(27) and rjust(8, 15, 15, 15, 15,
9, 14), lines of 137 dashes.
The .report inputs are the real ghz outputs of github.com/WuBingzheng/pajamax (MIT, commit ccf0ee1,
benchmark/framegraph/{tonic,pajamax}.ghz.out, in sample-data/bench/ghz/); the .stats lines below are MADE UP
(no docker stats of those runs exist).
Run: python3 make-table.py > canonical-results.txt
"""
import os
import re

here = os.path.dirname(os.path.abspath(__file__))
ghz = os.path.join(here, "..", "..", "sample-data", "bench", "ghz")
reports = {"rust_tonic_mt": os.path.join(ghz, "ghz-summary-tonic.txt"),
           "rust_pajamax": os.path.join(ghz, "ghz-summary-pajamax.txt")}
stats = {"rust_tonic_mt": ["101.2%\t5.8MiB / 512MiB", "103.9%\t6.0MiB / 512MiB", "104.4%\t6.1MiB / 512MiB",
                           "0.5%\t6.1MiB / 512MiB", "60.0%\t6.2MiB / 512MiB"],
         "rust_pajamax": ["38.1%\t1.1MiB / 512MiB", "41.7%\t1.2MiB / 512MiB", "43.0%\t1.3MiB / 512MiB",
                          "40.2%\t1.3MiB / 512MiB", "12.0%\t1.3MiB / 512MiB"]}


def ruby_float(v):
    s = repr(round(v, 2))
    return s if "." in s or "e" in s else s + ".0"


results = {}
for name, path in reports.items():
    text = open(path, encoding="utf-8").read()
    r = {"total": float(re.findall(r"Total:\s*((?:\d|\.)+)", text)[0])}
    ok = re.findall(r"\[OK\]\s*(\d+)", text)
    r["ok"] = float(ok[0]) if ok else 0
    r["avg"] = re.findall(r"\s*Average:\s*(.*\w)", text)[0]
    for p in ("90", "95", "99"):
        r[p] = re.findall(r"\s*" + p + r" % in \s*(.*\w)", text)[0]
    r["rps"] = r["ok"] / r["total"]
    samples = []
    for line in stats[name][:-1]:
        m = re.match(r"([0-9.]+)%\s+([0-9.]+)(\w+)", line)
        cpu, mem, unit = float(m.group(1)), float(m.group(2)), m.group(3)
        if cpu >= 1:
            samples.append((cpu, mem * (1024 if unit == "GiB" else 1)))
    r["cpu"] = sum(s[0] for s in samples) / len(samples)
    r["mem"] = sum(s[1] for s in samples) / len(samples)
    results[name] = r


def line(*a):
    print(f"| {str(a[0]).ljust(27)} |{str(a[1]).rjust(8)} |{str(a[2]).rjust(15)} |{str(a[3]).rjust(15)} |"
          f"{str(a[4]).rjust(15)} |{str(a[5]).rjust(15)} |{str(a[6]).rjust(9)} |{str(a[7]).rjust(14)} |")


print("-" * 137)
line("name", "req/s", "avg. latency", "90 % in", "95 % in", "99 % in", "avg. cpu", "avg. memory")
print("-" * 137)
for name, r in sorted(results.items(), key=lambda kv: kv[1]["rps"], reverse=True):
    line(name, round(r["rps"]), r["avg"], r["90"], r["95"], r["99"], ruby_float(r["cpu"]) + "%",
         ruby_float(r["mem"]) + " MiB")
print("-" * 137)
