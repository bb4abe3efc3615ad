#!/usr/bin/env python3
"""Writes a speedscope JSON file from a folded-stacks file, as speedscope's file-format-spec.ts documents it
(jlfwong/speedscope src/lib/file-format-spec.ts): shared.frames, one "sampled" profile (each folded line one
sample, weight = its count, unit "none") and one "evented" profile (the same stacks laid end to end in time, each
open for COUNT milliseconds, unit "milliseconds"), and prints the expected totals and top self frames.

Usage: python3 make-speedscope.py IN.folded OUT.speedscope.json > OUT.expected.txt
"""
import collections
import json
import sys

src, out = sys.argv[1], sys.argv[2]
frames, index = [], {}
stacks = []
for line in open(src, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        continue
    stack, count = line.rsplit(" ", 1)
    ids = []
    for name in stack.split(";"):
        if name not in index:
            index[name] = len(frames)
            frames.append({"name": name})
        ids.append(index[name])
    stacks.append((ids, int(count)))

events, t, open_stack = [], 0, []
for ids, count in stacks:
    # close what is not shared with the next stack, open the rest
    common = 0
    while common < len(open_stack) and common < len(ids) and open_stack[common] == ids[common]:
        common += 1
    for f in reversed(open_stack[common:]):
        events.append({"type": "C", "frame": f, "at": t})
    for f in ids[common:]:
        events.append({"type": "O", "frame": f, "at": t})
    open_stack = list(ids)
    t += count
for f in reversed(open_stack):
    events.append({"type": "C", "frame": f, "at": t})

doc = {
    "$schema": "https://www.speedscope.app/file-format-schema.json",
    "shared": {"frames": frames},
    "profiles": [
        {"type": "sampled", "name": "samples", "unit": "none", "startValue": 0,
         "endValue": sum(c for _, c in stacks), "samples": [ids for ids, _ in stacks],
         "weights": [c for _, c in stacks]},
        {"type": "evented", "name": "timed", "unit": "milliseconds", "startValue": 0, "endValue": t,
         "events": events},
    ],
    "name": "perf-java-faults-01",
    "activeProfileIndex": 0,
    "exporter": "perfdesk make-speedscope.py",
}
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")

selfs = collections.Counter()
for ids, count in stacks:
    selfs[frames[ids[-1]]["name"]] += count
print("total", sum(c for _, c in stacks))
for name, w in sorted(selfs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print("self", w, name)
