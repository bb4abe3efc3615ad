package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Labels: what a label may be, what files record, what CI systems set, and which labels name one build. */
class RunLabelsTest {

    @Test
    void parsesKeyValueAndRefusesWhatIsNoLabel() {
        assertEquals(Map.of("platform", "aws-m6i", "build", "https://ci/1?a=b"),
                RunLabels.parse(List.of("platform=aws-m6i", "build=https://ci/1?a=b")));
        assertEquals(Map.of("branch", "dev"), RunLabels.parse(List.of("branch=main", "branch=dev")), "later wins");
        assertEquals(Map.of("note", ""), RunLabels.parse(List.of("note=")), "an empty value is a value");
        for (String bad : List.of("platform", "=x", "a b=c", "k".repeat(65) + "=v", "k=" + "v".repeat(1001),
                "k=a\tb")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunLabels.parse(List.of(bad)), bad);
            assertTrue(e.getMessage().length() < 200, e.getMessage());
        }
    }

    @Test
    void filesRecordTheirJvmPlatformAndCommit() {
        Benchmark a = Benchmark.builder("p").params(Map.of("size", "10", "kind", "a")).unit("ops/s")
                .samples(new double[] {1}).build();
        Benchmark b = Benchmark.builder("p").params(Map.of("size", "10", "kind", "b")).unit("ops/s")
                .samples(new double[] {1}).build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("jdkVersion", "21.0.4");
        env.put("vmName", "OpenJDK 64-Bit Server VM");
        env.put("jvmArgs", "-Xmx1g");
        BenchmarkRun jmh = new BenchmarkRun("r.json", "JMH", "jmh-json", null, env, "", "", Map.of(), List.of(a, b));
        assertEquals(Map.of("jdkVersion", "21.0.4", "vmName", "OpenJDK 64-Bit Server VM", "param.size", "10"),
                RunLabels.recorded(jmh), "params with one value in the run; not jvmArgs");

        BenchmarkRun go = new BenchmarkRun("go.txt", "go test", "go-bench", null,
                Map.of("goos", "linux", "goarch", "amd64", "pkg", "example.com/x", "cpu", "Xeon", "commit", "abc"),
                "", "abc", Map.of(), List.of());
        assertEquals(Map.of("goos", "linux", "goarch", "amd64", "pkg", "example.com/x", "cpu", "Xeon",
                "commit", "abc"), RunLabels.recorded(go));

        BenchmarkRun pytest = new BenchmarkRun("p.json", "pytest-benchmark", "pytest-benchmark-json", null,
                Map.of("node", "ci-7", "python_version", "3.11.2", "cpu.brand_raw", "Xeon"), "main", "5b78858e",
                Map.of("commit_info.dirty", "false"), List.of());
        assertEquals(Map.of("commit", "5b78858e", "branch", "main", "python_version", "3.11.2"),
                RunLabels.recorded(pytest), "not the runner's host name");

        BenchmarkRun gbench = new BenchmarkRun("g.json", "Google Benchmark", "gbench-json", null,
                Map.of("host_name", "ci-3", "num_cpus", "2", "date", "2024-01-01", "library_build_type", "release",
                        "mhz_per_cpu", "2494"), "", "", Map.of(), List.of());
        assertEquals(Map.of("num_cpus", "2", "library_build_type", "release"), RunLabels.recorded(gbench),
                "the date, host and measured clock differ between runs of one configuration");
    }

    @Test
    void k6TagsOnEveryPointAreLabelsButItsPerRequestTagsAreNot() {
        TimedPoints.Builder p = new TimedPoints.Builder();
        p.add(1, 10, Map.of("testid", "nightly", "status", "200", "url", "http://x/a"));
        p.add(2, 11, Map.of("testid", "nightly", "status", "200", "url", "http://x/b"));
        Benchmark b = Benchmark.builder("http_req_duration").unit("ms").samples(new double[] {10, 11})
                .points(p.build()).build();
        BenchmarkRun k6 = new BenchmarkRun("k6.json", "k6", "k6-ndjson", null, Map.of(), "", "", Map.of(),
                List.of(b));
        assertEquals(Map.of("testid", "nightly"), RunLabels.recorded(k6));
    }

    @Test
    void readsTheFourCiSystemsAndNothingElsewhere() {
        RunLabels.CiLabels gh = RunLabels.ci(Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", "abc123",
                "GITHUB_REF_NAME", "main", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
                "GITHUB_RUN_ID", "42", "GITHUB_JOB", "perf", "GITHUB_REF", "refs/heads/main"));
        assertEquals("github-actions", gh.system());
        assertEquals(Map.of("commit", "abc123", "branch", "main", "build", "https://github.com/o/r/actions/runs/42",
                "job", "perf"), gh.labels());
        RunLabels.CiLabels pr = RunLabels.ci(Map.of("GITHUB_ACTIONS", "true", "GITHUB_HEAD_REF", "feature",
                "GITHUB_REF_NAME", "7/merge", "GITHUB_REF", "refs/pull/7/merge"));
        assertEquals(Map.of("branch", "feature", "pr", "7"), pr.labels());

        RunLabels.CiLabels gl = RunLabels.ci(Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", "def",
                "CI_COMMIT_REF_NAME", "main", "CI_JOB_URL", "https://gitlab.com/o/r/-/jobs/9", "CI_JOB_NAME", "bench"));
        assertEquals(Map.of("commit", "def", "branch", "main", "build", "https://gitlab.com/o/r/-/jobs/9",
                "job", "bench"), gl.labels());

        RunLabels.CiLabels jenkins = RunLabels.ci(Map.of("JENKINS_URL", "https://j/", "GIT_COMMIT", "aaa",
                "GIT_BRANCH", "origin/main", "BUILD_URL", "https://j/job/perf/5/", "JOB_NAME", "perf"));
        assertEquals("jenkins", jenkins.system());
        assertEquals(Map.of("commit", "aaa", "branch", "main", "build", "https://j/job/perf/5/", "job", "perf"),
                jenkins.labels());

        RunLabels.CiLabels prow = RunLabels.ci(Map.of("PROW_JOB_ID", "x", "PULL_BASE_SHA", "bbb",
                "PULL_PULL_SHA", "ccc", "PULL_BASE_REF", "main", "BUILD_ID", "1234", "JOB_NAME", "pull-perf",
                "PULL_NUMBER", "12"));
        assertEquals(Map.of("commit", "ccc", "branch", "main", "build", "1234", "job", "pull-perf", "pr", "12"),
                prow.labels());

        assertNull(RunLabels.ci(Map.of("HOME", "/root", "GITHUB_ACTIONS", "false")));
    }

    @Test
    void theConfigurationLeavesOutWhatNamesOneBuild() {
        Map<String, String> labels = Map.of("platform", "aws-m6i", "branch", "main", "commit", "abc", "build",
                "https://ci/1", "pr", "7");
        assertEquals(Map.of("platform", "aws-m6i", "branch", "main"), RunLabels.configuration(labels, Set.of()));
        assertEquals(Map.of("platform", "aws-m6i"), RunLabels.configuration(labels, Set.of("branch")));
        assertTrue(RunLabels.matches(labels, Map.of("platform", "aws-m6i")));
        assertTrue(!RunLabels.matches(labels, Map.of("platform", "gcp-n2")));
    }
}
