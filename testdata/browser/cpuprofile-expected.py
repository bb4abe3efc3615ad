#!/usr/bin/env python3
"""Prints what a .cpuprofile holds as Chrome DevTools weighs it: each sample lasts until the next sample's time
(the last until endTime), times in microseconds from startTime + the running sum of timeDeltas. Prints the total
in microseconds and the five functions with the most self time (name, url:line 1-based).

Usage: python3 cpuprofile-expected.py busy.cpuprofile > busy.cpuprofile.expected.txt
"""
import collections
import json
import sys

d = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = {n["id"]: n for n in d["nodes"]}
times, t = [], d["startTime"]
for delta in d["timeDeltas"]:
    t += delta
    times.append(t)
selfs = collections.Counter()
total = 0
for i, node_id in enumerate(d["samples"]):
    end = times[i + 1] if i + 1 < len(times) else max(d["endTime"], times[i])
    w = max(0, end - times[i])
    cf = nodes[node_id]["callFrame"]
    selfs[cf["functionName"] or "(anonymous)"] += w
    total += w
print("samples", len(d["samples"]))
print("total_us", total)
for name, w in sorted(selfs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print("self_us", w, name)
