#!/usr/bin/env python3
"""Writes SPEC CPU 2017 result files (.csv and .txt of a runcpu report) for two made-up systems.

No real SPEC CPU 2017 run is possible here (the suite is licensed and not installed) and no published result file
could be copied into this repository, so these files are BUILT from the published layout: the field names of
www.spec.org/cpu2017/Docs/result-fields.html, the CSV tables ("Full Results Table", "Selected Results Table",
Benchmark,"Base # Copies","Base Run Time","Base Rate","Base Selected","Base Status",... as public parsers of real
files quote them) and SPEC's rules: ratio = copies * reference time / run time (SPECrate; SPECspeed has no copies
factor), the selected iteration is the median run time of three (the slower of two), and the metric is the
geometric mean of the selected ratios. The .txt prints times and ratios to 3 significant digits as SPEC's text
reports do, marks the selected iteration with '*', and repeats the selected rows after a '=' rule.
Run: python3 make-results.py  (deterministic; writes next to itself)
"""
import math
import os
import random

REF = [("500.perlbench_r", 1592), ("502.gcc_r", 1416), ("505.mcf_r", 1616), ("520.omnetpp_r", 1312),
       ("523.xalancbmk_r", 1056), ("525.x264_r", 1751), ("531.deepsjeng_r", 1145), ("541.leela_r", 1655),
       ("548.exchange2_r", 2619), ("557.xz_r", 1076)]

HEADER = ('Benchmark,"Base # Copies","Base Run Time","Base Rate","Base Selected","Base Status",'
          '"Peak # Copies","Peak Run Time","Peak Rate","Peak Selected","Peak Status",Description')


def sig3(v):
    """SPEC's text reports: 3 significant digits."""
    if v == 0:
        return "0"
    digits = 3 - int(math.floor(math.log10(abs(v)))) - 1
    digits = max(digits, 0)
    return f"{round(v, digits):.{digits}f}"


