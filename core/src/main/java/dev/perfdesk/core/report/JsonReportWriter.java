package dev.perfdesk.core.report;

import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.stats.BenchmarkKey;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.Estimate;

/**
 * A comparison as JSON for tools: both runs' metadata, the thresholds, the overall verdict with its reasons, and per
 * benchmark both centres with their intervals, the change, p-value, test, verdict and warnings; then latency
 * percentiles with targets, resources and the unmatched benchmarks. Numbers are plain (fractions, not percent);
 * values JSON cannot hold (NaN, infinite bounds) are {@code null}. Written by hand, as core has no JSON library.
 */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public String write(RunComparison c) {
        return write(c, List.of());
    }

    @Override
    public String write(RunComparison c, List<ProfileComparison> profiles) {
        JsonOut j = new JsonOut().beginObject();
        j.field("kind", "run-comparison");
        List<ReportContent.RunSpeeds> speeds = ReportContent.relativeSpeeds(c);
        run(j.name("baseline"), c.baselineTitle(), c.baseline(), speeds.get(0));
        run(j.name("candidate"), c.candidateTitle(), c.candidate(), speeds.get(1));
        j.name("options").beginObject()
                .field("alpha", c.options().alpha())
                .field("noiseThreshold", c.options().noiseThreshold())
                .field("confidence", c.options().confidence())
                .field("mannWhitneyMode", c.options().mannWhitneyMode().name()).endObject();
        j.name("targets").beginArray();
        for (LatencyTarget t : c.targets()) {
            j.beginObject().field("benchmark", t.benchmark()).field("percentile", t.percentile())
                    .field("value", t.value()).field("unit", t.unit()).endObject();
        }
        j.endArray();
        j.field("verdict", c.verdict().verdict().label());
        strings(j, "failures", c.verdict().failures());
        strings(j, "warnings", c.verdict().warnings());
        List<UnitGeomean> geomeans = c.geomeans();
        // one figure only where every ratio points the same way; by unit and direction otherwise
        j.field("geometricMean", geomeans.size() == 1 ? geomeans.get(0).ratio() : Double.NaN);
        j.name("geometricMeans").beginArray();
        for (UnitGeomean g : geomeans) {
            j.beginObject().field("unit", g.unit()).field("lowerIsBetter", g.lowerIsBetter())
                    .field("count", g.count()).field("ratio", g.ratio()).endObject();
        }
        j.endArray();
        j.field("geomeanSpeedup", c.geomeanSpeedup());
        j.field("allMetrics", c.options().allMetrics());
        j.name("geometricMeanByUnit").beginObject();
        c.report().geometricMeanByUnit().forEach(j::field);
        j.endObject();
        j.name("benchmarks").beginArray();
        for (BenchmarkComparison b : c.benchmarksInReportOrder()) {
            Comparison k = b.comparison();
            j.beginObject();
            key(j, b.key());
            j.field("unit", b.unit()).field("lowerIsBetter", b.lowerIsBetter())
                    .field("metric", b.baseline().metric())
                    .field("counted", c.options().allMetrics() || Benchmark.PRIMARY.equals(b.baseline().metric()));
            estimate(j.name("baseline"), k.baseline());
            estimate(j.name("candidate"), k.candidate());
            j.field("change", k.change()).field("pValue", k.pValue()).field("test", k.test().name())
                    .field("verdict", k.verdict().name());
            strings(j, "warnings", k.warnings());
            j.endObject();
        }
        j.endArray();
        j.name("latency").beginArray();
        for (LatencyRow r : c.latency()) {
            j.beginObject();
            key(j, r.key());
            j.field("unit", r.unit()).field("baselineCount", r.baselineCount())
                    .field("candidateCount", r.candidateCount());
            j.name("percentiles").beginArray();
            for (PercentileChange p : r.percentiles()) {
                j.beginObject().field("percentile", p.percentile()).field("baseline", p.baseline())
                        .field("candidate", p.candidate()).field("change", p.change()).field("target", p.target())
                        .field("missesTarget", p.missesTarget()).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray();
        j.name("throughput").beginArray();
        for (BenchmarkComparison b : c.throughput()) {
            j.value(b.key().toString());
        }
        j.endArray();
        j.name("resources").beginArray();
        for (ResourceRow r : c.resources()) {
            j.beginObject();
            key(j, r.key());
            j.field("resource", r.resource()).field("unit", r.unit()).field("baseline", r.baseline())
                    .field("candidate", r.candidate()).field("change", r.change());
            j.name("verdict");
            if (r.verdict() == null) {
                j.nullValue();
            } else {
                j.value(r.verdict().name());
            }
            j.endObject();
        }
        j.endArray();
        keys(j, "onlyInBaseline", c.onlyInBaseline());
        keys(j, "onlyInCandidate", c.onlyInCandidate());
        strings(j, "notCompared", c.notCompared());
        j.name("noteGroups").beginArray();
        for (NoteGroup g : c.noteGroups()) {
            j.beginObject().field("kind", g.kind()).field("title", g.title());
            strings(j, "items", g.items());
            j.endObject();
        }
        j.endArray();
        if (!profiles.isEmpty()) {
            j.name("profiles").beginArray();
            for (ProfileComparison p : profiles) {
                profileFields(j.beginObject(), p);
                j.endObject();
            }
            j.endArray();
        }
        return j.endObject().toString();
    }

    @Override
    public String write(ProfileComparison p) {
        JsonOut j = new JsonOut().beginObject();
        j.field("kind", "profile-comparison");
        profileFields(j, p);
        return j.endObject().toString();
    }

    private static void profileFields(JsonOut j, ProfileComparison p) {
        j.field("baseline", p.baselineTitle()).field("candidate", p.candidateTitle());
        j.field("unit", p.unit().symbol()).field("normalized", p.diff().isNormalized());
        j.field("baselineTotal", p.baselineTotal()).field("candidateTotal", p.candidateTotal());
        j.name("functions").beginArray();
        for (FunctionDiff f : p.topFunctions()) {
            j.beginObject().field("name", f.name())
                    .field("baselineSelf", f.baselineSelf()).field("baselineTotal", f.baselineTotal())
                    .field("candidateSelf", f.candidateSelf()).field("candidateTotal", f.candidateTotal())
                    .field("change", f.change()).field("selfChange", f.selfChange())
                    .field("changePercent", f.changePercent()).endObject();
        }
        j.endArray();
    }

    private static void run(JsonOut j, String title, BenchmarkRun run, ReportContent.RunSpeeds speeds) {
        j.beginObject().field("title", title).field("name", run.name()).field("tool", run.tool())
                .field("format", run.format())
                .field("startTime", run.startTime() == null ? null
                        : DateTimeFormatter.ISO_INSTANT.format(run.startTime()))
                .field("label", run.label()).field("commit", run.commit())
                .field("benchmarkCount", run.benchmarks().size())
                .field("environment", run.environment()).field("tags", run.tags());
        if (!run.labels().isEmpty()) {
            j.field("labels", run.labels());
        }
        j.name("benchmarks").beginArray();
        for (Benchmark b : run.benchmarks()) {
            figures(j, b);
        }
        j.endArray();
        relativeSpeed(j, speeds);
        j.endObject();
    }

    /**
     * {@code relativeSpeed}: per group of comparable primary benchmarks (one mode, unit and direction), each
     * compared benchmark's ratio against the group's fastest, as {@link RelativeSpeed} computes and words it;
     * {@code inText} says whether the Markdown, HTML and text reports give the group (2 to 12 benchmarks) or leave
     * it out.
     */
    private static void relativeSpeed(JsonOut j, ReportContent.RunSpeeds speeds) {
        j.name("relativeSpeed").beginObject().field("basis", RelativeSpeed.BASIS);
        j.name("groups").beginArray();
        for (RelativeSpeed g : speeds.all()) {
            j.beginObject().field("mode", g.reference().benchmark().mode())
                    .field("metric", g.reference().benchmark().metric()).field("unit", g.unit())
                    .field("lowerIsBetter", g.lowerIsBetter()).field("reference", g.reference().name())
                    .field("count", g.entries().size()).field("inText", speeds.shown().contains(g));
            j.name("entries").beginArray();
            for (RelativeSpeed.Entry e : g.entries()) {
                j.beginObject().field("reference", g.reference().name()).field("name", e.name());
                key(j.name("key").beginObject(), e.benchmark().key());
                j.endObject().field("ratio", e.ratio()).field("ratioStddev", e.ratioStddev())
                        .field("relation", e.relation().name()).field("ratioText", RelativeSpeed.ratioText(e))
                        .field("sentence", e.relation() == RelativeSpeed.Relation.REFERENCE ? null
                                : g.sentence(e)).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
    }

    /** A benchmark's headline numbers, the ones the run table and {@code perfdesk show} print. */
    private static void figures(JsonOut j, Benchmark b) {
        BenchmarkFigures f = b.figures();
        double[] ps = f.tablePercentiles();
        j.beginObject();
        key(j, b.key());
        j.field("benchmark", b.name()).field("mode", b.mode()).field("metric", b.metric()).field("unit", b.unit())
                .field("lowerIsBetter", b.lowerIsBetter()).field("centre", f.centre())
                .field("centreKind", f.centreKind().label()).field("spread", f.spread())
                .field("spreadKind", f.spreadLabel()).field("description", f.description()).field("n", f.n());
        for (int i = 0; i < ps.length; i++) {
            j.field(Benchmark.percentileKey(BenchmarkFigures.TABLE_PERCENTILES[i]), ps[i]);
        }
        j.field("latencyDistribution", f.hasLatencyDistribution()).endObject();
    }

    private static void key(JsonOut j, BenchmarkKey key) {
        j.field("name", key.name()).field("params", new java.util.TreeMap<>(key.params()));
    }

    private static void estimate(JsonOut j, Estimate e) {
        j.beginObject().field("centre", e.centre()).field("lower", e.interval().lower())
                .field("upper", e.interval().upper()).field("confidence", e.interval().confidence())
                .field("n", e.n()).endObject();
    }

    private static void strings(JsonOut j, String name, List<String> values) {
        j.name(name).beginArray();
        values.forEach(j::value);
        j.endArray();
    }

    private static void keys(JsonOut j, String name, List<BenchmarkKey> keys) {
        j.name(name).beginArray();
        keys.forEach(k -> j.value(k.toString()));
        j.endArray();
    }
}
