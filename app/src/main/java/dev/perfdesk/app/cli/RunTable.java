package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.ReportedEstimate;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.store.StoredRun;

/**
 * A run's benchmark table as {@code perfdesk show rN} prints it: per benchmark its name, parameters, mode and
 * metric, then its {@link BenchmarkFigures} (the centre with its spread and what they are, the unit, n, and
 * p50/p90/p99), the same numbers the run table in the window shows. Text and JSON add the run's
 * {@link RelativeSpeed}: how much faster the reference (the fastest, or the one named) ran than each other benchmark
 * of its metric, unit and direction, as hyperfine's summary says it.
 */
final class RunTable {
    /** The output formats. */
    enum Format { text, json, csv, markdown, html }

    static final String[] COLUMNS = {"benchmark", "params", "mode", "metric", "value", "spread", "spread_kind",
        "unit", "n", "p50", "p90", "p99", "status"};

    /** One row of the table. */
    record Row(String benchmark, String params, String mode, String metric, double value, double spread,
               String spreadKind, String unit, long n, double p50, double p90, double p99, String status) {
    }

    private RunTable() {
    }

    static List<Row> rows(BenchmarkRun run) {
        List<Row> rows = new ArrayList<>();
        for (Benchmark b : run.benchmarks()) {
            BenchmarkFigures f = b.figures();
            double[] ps = f.tablePercentiles();
            String status = b.status() == BenchmarkStatus.OK ? "ok"
                    : b.status().name().toLowerCase(Locale.ROOT) + (b.statusMessage().isEmpty() ? ""
                    : ": " + b.statusMessage());
            rows.add(new Row(b.name(), b.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")), b.mode(), b.metric(), f.centre(), f.spread(),
                    f.description(), b.unit(), f.n(), ps[0], ps[1], ps[2], status));
        }
        return rows;
    }

    /** Up to 6 significant digits, without an exponent; empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static void print(StoredRun stored, BenchmarkRun run, Format format, PrintWriter out) {
        print(stored, run, format, null, out);
    }

    /**
     * Prints the table; text and JSON then give the relative speeds against {@code reference} (a benchmark's name,
     * or null for the fastest).
     *
     * @throws IllegalArgumentException when no benchmark, or several, have the reference name
     */
    static void print(StoredRun stored, BenchmarkRun run, Format format, String reference, PrintWriter out) {
        if (format == Format.markdown || format == Format.html) {
            throw new IllegalArgumentException("a run's table is written as text, json or csv; markdown and html are "
                    + "for c2c reports (perfdesk compare writes comparison reports in them)");
        }
        List<Row> rows = rows(run);
        RelativeSpeed speed = format == Format.csv || !RelativeSpeed.comparesAlternatives(run) && reference == null
                ? null : RelativeSpeed.of(run.benchmarks(), reference);
        switch (format) {
            case json:
                json(stored, run, rows, speed, out);
                break;
            case csv:
                out.println(String.join(",", COLUMNS));
                for (Row r : rows) {
                    out.println(String.join(",", csv(r.benchmark()), csv(r.params()), csv(r.mode()), csv(r.metric()),
                            number(r.value()), number(r.spread()), csv(r.spreadKind()), csv(r.unit()),
                            r.n() < 0 ? "" : Long.toString(r.n()), number(r.p50()), number(r.p90()), number(r.p99()),
                            csv(r.status())));
                }
                break;
            default:
                text(stored, run, rows, out);
                reported(run, out);
                relativeSpeed(speed, out);
                break;
        }
        out.flush();
    }

