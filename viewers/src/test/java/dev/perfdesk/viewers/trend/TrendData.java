package dev.perfdesk.viewers.trend;

import java.nio.file.Path;

import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.importers.series.SeriesCsvReader;

/** The shared change-point CSVs, read as series sets. */
final class TrendData {
    private TrendData() {
    }

    static Path file(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints", name);
    }

    static SeriesSet read(String name) {
        try {
            return SeriesCsvReader.read(file(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Horreum's e-divisive series: 53 runs, 7 change points under Otava's defaults. */
    static SeriesSet horreum() {
        return read("edivisive_valid_horreum.csv");
    }

    /** Otava's CSV example: metric1 without change, metric2 falling 12.9% at aaa6. */
    static SeriesSet otavaSample() {
        return read("otava-csv/sample.csv");
    }
}