def selected(times):
    order = sorted(range(len(times)), key=lambda i: times[i])
    return order[len(times) // 2] if len(times) == 3 else order[-1]


def runs(seed, copies, iterations, speed, peak):
    rnd = random.Random(seed)
    out = []
    for name, ref in REF:
        base_t = [ref / speed * rnd.uniform(0.97, 1.03) * copies / 2 for _ in range(iterations)]
        peak_t = [t * rnd.uniform(0.90, 0.99) for t in base_t] if peak else None
        out.append((name, ref, base_t, peak_t))
    return out


def write(stem, system, copies, iterations, speed, peak, seed):
    rows = runs(seed, copies, iterations, speed, peak)
    ratio = lambda ref, t: copies * ref / t
    metrics = {}
    for tune in ("base", "peak"):
        if tune == "peak" and not peak:
            continue
        sel = []
        for name, ref, bt, pt in rows:
            t = bt if tune == "base" else pt
            sel.append(ratio(ref, t[selected(t)]))
        metrics[tune] = math.exp(sum(math.log(r) for r in sel) / len(sel))
    lines = ["valid,1", "basepeak,0", '"SPEC CPU(R)2017 Integer Rate Result"', '"Copyright 2017-2026 Standard '
             'Performance Evaluation Corporation"', '"' + system["Hardware Vendor"] + '","' + system["Model"] + '"',
             '"Test Sponsor","' + system["Test Sponsor"] + '"', '"Test Date","' + system["Test Date"] + '"',
             '"CPU2017 License",' + system["CPU2017 License"], "", '"Full Results Table"', "", HEADER]
    for name, ref, bt, pt in rows:
        sb = selected(bt)
        sp = selected(pt) if pt else None
        for i in range(iterations):
            base = f"{copies},{bt[i]:.6f},{ratio(ref, bt[i]):.6f},{1 if i == sb else 0},S"
            pk = f"{copies},{pt[i]:.6f},{ratio(ref, pt[i]):.6f},{1 if i == sp else 0},S" if pt else ",,,,NR"
            lines.append(f'{name},{base},{pk},"refrate(ref) iteration #{i + 1}"')
    lines += ["", '"Selected Results Table"', "", HEADER]
    for name, ref, bt, pt in rows:
        sb = selected(bt)
        base = f"{copies},{bt[sb]:.6f},{ratio(ref, bt[sb]):.6f},1,S"
        if pt:
            sp = selected(pt)
            pk = f"{copies},{pt[sp]:.6f},{ratio(ref, pt[sp]):.6f},1,S"
            desc = f"SelectedIteration (base #{sb + 1}; peak #{sp + 1})"
        else:
            pk, desc = ",,,,NR", f"SelectedIteration (base #{sb + 1}; peak NR)"
        lines.append(f'{name},{base},{pk},"{desc}"')
    lines.append("")
    lines.append(f"SPECrate2017_int_base,{metrics['base']:.6f}")
    lines.append(f"SPECrate2017_int_peak,{metrics['peak']:.6f}" if peak else
                 'SPECrate2017_int_peak,"Not Run"')
    lines.append("")
    for key in ("CPU Name", "Max MHz", "Nominal", "Enabled", "Orderable", "Cache L1", "L2", "L3", "Memory",
                "Storage", "OS", "Compiler", "Parallel", "Firmware", "File System", "System State",
                "Base Pointers", "Peak Pointers"):
        value = system[key]
        parts = value.split("\n")
        lines.append(f'"{key}","{parts[0]}"')
        for more in parts[1:]:
            lines.append(f',"{more}"')
    lines += ['"Hardware Availability","' + system["Hardware Availability"] + '"',
              '"Software Availability","' + system["Software Availability"] + '"', "",
              '"Base Compiler Invocation"', '"C benchmarks"', "gcc", "", '"Base Optimization Flags"',
              '"C benchmarks"', "-O3 -march=native", "", '"Tested with SPEC CPU(R)2017",v1.1.9', ""]
    with open(stem + ".csv", "w") as f:
        f.write("\n".join(lines))
    # the text report
    t = []
    t.append(" " * 25 + "SPEC CPU(R)2017 Integer Rate Result")
    t.append(" " * 15 + "Copyright 2017-2026 Standard Performance Evaluation Corporation")
    t.append("")
    t.append(f"{system['Hardware Vendor']}")
    t.append(f"{system['Model']}")
    base_txt = sig3(metrics["base"])
    peak_txt = sig3(metrics["peak"]) if peak else "Not Run"
    t.append(f"{'SPECrate(R)2017_int_base = ' + base_txt:>79}")
    t.append(f"{'SPECrate(R)2017_int_peak = ' + peak_txt:>79}")
    t.append(f"CPU2017 License: {system['CPU2017 License']:<38}Test date: {system['Test Date']}")
    t.append(f"Test sponsor: {system['Test Sponsor']:<38}Hardware availability: {system['Hardware Availability']}")
    t.append(f"Tested by:    {system['Test Sponsor']:<38}Software availability: {system['Software Availability']}")
    t.append("")
    t.append("                       Base     Base       Base        Peak     Peak       Peak")
    t.append("Benchmarks            Copies  Run Time     Rate        Copies  Run Time     Rate")
    t.append("---------------       ------  ---------  ---------    ------  ---------  ---------")

    def row(name, ref, bt, pt, i, mark_all):
        sb = selected(bt)
        b = f"{copies:>6}  {sig3(bt[i]):>9}  {sig3(ratio(ref, bt[i])):>9} {'*' if (i == sb) else 'S'}"
        if pt:
            sp = selected(pt)
            p = f"{copies:>6}  {sig3(pt[i]):>9}  {sig3(ratio(ref, pt[i])):>9} {'*' if (i == sp) else 'S'}"
        else:
            p = ""
        return f"{name:<21} {b}   {p}".rstrip()
    for name, ref, bt, pt in rows:
        for i in range(iterations):
            t.append(row(name, ref, bt, pt, i, False))
    t.append("=" * 84)
    for name, ref, bt, pt in rows:
        sb = selected(bt)
        b = f"{copies:>6}  {sig3(bt[sb]):>9}  {sig3(ratio(ref, bt[sb])):>9} *"
        p = ""
        if pt:
            sp = selected(pt)
            p = f"{copies:>6}  {sig3(pt[sp]):>9}  {sig3(ratio(ref, pt[sp])):>9} *"
        t.append(f"{name:<21} {b}   {p}".rstrip())
    t.append(f" SPECrate(R)2017_int_base{base_txt:>32}")
    t.append(f" SPECrate(R)2017_int_peak{peak_txt:>67}" if peak else
             f" SPECrate(R)2017_int_peak{'Not Run':>67}")
    t.append("")
    t.append("Results appear in the order in which they were run. Bold underlined text indicates a median measurement.")
    t.append("")
    t.append(" " * 35 + "HARDWARE")
    t.append(" " * 35 + "--------")
    for key in ("CPU Name", "Max MHz", "Nominal", "Enabled", "Orderable", "Cache L1", "L2", "L3", "Memory",
                "Storage"):
        parts = system[key].split("\n")
        t.append(f"{key + ':':>21} {parts[0]}")
        for more in parts[1:]:
            t.append(f"{'':>21} {more}")
    t.append("")
    t.append(" " * 35 + "SOFTWARE")
    t.append(" " * 35 + "--------")
    for key in ("OS", "Compiler", "Parallel", "Firmware", "File System", "System State", "Base Pointers",
                "Peak Pointers"):
        parts = system[key].split("\n")
        t.append(f"{key + ':':>21} {parts[0]}")
        for more in parts[1:]:
            t.append(f"{'':>21} {more}")
    t.append("")
    t.append("    Tested with SPEC CPU(R)2017 v1.1.9.")
    t.append("")
    with open(stem + ".txt", "w") as f:
        f.write("\n".join(t))


COMMON = {"Test Sponsor": "Perfdesk (test data)", "CPU2017 License": "0",
          "Hardware Availability": "Nov-2026", "Software Availability": "Nov-2026", "Parallel": "No",
          "File System": "ext4", "System State": "Run level 3 (multi-user)", "Base Pointers": "64-bit",
          "Peak Pointers": "64-bit", "Orderable": "1 chip", "Storage": "1 x 100 GB SSD",
          "Compiler": "C/C++: Version 12.2.0 of GCC, the\nGNU Compiler Collection"}
A = dict(COMMON, **{"Hardware Vendor": "Example Systems", "Model": "Model A (2 cores)", "Test Date": "Dec-2026",
                    "CPU Name": "AMD EPYC (example)", "Max MHz": "3500", "Nominal": "2450", "Enabled":
                    "2 cores, 1 chip", "Cache L1": "32 KB I + 32 KB D on chip per core", "L2": "512 KB I+D on "
                    "chip per core", "L3": "32 MB I+D on chip per chip", "Memory": "8 GB (1 x 8 GB 1Rx8 "
                    "PC4-3200AA-R)", "OS": "Debian GNU/Linux 12 (bookworm)\nkernel 6.1.0", "Firmware": "SeaBIOS "
                    "1.16"})
B = dict(COMMON, **{"Hardware Vendor": "Example Systems", "Model": "Model B (4 cores)", "Test Date": "Dec-2026",
                    "CPU Name": "Intel Xeon (example)", "Max MHz": "3900", "Nominal": "2600", "Enabled":
                    "4 cores, 1 chip", "Cache L1": "48 KB I + 48 KB D on chip per core", "L2": "2 MB I+D on chip "
                    "per core", "L3": "54 MB I+D on chip per chip", "Memory": "16 GB (2 x 8 GB 1Rx8 "
                    "PC4-3200AA-R)", "OS": "Debian GNU/Linux 12 (bookworm)\nkernel 6.1.0", "Firmware": "SeaBIOS "
                    "1.16"})

here = os.path.dirname(os.path.abspath(__file__))
write(os.path.join(here, "CPU2017.001.intrate.refrate"), A, 2, 3, 1.0, True, 17)
write(os.path.join(here, "CPU2017.002.intrate.refrate"), B, 4, 2, 1.35, False, 23)
