package dev.perfdesk.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Labels of runs ({@code platform=aws-m6i}, {@code branch=main}): the rules for what a label may be, the labels a
 * file records about itself, the labels of the usual CI systems' environment variables, and which labels name one
 * build rather than a configuration.
 *
 * <pre>{@code
 * Map<String, String> labels = RunLabels.merge(RunLabels.recorded(run), RunLabels.parse(List.of("platform=aws-m6i")));
 * Map<String, String> configuration = RunLabels.configuration(labels, Set.of());   // without commit, build, ...
 * }</pre>
 */
public final class RunLabels {
    /** The longest label key. */
    public static final int MAX_KEY = 64;
    /** The longest label value. */
    public static final int MAX_VALUE = 1000;
    /**
     * Labels that name one build rather than a configuration: a run's series of the same configuration compares runs
     * that differ in these.
     */
    public static final Set<String> PER_BUILD = Set.of("commit", "build", "build_id", "pr", "date");

    /** k6's built-in tags: they describe one request, not the test run. */
    private static final Set<String> K6_SYSTEM_TAGS = Set.of("proto", "subproto", "status", "method", "url", "name",
            "group", "check", "error", "error_code", "tls_version", "scenario", "service", "expected_response", "vu",
            "iter", "ip", "ocsp_status");

    private RunLabels() {
    }

