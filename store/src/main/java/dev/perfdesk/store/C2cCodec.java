package dev.perfdesk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;

/**
 * A c2c report as one blob: a version byte, then its summaries, columns and lines as length-prefixed UTF-8 strings
 * and counts. The report is a table of printed cells that views read whole, so it is stored whole, as series sets
 * are; the list columns beside it ({@code cache_lines}, {@code false_sharing}, {@code events}) let the library
 * list reports without decoding them.
 */
final class C2cCodec {
    private static final int VERSION = 1;

    private C2cCodec() {
    }

    static byte[] encode(C2cReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, report.name());
            map(out, report.traceEvents());
            map(out, report.sharedEvents());
            map(out, report.details());
            strings(out, report.lineColumns());
            strings(out, report.offsetColumns());
            out.writeInt(report.lines().size());
            for (C2cLine line : report.lines()) {
                out.writeInt(line.index());
                string(out, line.address());
                strings(out, line.cells());
                out.writeInt(line.offsets().size());
                for (C2cOffset offset : line.offsets()) {
                    strings(out, offset.cells());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static C2cReport decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new StoreException("a c2c report of format " + version + " that this Perfdesk cannot read");
            }
            String name = string(in);
            Map<String, String> trace = map(in);
            Map<String, String> shared = map(in);
            Map<String, String> details = map(in);
            List<String> lineColumns = strings(in);
            List<String> offsetColumns = strings(in);
            int n = in.readInt();
            List<C2cLine> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = in.readInt();
                String address = string(in);
                List<String> cells = strings(in);
                int m = in.readInt();
                List<C2cOffset> offsets = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    offsets.add(new C2cOffset(strings(in)));
                }
                lines.add(new C2cLine(index, address, cells, offsets));
            }
            return new C2cReport(name, trace, shared, details, lineColumns, offsetColumns, lines);
        } catch (IOException e) {
            throw new StoreException("a stored c2c report is damaged (" + e.getMessage() + ")");
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a string of " + n + " bytes");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(Math.min(Math.max(n, 0), 1024));
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }

    private static void map(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(string(in), string(in));
        }
        return out;
    }
}
