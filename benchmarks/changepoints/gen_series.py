#!/usr/bin/env python3
"""Writes a CSV table of runs in Otava's layout (time, commit, one metric) with a few steps and noise.

usage: gen_series.py POINTS OUT.csv [SEED]

The metric starts at 1000 and steps at fixed fractions of the series (+12%, -8%, +20%, -15%), with Gaussian noise of
1.5% of the level: the series Perfdesk's `changepoints` and Otava's `compute_change_points` are timed on.
"""
import datetime
import random
import sys

points = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
steps = [(0.2, 1.12), (0.45, 0.92), (0.7, 1.20), (0.9, 0.85)]
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
with open(out, "w") as f:
    f.write("time,commit,throughput\n")
    level = 1000.0
    for i in range(points):
        for frac, factor in steps:
            if i == int(points * frac):
                level *= factor
        value = level * (1 + rng.gauss(0, 0.015))
        t = (start + datetime.timedelta(minutes=10 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(f"{t},{i:07x},{value:.3f}\n")