    /**
     * A label given as {@code key=value}.
     *
     * @throws IllegalArgumentException saying what is wrong: no {@code =}, an empty or too long key, a key with
     *                                  characters other than letters, digits and {@code . _ - /}, a too long value or
     *                                  one with control characters
     */
    public static Map.Entry<String, String> parseOne(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + text + "' is no label; write KEY=VALUE, such as platform=aws-m6i");
        }
        String key = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        check(key, value);
        return Map.entry(key, value);
    }

    /** Labels given as {@code key=value} each, in order; a later one of the same key wins. */
    public static Map<String, String> parse(List<String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : texts) {
            Map.Entry<String, String> e = parseOne(t);
            out.remove(e.getKey());
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Refuses a key or value that is not a label's, with the reason. */
    public static void check(String key, String value) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a label needs a key before '=', such as platform=aws-m6i");
        }
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException("the label key '" + key.substring(0, 20) + "…' is longer than "
                    + MAX_KEY + " characters");
        }
        if (!key.matches("[\\p{L}\\p{N}._/-]+")) {
            throw new IllegalArgumentException("the label key '" + key + "' may hold only letters, digits and "
                    + ". _ - /");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("the value of label " + key + " is longer than " + MAX_VALUE
                    + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the value of label " + key + " holds a control character");
        }
    }

    /** {@code base} with {@code over} on top: a key in both takes {@code over}'s value; first appearance order. */
    public static Map<String, String> merge(Map<String, String> base, Map<String, String> over) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(over);
        return out;
    }

    /**
     * The labels a file records about the run itself, as the importers keep it in the run's commit, label,
     * environment and tags: the commit; pytest-benchmark's branch and machine (machine, system, Python);
     * JMH's JVM ({@code jdkVersion}, {@code vmName}, {@code jmhVersion}) and the params that have one value in the
     * whole run ({@code param.size}); Google Benchmark's context (CPUs, CPU scaling, build type, library version);
     * Go's {@code goos}, {@code goarch}, {@code pkg} and {@code cpu} lines; wrk's threads, connections, duration and
     * URL; and k6's tags that every point of the run carries (the run's {@code --tag}s; not k6's own per-request
     * tags). Facts that differ between runs of one configuration (host names, executable paths, measured CPU
     * clocks, dates) stay in the environment: as labels they would split a CI job's history, whose runners come and
     * go. Values that are not labels (too long, control characters) are left out.
     */
    public static Map<String, String> recorded(BenchmarkRun run) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "commit", run.commit());
        Map<String, String> env = run.environment();
        switch (run.format()) {
            case "pytest-benchmark-json" -> {
                put(out, "branch", run.label());
                copy(out, env, "machine", "system", "python_implementation", "python_version");
            }
            case "jmh-json" -> {
                copy(out, env, "jdkVersion", "vmName", "jmhVersion");
                constantParams(run).forEach((k, v) -> put(out, "param." + k, v));
            }
            case "gbench-json" -> copy(out, env, "num_cpus", "cpu_scaling_enabled", "library_build_type",
                    "library_version");
            case "go-bench" -> copy(out, env, "goos", "goarch", "pkg", "cpu");
            case "wrk-latency" -> copy(out, run.tags(), "threads", "connections", "duration", "url");
            case "k6-ndjson", "k6-summary-json" -> constantTags(run).forEach((k, v) -> {
                if (!K6_SYSTEM_TAGS.contains(k)) {
                    put(out, k, v);
                }
            });
            default -> {
                // the other formats record nothing that is a configuration
            }
        }
        return out;
    }

    private static void copy(Map<String, String> out, Map<String, String> from, String... keys) {
        for (String k : keys) {
            put(out, k, from.get(k));
        }
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            check(key, value.strip());
            out.put(key, value.strip());
        } catch (IllegalArgumentException e) {
            // not a label: the fact stays in the run's environment
        }
    }

    /** Params that every benchmark of the run has, with one value. */
    private static Map<String, String> constantParams(BenchmarkRun run) {
        Map<String, String> out = null;
        for (Benchmark b : run.benchmarks()) {
            if (out == null) {
                out = new LinkedHashMap<>(b.params());
            } else {
                out.entrySet().removeIf(e -> !Objects.equals(b.params().get(e.getKey()), e.getValue()));
            }
        }
        return out == null ? Map.of() : out;
    }

    /** Tags that every point of every benchmark with points carries, with one value. */
    private static Map<String, String> constantTags(BenchmarkRun run) {
        Map<String, String> out = null;
        for (Benchmark b : run.benchmarks()) {
            TimedPoints points = b.points();
            if (points == null || points.size() == 0) {
                continue;
            }
            for (Map<String, String> set : points.tagSets()) {
                if (out == null) {
                    out = new LinkedHashMap<>(set);
                } else {
                    out.entrySet().removeIf(e -> !Objects.equals(set.get(e.getKey()), e.getValue()));
                }
            }
        }
        return out == null ? Map.of() : out;
    }

    /**
     * The run's configuration: its labels without those naming one build ({@link #PER_BUILD}) and without
     * {@code ignored}. Runs of one configuration make one series.
     */
    public static Map<String, String> configuration(Map<String, String> labels, Set<String> ignored) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.keySet().removeIf(k -> PER_BUILD.contains(k) || ignored.contains(k));
        return out;
    }

    /** Whether {@code labels} hold every label of {@code where} with its value. */
    public static boolean matches(Map<String, String> labels, Map<String, String> where) {
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!w.getValue().equals(labels.get(w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The CI system a job runs in and its labels.
     *
     * @param system the CI system: {@code github-actions}, {@code gitlab-ci}, {@code jenkins} or {@code prow}
     * @param labels commit, branch, build (a URL where the system gives one, else its build id), job and, for a
     *               pull or merge request, pr; only those the environment sets
     */
    public record CiLabels(String system, Map<String, String> labels) {
    }

    /**
     * The labels of the CI job whose environment variables are {@code env}, or null outside the four CI systems
     * recognised: GitHub Actions ({@code GITHUB_ACTIONS=true}), GitLab CI ({@code GITLAB_CI=true}), Prow
     * ({@code PROW_JOB_ID}) and Jenkins ({@code JENKINS_URL}). The variables read are listed in the README.
     */
    public static CiLabels ci(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            put(out, "commit", env.get("GITHUB_SHA"));
            String head = env.get("GITHUB_HEAD_REF");
            put(out, "branch", head != null && !head.isEmpty() ? head : env.get("GITHUB_REF_NAME"));
            String server = env.get("GITHUB_SERVER_URL");
            String repo = env.get("GITHUB_REPOSITORY");
            String runId = env.get("GITHUB_RUN_ID");
            if (server != null && repo != null && runId != null) {
                put(out, "build", server + "/" + repo + "/actions/runs/" + runId);
            }
            put(out, "job", env.get("GITHUB_JOB"));
            String ref = env.getOrDefault("GITHUB_REF", "");
            if (ref.matches("refs/pull/\\d+/merge")) {
                put(out, "pr", ref.split("/")[2]);
            }
            return new CiLabels("github-actions", out);
        }
        if ("true".equals(env.get("GITLAB_CI"))) {
            put(out, "commit", env.get("CI_COMMIT_SHA"));
            String source = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
            put(out, "branch", source != null && !source.isEmpty() ? source : env.get("CI_COMMIT_REF_NAME"));
            put(out, "build", env.get("CI_JOB_URL"));
            put(out, "job", env.get("CI_JOB_NAME"));
            put(out, "pr", env.get("CI_MERGE_REQUEST_IID"));
            return new CiLabels("gitlab-ci", out);
        }
        if (env.get("PROW_JOB_ID") != null) {
            String pull = env.get("PULL_PULL_SHA");
            put(out, "commit", pull != null && !pull.isEmpty() ? pull : env.get("PULL_BASE_SHA"));
            put(out, "branch", env.get("PULL_BASE_REF"));
            put(out, "build", env.get("BUILD_ID"));
            put(out, "job", env.get("JOB_NAME"));
            put(out, "pr", env.get("PULL_NUMBER"));
            return new CiLabels("prow", out);
        }
        if (env.get("JENKINS_URL") != null) {
            put(out, "commit", env.get("GIT_COMMIT"));
            List<String> branches = new ArrayList<>();
            for (String k : List.of("CHANGE_BRANCH", "BRANCH_NAME", "GIT_BRANCH")) {
                if (env.get(k) != null && !env.get(k).isEmpty()) {
                    branches.add(env.get(k));
                }
            }
            if (!branches.isEmpty()) {
                String b = branches.get(0);
                put(out, "branch", b.startsWith("origin/") ? b.substring("origin/".length()) : b);
            }
            put(out, "build", env.get("BUILD_URL"));
            put(out, "job", env.get("JOB_NAME"));
            put(out, "pr", env.get("CHANGE_ID"));
            return new CiLabels("jenkins", out);
        }
        return null;
    }
}
