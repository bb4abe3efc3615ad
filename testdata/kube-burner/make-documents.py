#!/usr/bin/env python3
"""Writes kube-burner local-indexer measurement files (JSON arrays of documents) for Perfdesk's tests.

NO REAL KUBE-BURNER OUTPUT COULD BE RECORDED HERE: kube-burner needs a Kubernetes cluster, is not packaged for
Debian, npm or Maven Central, and no real output files were found in public repositories. These documents are
BUILT from the layout kube-burner documents and codes (kube-burner/kube-burner, Apache-2.0, commit bfb5794, read,
not copied): docs/measurements/index.md (the pod and service latency examples, whose numbers are reused here as
valid JSON with ints where the code has ints), docs/observability/indexing.md (the jobSummary example),
pkg/measurements/metrics/metrics.go (LatencyQuantiles: quantileName, uuid, P99, P95, P50, min, max, avg as int,
timestamp, metricName, jobName, metadata), pkg/measurements/pod_latency.go (podMetric), service_latency.go (ready
and ipAssigned as time.Duration, so nanoseconds) and pkg/burner/metadata.go (JobSummary). File names follow
test/test-k8s.bats: <measurement>-<job>.json and jobSummary.json.
Run: python3 make-documents.py (deterministic; writes next to itself).
"""
import json
import os
import random

UUID = "c4558ba8-1e29-4660-9b31-02b9f01c29bf"
JOB = "cluster-density-v2"
here = os.path.dirname(os.path.abspath(__file__))


def write(name, docs):
    with open(os.path.join(here, name), "w") as f:
        json.dump(docs, f, indent=2)
        f.write("\n")


def quantiles(name, p99, p95, p50, mn, mx, avg, ts, metric="podLatencyQuantilesMeasurement"):
    return {"quantileName": name, "uuid": UUID, "P99": p99, "P95": p95, "P50": p50, "min": mn, "max": mx,
            "avg": avg, "timestamp": ts, "metricName": metric, "jobName": JOB, "metadata": {}}


TS = "2023-11-19T00:42:26.663991359Z"
# baseline: the docs' Ready and PodScheduled numbers (avg as the int the code writes), the other conditions made up
write("podLatencyQuantilesMeasurement-cluster-density-v2.json", [
    quantiles("PodScheduled", 64, 8, 5, 2, 64, 5, TS),
    quantiles("PodReadyToStartContainers", 1510, 1320, 980, 410, 1620, 1003, TS),
    quantiles("Initialized", 1530, 1340, 1000, 420, 1650, 1021, TS),
    quantiles("ContainersReady", 3774, 3510, 2897, 1880, 3774, 2876, TS),
    quantiles("Ready", 3774, 3510, 2897, 1880, 3774, 2876, TS),
    quantiles("ContainersStarted", 2210, 2050, 1700, 950, 2290, 1688, TS),
])
# candidate: the same job after a change that slowed containers down by about a quarter
write("podLatencyQuantilesMeasurement-cluster-density-v2.candidate.json", [
    quantiles("PodScheduled", 66, 9, 5, 2, 66, 5, TS),
    quantiles("PodReadyToStartContainers", 1890, 1650, 1225, 515, 2025, 1254, TS),
    quantiles("Initialized", 1910, 1675, 1250, 525, 2060, 1276, TS),
    quantiles("ContainersReady", 4720, 4390, 3620, 2350, 4720, 3595, TS),
    quantiles("Ready", 4720, 4390, 3620, 2350, 4720, 3595, TS),
    quantiles("ContainersStarted", 2760, 2560, 2125, 1190, 2860, 2110, TS),
])
# service latency quantiles: the docs' example, in nanoseconds
write("svcLatencyQuantilesMeasurement-cluster-density-v2.json", [
    quantiles("Ready", 1867593282, 1856488440, 1723817691, 1003817691, 1868307027, 1722308938, TS,
              "svcLatencyQuantilesMeasurement"),
    quantiles("LoadBalancer", 1467593282, 1356488440, 1323817691, 1003817691, 2168307027, 1822308938, TS,
              "svcLatencyQuantilesMeasurement"),
])
# per-pod documents: 24 pods of the job
rnd = random.Random(7)
pods = []
for i in range(24):
    sched = rnd.randint(2, 12)
    init = sched + rnd.randint(10, 40)
    started = init + rnd.randint(900, 1900)
    ready = started + rnd.randint(100, 1200)
    pods.append({"timestamp": f"2023-11-19T00:41:{10 + i:02d}.598727718Z", "schedulingLatency": sched,
                 "initializedLatency": init, "containersReadyLatency": ready, "podReadyLatency": ready,
                 "readyToStartContainersLatency": init - 5, "containersStartedLatency": started,
                 "metricName": "podLatencyMeasurement", "uuid": UUID, "jobName": JOB, "jobIteration": i // 4,
                 "replica": i % 4, "namespace": f"cluster-density-v2-{i // 4}", "podName": f"client-{i}",
                 "nodeName": f"worker-00{i % 3}"})
write("podLatencyMeasurement-cluster-density-v2.json", pods)
# the job summary: the docs' example, with metadata merged in as --user-metadata does
write("jobSummary.json", [{
    "timestamp": "2023-08-29T00:17:27.942960538Z", "endTimestamp": "2023-08-29T00:18:15.817272025Z",
    "churnStartTimestamp": "2023-08-29T00:17:45.000000000Z", "churnEndTimestamp": "2023-08-29T00:18:00.000000000Z",
    "elapsedTime": 48.0, "uuid": "83bfcb20-54f1-43f4-b2ad-ad04c2f4fd16", "metricName": "jobSummary",
    "version": "v1.10.0@4c9c3f43db83", "passed": True, "executionErrors": "",
    "jobConfig": {"jobIterations": 1, "name": "cluster-density-v2", "jobType": "create", "qps": 20, "burst": 20,
                  "namespace": "cluster-density-v2", "maxWaitTimeout": 14400000000000, "waitForDeletion": True,
                  "cleanup": True, "namespacedIterations": True, "iterationsPerNamespace": 1,
                  "churnPercent": 10, "churnDuration": 3600000000000, "churnDelay": 120000000000},
    "k8sVersion": "v1.28.3", "totalNodes": 6, "platform": "kind"}])
