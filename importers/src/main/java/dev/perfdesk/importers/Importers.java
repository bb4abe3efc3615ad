package dev.perfdesk.importers;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import dev.perfdesk.importers.c2c.C2cImporter;
import dev.perfdesk.importers.callgrind.CallgrindImporter;
import dev.perfdesk.importers.cpuprofile.CpuProfileImporter;
import dev.perfdesk.importers.folded.FoldedImporter;
import dev.perfdesk.importers.gatling.GatlingLogImporter;
import dev.perfdesk.importers.gatling.GatlingStatsImporter;
import dev.perfdesk.importers.criterion.CriterionImporter;
import dev.perfdesk.importers.gbench.GoogleBenchmarkImporter;
import dev.perfdesk.importers.ghz.GhzJsonImporter;
import dev.perfdesk.importers.ghz.GhzSummaryImporter;
import dev.perfdesk.importers.gobench.GoBenchImporter;
import dev.perfdesk.importers.gprof.GprofImporter;
import dev.perfdesk.importers.grpcbench.GrpcBenchImporter;
import dev.perfdesk.importers.hdr.HdrLogImporter;
import dev.perfdesk.importers.heaptrack.HeaptrackImporter;
import dev.perfdesk.importers.hyperfine.HyperfineImporter;
import dev.perfdesk.importers.jfr.JfrImporter;
import dev.perfdesk.importers.jmh.JmhJsonImporter;
import dev.perfdesk.importers.jtl.JtlCsvImporter;
import dev.perfdesk.importers.k6.K6JsonLinesImporter;
import dev.perfdesk.importers.k6.K6SummaryImporter;
import dev.perfdesk.importers.kubeburner.KubeBurnerImporter;
import dev.perfdesk.importers.locust.LocustImporter;
import dev.perfdesk.importers.massif.MassifImporter;
import dev.perfdesk.importers.locust.LocustJsonImporter;
import dev.perfdesk.importers.perf.PerfScriptImporter;
import dev.perfdesk.importers.pprof.PprofImporter;
import dev.perfdesk.importers.pytestbench.PytestBenchmarkImporter;
import dev.perfdesk.importers.series.SeriesCsvImporter;
import dev.perfdesk.importers.speccpu.SpecCsvImporter;
import dev.perfdesk.importers.speccpu.SpecTextImporter;
import dev.perfdesk.importers.speedscope.SpeedscopeImporter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.spi.UnknownFormatException;
import dev.perfdesk.importers.wrk.WrkLatencyImporter;

/** The importers Perfdesk knows, and detection of a file's format by its content. */
public final class Importers {
    /** How many leading bytes detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final List<Importer> ALL = List.of(new PerfScriptImporter(), new FoldedImporter(), new JfrImporter(),
            new PprofImporter(), new JmhJsonImporter(), new HyperfineImporter(), new GoogleBenchmarkImporter(),
            new K6SummaryImporter(), new K6JsonLinesImporter(), new PytestBenchmarkImporter(), new JtlCsvImporter(),
            new WrkLatencyImporter(), new HdrLogImporter(), new LocustImporter(), new SeriesCsvImporter(),
            new GoBenchImporter(), new CriterionImporter(), new CallgrindImporter(), new CpuProfileImporter(),
            new SpeedscopeImporter(), new MassifImporter(), new GprofImporter(),
            new GatlingLogImporter(), new GatlingStatsImporter(), new LocustJsonImporter(),
            new GhzJsonImporter(), new GhzSummaryImporter(), new SpecCsvImporter(), new SpecTextImporter(),
            new KubeBurnerImporter(), new GrpcBenchImporter(), new HeaptrackImporter(), new C2cImporter());

    private Importers() {
    }

    /** Every importer, in a fixed order. */
    public static List<Importer> all() {
        return ALL;
    }

    /** The importer for a format id. */
    public static Importer byFormat(String format) {
        for (Importer importer : ALL) {
            if (importer.format().equals(format)) {
                return importer;
            }
        }
        throw new IllegalArgumentException("unknown format '" + format + "'; known: "
                + ALL.stream().map(Importer::format).collect(Collectors.joining(", ")));
    }

    /**
     * The folder format most sure of {@code folder} (Criterion.rs's {@code target/criterion}), or null when no
     * importer reads the folder as one unit; its files are then imported one by one.
     */
    public static Importer detectFolder(java.nio.file.Path folder) throws IOException {
        Importer best = null;
        int bestScore = 0;
        for (Importer importer : ALL) {
            int score = importer.detectFolder(folder);
            if (score > bestScore) {
                best = importer;
                bestScore = score;
            }
        }
        return best;
    }

    /** The importer most sure of {@code source}'s content. */
    public static Importer detect(ImportSource source) throws IOException, ImportException {
        if (source.isFolder()) {
            Importer folder = detectFolder(source.path());
            if (folder == null) {
                throw new UnknownFormatException(source.path(), "not a folder format Perfdesk reads (expected "
                        + "Criterion.rs's target/criterion with <benchmark>/new/sample.json and estimates.json)");
            }
            return folder;
        }
        if (source.size() == 0) {
            throw ImportException.whole(source.path(), "the file is empty");
        }
        byte[] head;
        try {
            head = source.head(HEAD_BYTES);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (head.length == 0) {
            throw ImportException.whole(source.path(), "the file is empty");
        }
        Importer best = null;
        int bestScore = 0;
        for (Importer importer : ALL) {
            int score = importer.detect(head);
            if (score > bestScore) {
                best = importer;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new UnknownFormatException(source.path(), "not a format Perfdesk reads (" + describe(head)
                    + "); expected one of: " + ALL.stream().map(Importer::description).collect(Collectors.joining(", ")));
        }
        return best;
    }

    private static String describe(byte[] head) {
        int control = 0;
        for (int i = 0; i < Math.min(head.length, 4096); i++) {
            int b = head[i] & 0xFF;
            if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                control++;
            }
        }
        if (control > 0) {
            return "it looks like binary data";
        }
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return "it looks like JSON";
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
        }
        return "the first lines match no known format";
    }
}
