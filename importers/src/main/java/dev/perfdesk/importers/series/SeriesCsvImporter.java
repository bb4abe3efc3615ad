package dev.perfdesk.importers.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Imports a CSV table of runs (Apache Otava's layout: a time column, label columns such as commit or build link,
 * and numeric metric columns) as a series set, for run history and change-point detection.
 */
public final class SeriesCsvImporter implements Importer {
    public static final String FORMAT = "series-csv";
    private static final long MAX_BYTES = 1L << 30;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "CSV table of runs over time";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String header = l.toLowerCase(Locale.ROOT);
            if (header.contains("elapsed") && header.contains("label")) {
                return 0; // a JMeter results file
            }
            if (!header.contains(",")) {
                return 0;
            }
            for (String cell : header.split(",")) {
                String name = cell.strip().replace("\"", "");
                if (name.equals("time") || name.equals("timestamp") || name.equals("date")
                        || name.equals("datetime")) {
                    return 30;
                }
            }
            return 0;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        if (source.size() > MAX_BYTES) {
            throw ImportException.whole(source.path(), "the file is larger than 1 GiB; a table of runs is expected to "
                    + "be far smaller");
        }
        try (InputStream in = source.open()) {
            sink.addSeries(SeriesCsvReader.DEFAULT.read(source, in, monitor));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        monitor.progress(source.size(), source.size());
    }
}
