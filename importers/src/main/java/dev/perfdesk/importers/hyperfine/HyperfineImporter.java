package dev.perfdesk.importers.hyperfine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads hyperfine's {@code --export-json} file: one benchmark per command, with every run's wall-clock time in
 * seconds as raw samples, the statistics hyperfine computed (mean, stddev, median, user, system, min, max), the
 * parameters of a {@code --parameter-scan} or {@code --parameter-list}, and the exit codes.
 */
public final class HyperfineImporter implements Importer {
    public static final String FORMAT = "hyperfine-json";
    private static final String[] STATISTICS = {"mean", "stddev", "median", "user", "system", "min", "max"};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "hyperfine JSON (--export-json)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 3);
        if (!shape.isJson() || shape.rootIsArray() || !shape.has("/results")) {
            return 0;
        }
        if (shape.has("/results/[]/command") && (shape.has("/results/[]/times") || shape.has("/results/[]/mean"))) {
            return 90;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, "a hyperfine JSON file");
        monitor.checkCancelled();
        if (!doc.root().isObject()) {
            throw doc.error("", "expected a hyperfine JSON object with 'results', found "
                    + JsonDocument.describe(doc.root()));
        }
        JsonNode results = doc.array("/results", "an array 'results' of hyperfine benchmark results");
        if (results.isEmpty()) {
            throw doc.error("/results", "the 'results' array is empty: there are no benchmarks");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            benchmarks.add(benchmark(doc, "/results/" + i));
        }
        BenchmarkRun run = new BenchmarkRun(source.fileName(), "hyperfine", FORMAT, null, Map.of(), "", "", Map.of(),
                benchmarks);
        sink.addRun(run);
    }

    static Benchmark benchmark(JsonDocument doc, String at) throws ImportException {
        doc.object(at, "a benchmark result object");
        String command = doc.text(at + "/command");
        Benchmark.Builder b = Benchmark.builder(command).unit("s").lowerIsBetter(true);
        JsonNode params = doc.root().at(at + "/parameters");
        if (params.isObject()) {
            b.params(JsonDocument.strings(params));
        }
        JsonNode times = doc.root().at(at + "/times");
        if (!times.isMissingNode() && !times.isNull()) {
            doc.array(at + "/times", "an array 'times' of run times in seconds");
            if (times.isEmpty()) {
                throw doc.error(at + "/times", "the 'times' array is empty; hyperfine writes one time per run");
            }
            double[] samples = new double[times.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = doc.nonNegative(at + "/times/" + i);
            }
            b.samples(samples);
        }
        JsonNode mean = doc.root().at(at + "/mean");
        if (mean.isNull()) {
            throw doc.error(at + "/mean", "expected the mean run time in seconds, found "
                    + JsonDocument.describe(mean) + "; hyperfine writes it for every command");
        }
        for (String stat : STATISTICS) {
            JsonNode n = doc.root().at(at + "/" + stat);
            if (n.isMissingNode() || n.isNull()) {
                continue;
            }
            b.statistic(stat, doc.nonNegative(at + "/" + stat));
        }
        JsonNode codes = doc.root().at(at + "/exit_codes");
        if (!codes.isMissingNode() && !codes.isNull() && !codes.isArray()) {
            throw doc.error(at + "/exit_codes", "expected an array of exit codes, one per run, found "
                    + JsonDocument.describe(codes));
        }
        if (codes.isArray()) {
            int failed = 0;
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < codes.size(); i++) {
                JsonNode c = codes.get(i);
                all.append(i == 0 ? "" : " ").append(c.isNull() ? "signal" : c.asText());
                if (c.isNull() || c.asInt() != 0) {
                    failed++;
                }
            }
            b.attribute("exit codes", all.toString());
            if (failed > 0) {
                b.status(BenchmarkStatus.FAILED, failed + " of " + codes.size() + " runs exited with a non-zero code");
            }
        }
        return b.build();
    }
}
