#!/usr/bin/env python3
"""Prints the change points Apache Otava's own analysis finds in one metric column of a CSV table of runs.

usage: OTAVA_HOME=/path/to/otava otava_changepoints.py FILE.csv METRIC [WINDOW] [MAX_P]

Otava is not part of Perfdesk: clone apache/otava and point OTAVA_HOME at it (it needs numpy and scipy). Prints one
line per change point: the 0-based index of the first point of the new regime and the relative change of the means.
"""
import csv
import os
import sys

sys.path.insert(0, os.environ["OTAVA_HOME"])
from otava.analysis import compute_change_points  # noqa: E402

path, metric = sys.argv[1], sys.argv[2]
window = int(sys.argv[3]) if len(sys.argv) > 3 else 50
max_p = float(sys.argv[4]) if len(sys.argv) > 4 else 0.001
with open(path) as f:
    values = [float(row[metric]) for row in csv.DictReader(f)]
points, _ = compute_change_points(values, window_len=window, max_pvalue=max_p)
for cp in points:
    print(cp.index, f"{cp.stats.forward_change_percent():+.2f}%", f"p={cp.stats.pvalue:.3g}")
