package dev.perfdesk.importers.callgrind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Valgrind Callgrind profiles ({@code callgrind.out.PID}, "Callgrind Format Specification, Version 1"), and the
 * Cachegrind files that are a subset of that format. Each event type of the file ({@code Ir}, the cache simulation's
 * {@code Dr Dw I1mr ...}, the branch simulation's {@code Bc Bcm Bi Bim}) becomes a profile of its own, weighted in
 * event counts. Name compression ({@code fn=(12) name}, then {@code fn=(12)}), subposition compression ({@code +N},
 * {@code -N}, {@code *}, hex), {@code fl= fi= fe= fn=}, call lines ({@code cob= cfi= cfn= calls=} and the inclusive
 * cost line after them), {@code positions: instr line}, several parts in one file (each part a thread of the
 * profile) and the {@code totals:} and {@code summary:} lines are understood. Self costs per function and source line
 * are exactly the file's, so they equal {@code callgrind_annotate}'s; the call paths above them are rebuilt from
 * the caller-to-callee arcs (see {@link CallGraph#emit}) and said to be approximate in each profile's {@code note}.
 *
 * <pre>{@code
 * new CallgrindImporter().read(ImportSource.of(Path.of("callgrind.out.1234")), sink, ProgressMonitor.NONE);
 * }</pre>
 */
public final class CallgrindImporter implements Importer {
    public static final String FORMAT = "callgrind";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Valgrind Callgrind/Cachegrind profile";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        boolean events = false;
        boolean header = false;
        int seen = 0;
        for (int i = 0; i < lines.length - 1 && seen < 200; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (seen++ == 0 && line.equals("# callgrind format")) {
                return 100;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("events:")) {
                events = true;
            } else if (line.startsWith("version:") || line.startsWith("creator:") || line.startsWith("positions:")
                    || line.startsWith("cmd:") || line.startsWith("desc:") || line.startsWith("pid:")
                    || line.startsWith("part:")) {
                header = true;
            } else if (line.startsWith("fl=") || line.startsWith("fn=") || line.startsWith("ob=")) {
                return events && header ? 90 : 0;
            } else if (!line.startsWith("summary:") && !line.startsWith("event:") && !line.startsWith("thread:")) {
                return 0;
            }
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        CallgrindReader reader = new CallgrindReader(source, monitor);
        try (InputStream in = source.open()) {
            reader.readAll(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        reader.deliver(sink);
    }
}