    private static void text(StoredRun stored, BenchmarkRun run, List<Row> rows, PrintWriter out) {
        out.println("Run " + ItemId.ofRun(stored.id()) + ": " + TerminalText.escape(stored.name()));
        row(out, "tool", run.tool());
        row(out, "format", run.format());
        row(out, "source", stored.sourcePath());
        row(out, "imported", ListCommand.WHEN.format(stored.importedAt()));
        if (run.startTime() != null) {
            row(out, "started", DateTimeFormatter.ISO_INSTANT.format(run.startTime()));
        }
        row(out, "label", run.label());
        row(out, "commit", run.commit());
        if (!run.labels().isEmpty()) {
            out.println("Test configuration (labels):");
            for (Map.Entry<String, String> e : run.labels().entrySet()) {
                row(out, e.getKey(), e.getValue());
            }
            out.println("Environment:");
        }
        for (Map.Entry<String, String> e : run.environment().entrySet()) {
            row(out, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : run.tags().entrySet()) {
            row(out, e.getKey(), e.getValue());
        }
        out.println();
        String[] header = {"BENCHMARK", "PARAMS", "MODE", "METRIC", "VALUE", "± SPREAD", "UNIT", "N", "P50", "P90",
            "P99", "STATUS"};
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : rows) {
            String spread = Double.isNaN(r.spread()) ? (r.spreadKind().isEmpty() ? "" : "(" + r.spreadKind() + ")")
                    : (r.spreadKind().endsWith("IQR") ? "IQR " : "± ") + number(r.spread()) + " ("
                    + r.spreadKind() + ")";
            cells.add(new String[] {TerminalText.escape(r.benchmark()), TerminalText.escape(r.params()),
                TerminalText.escape(r.mode()), TerminalText.escape(r.metric()), dash(number(r.value())), spread,
                TerminalText.escape(r.unit()), r.n() < 0 ? "-" : Long.toString(r.n()), dash(number(r.p50())),
                dash(number(r.p90())), dash(number(r.p99())), TerminalText.escape(r.status())});
        }
        int[] widths = new int[header.length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                widths[i] = Math.max(widths[i], c[i].length());
            }
        }
        for (String[] c : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                boolean right = i >= 4 && i <= 10 && i != 5 && i != 6;
                String cell = c[i];
                String pad = " ".repeat(widths[i] - cell.length());
                sb.append(right ? pad + cell : cell + pad).append(i == c.length - 1 ? "" : "  ");
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /**
     * The estimates and changes the tool itself reported (Criterion.rs's bootstrap mean, median and slope, and its
     * change against its saved baseline), beside the figures of the table, which Perfdesk computed.
     */
    private static void reported(BenchmarkRun run, PrintWriter out) {
        boolean header = false;
        for (Benchmark b : run.benchmarks()) {
            List<ReportedEstimate> estimates = ReportedEstimate.of(b);
            if (estimates.isEmpty()) {
                continue;
            }
            if (!header) {
                out.println();
                String level = b.attributes().get(ReportedEstimate.CONFIDENCE);
                out.println("Reported by " + TerminalText.escape(run.tool()) + " itself (point [lower upper]"
                        + (level == null ? "" : ", " + level(level) + " confidence") + "; not used for the figures "
                        + "above):");
                header = true;
            }
            String own = estimates.stream().filter(e -> !e.change()).map(e -> e.describe(b.unit()))
                    .collect(java.util.stream.Collectors.joining(", "));
            String change = estimates.stream().filter(ReportedEstimate::change).map(e -> e.describe(b.unit()))
                    .collect(java.util.stream.Collectors.joining(", "));
            out.println("  " + TerminalText.escape(b.displayName()) + ": " + own);
            if (!change.isEmpty()) {
                out.println("    change against " + TerminalText.escape(b.attributes().getOrDefault(
                        ReportedEstimate.CHANGE_AGAINST, "its own baseline")) + ": " + change);
            }
        }
    }

    private static String level(String fraction) {
        try {
            return new BigDecimal(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        } catch (NumberFormatException e) {
            return fraction;
        }
    }

    private static void relativeSpeed(RelativeSpeed speed, PrintWriter out) {
        if (speed == null || speed.isEmpty()) {
            return;
        }
        out.println();
        out.println("Relative speed (" + RelativeSpeed.BASIS + "):");
        for (String sentence : speed.sentences()) {
            out.println("  " + sentence);
        }
        List<String> skipped = speed.notComparedSummary();
        if (!skipped.isEmpty()) {
            String mode = speed.reference().benchmark().mode();
            out.println("  Not compared, as only benchmarks of one metric, mode, unit and direction are ("
                    + speed.reference().benchmark().metric() + ", " + (mode.isEmpty() ? "" : mode + ", ")
                    + DisplayUnits.label(speed.unit()) + ", "
                    + (speed.lowerIsBetter() ? "lower" : "higher") + " is better):");
            for (String line : skipped) {
                out.println("    " + line);
            }
        }
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf(Locale.ROOT, "  %-22s %s%n", TerminalText.escape(key), TerminalText.escape(value));
        }
    }

    private static String csv(String s) {
        return TerminalText.csvCell(s);
    }

    private static void json(StoredRun stored, BenchmarkRun run, List<Row> rows, RelativeSpeed speed,
                             PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("id", ItemId.ofRun(stored.id()));
            g.writeStringField("name", stored.name());
            g.writeStringField("tool", run.tool());
            g.writeStringField("format", run.format());
            g.writeStringField("started", run.startTime() == null ? null : run.startTime().toString());
            g.writeStringField("label", run.label());
            g.writeStringField("commit", run.commit());
            g.writeObjectFieldStart("labels");
            for (Map.Entry<String, String> e : run.labels().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("environment");
            for (Map.Entry<String, String> e : run.environment().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("tags");
            for (Map.Entry<String, String> e : run.tags().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("benchmarks");
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                Benchmark b = run.benchmarks().get(i);
                g.writeStartObject();
                g.writeStringField("benchmark", r.benchmark());
                g.writeObjectFieldStart("params");
                for (Map.Entry<String, String> e : b.params().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeStringField("mode", r.mode());
                g.writeStringField("metric", r.metric());
                number(g, "value", r.value());
                number(g, "spread", r.spread());
                g.writeStringField("spread_kind", r.spreadKind());
                g.writeStringField("unit", r.unit());
                g.writeBooleanField("lower_is_better", b.lowerIsBetter());
                if (r.n() >= 0) {
                    g.writeNumberField("n", r.n());
                } else {
                    g.writeNullField("n");
                }
                number(g, "p50", r.p50());
                number(g, "p90", r.p90());
                number(g, "p99", r.p99());
                g.writeStringField("status", b.status().name().toLowerCase(Locale.ROOT));
                g.writeStringField("status_message", b.statusMessage());
                List<ReportedEstimate> reported = ReportedEstimate.of(b);
                if (!reported.isEmpty()) {
                    // what the tool itself reported (Criterion's estimates and change), beside Perfdesk's figures
                    g.writeArrayFieldStart("reported");
                    for (ReportedEstimate e : reported) {
                        g.writeStartObject();
                        g.writeStringField("name", e.name());
                        g.writeBooleanField("change", e.change());
                        number(g, "point", e.point());
                        number(g, "lower", e.lower());
                        number(g, "upper", e.upper());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            relativeSpeed(g, speed);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void relativeSpeed(JsonGenerator g, RelativeSpeed speed) throws java.io.IOException {
        if (speed == null || speed.reference() == null) {
            g.writeNullField("relative_speed");
            return;
        }
        g.writeObjectFieldStart("relative_speed");
        g.writeStringField("basis", RelativeSpeed.BASIS);
        g.writeStringField("reference", speed.reference().name());
        g.writeStringField("metric", speed.reference().benchmark().metric());
        g.writeStringField("unit", speed.unit());
        g.writeBooleanField("lower_is_better", speed.lowerIsBetter());
        g.writeArrayFieldStart("compared");
        for (RelativeSpeed.Entry e : speed.entries()) {
            g.writeStartObject();
            g.writeStringField("benchmark", e.name());
            g.writeStringField("relation", e.relation().name().toLowerCase(Locale.ROOT));
            number(g, "mean", e.mean());
            number(g, "stddev", e.stddev());
            number(g, "ratio", e.ratio());
            number(g, "ratio_stddev", e.ratioStddev());
            if (e.relation() != RelativeSpeed.Relation.REFERENCE) {
                g.writeStringField("sentence", speed.sentence(e));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("not_compared");
        for (RelativeSpeed.Excluded x : speed.notCompared()) {
            g.writeStartObject();
            g.writeStringField("benchmark", x.benchmark().key().toString());
            g.writeStringField("reason", x.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, double v) throws java.io.IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }
}
