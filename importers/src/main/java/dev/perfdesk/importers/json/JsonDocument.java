package dev.perfdesk.importers.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * A small JSON result file (JMH, hyperfine, Google Benchmark, pytest-benchmark, a k6 summary) read whole as a tree,
 * refusing files over {@link #MAX_BYTES}. Tree nodes carry no positions, so an error about a value names it by its
 * JSON pointer and is placed by streaming through the file again to the line where that value starts.
 *
 * <pre>{@code
 * JsonDocument doc = JsonDocument.read(source, "hyperfine JSON");
 * double mean = doc.number(doc.root().path("results").path(0), "/results/0/mean", "mean");
 * }</pre>
 */
public final class JsonDocument {
    /** The largest result file read as a tree. */
    public static final long MAX_BYTES = 256L << 20;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final ImportSource source;
    private final JsonNode root;

    private JsonDocument(ImportSource source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Reads {@code source} as one JSON document.
     *
     * @param what what the file should be, for messages ("a JMH result file")
     * @throws ImportException when it is too large, not JSON, truncated or has trailing content
     */
    public static JsonDocument read(ImportSource source, String what) throws IOException, ImportException {
        Path file = source.path();
        if (source.size() > MAX_BYTES) {
            throw ImportException.whole(file, String.format(Locale.ROOT, "the file is %,d MB; %s over %d MB is not "
                    + "read", source.size() >> 20, what, MAX_BYTES >> 20));
        }
        try (InputStream in = new Limited(source.open(), file); JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw ImportException.whole(file, "the file holds no JSON value; expected " + what);
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(p);
            } catch (JsonProcessingException e) {
                if (e.getLocation() != null || e instanceof JsonEOFException) {
                    throw e;
                }
                // a read constraint (a 100 MB string) says no place; the parser knows where it stopped
                JsonLocation at = p.currentLocation();
                throw new ImportException(file, line(at), offset(at), "not valid JSON: " + JsonErrors.describe(e), e);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ImportException(file, at.getLineNr(), at.getByteOffset(),
                        "unexpected content after the end of the JSON document; expected " + what);
            }
            return new JsonDocument(source, root);
        } catch (TooLarge e) {
            throw ImportException.whole(file, "the content is over " + (MAX_BYTES >> 20) + " MB; " + what
                    + " that large is not read");
        } catch (JsonEOFException e) {
            JsonLocation at = e.getLocation();
            throw new ImportException(file, line(at), offset(at), "the JSON ends early; the file looks truncated", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new ImportException(file, line(at), offset(at), "the JSON ends early; the file looks truncated",
                        e);
            }
            throw new ImportException(file, line(at), offset(at), "not valid JSON: " + JsonErrors.describe(e), e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
    }

    static long line(JsonLocation at) {
        return at == null ? -1 : at.getLineNr();
    }

    static long offset(JsonLocation at) {
        return at == null ? -1 : at.getByteOffset();
    }

    /** The root value. */
    public JsonNode root() {
        return root;
    }

    /** The file. */
    public Path file() {
        return source.path();
    }

    /**
     * An error about the value at {@code pointer} ({@code /benchmarks/3/real_time}), placed at the line where that
     * value starts; at the whole file when it cannot be found.
     */
    public ImportException error(String pointer, String problem) {
        JsonLocation at = locate(pointer);
        if (at == null) {
            return ImportException.whole(source.path(), problem + " (at " + pointer + ")");
        }
        return new ImportException(source.path(), at.getLineNr(), at.getByteOffset(), problem + " (at " + pointer
                + ")");
    }

    private JsonLocation locate(String pointer) {
        JsonPointer target = JsonPointer.compile(pointer.isEmpty() || pointer.equals("/") ? "" : pointer);
        try (InputStream in = source.open(); JsonParser p = FACTORY.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                if (ctx != null && ctx.pathAsPointer().equals(target)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** The object at {@code pointer}, or an error saying what was expected there. */
    public JsonNode object(String pointer, String expected) throws ImportException {
        JsonNode n = root.at(pointer);
        if (!n.isObject()) {
            throw error(n.isMissingNode() ? parentOf(pointer) : pointer, "expected " + expected + ", found "
                    + describe(n));
        }
        return n;
    }

    /** The array at {@code pointer}, or an error saying what was expected there. */
    public JsonNode array(String pointer, String expected) throws ImportException {
        JsonNode n = root.at(pointer);
        if (!n.isArray()) {
            throw error(n.isMissingNode() ? parentOf(pointer) : pointer, "expected " + expected + ", found "
                    + describe(n));
        }
        return n;
    }

    /** The text at {@code pointer}, or an error. */
    public String text(String pointer) throws ImportException {
        JsonNode n = root.at(pointer);
        if (!n.isTextual()) {
            throw error(n.isMissingNode() ? parentOf(pointer) : pointer, "expected a string '"
                    + lastPart(pointer) + "', found " + describe(n));
        }
        return n.asText();
    }

    /** The text at {@code pointer}, or {@code fallback} when it is missing or null. */
    public String text(String pointer, String fallback) {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() || n.isNull() ? fallback : n.asText();
    }

    /**
     * The number at {@code pointer}, with JMH's and Python's spellings of non-finite numbers ("NaN", "+INF",
     * "-INF", "Infinity") accepted as strings too.
     */
    public double number(String pointer) throws ImportException {
        JsonNode n = root.at(pointer);
        double v = numberOf(n);
        if (Double.isNaN(v) && !isNaNSpelling(n)) {
            throw error(n.isMissingNode() ? parentOf(pointer) : pointer, "expected a number '" + lastPart(pointer)
                    + "', found " + describe(n));
        }
        return v;
    }

    /** The number at {@code pointer}, or {@code fallback} when it is missing or null. */
    public double number(String pointer, double fallback) throws ImportException {
        JsonNode n = root.at(pointer);
        return n.isMissingNode() || n.isNull() ? fallback : number(pointer);
    }

    /** A number that must be finite and at least 0 (a time, a count). */
    public double nonNegative(String pointer) throws ImportException {
        double v = number(pointer);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw error(pointer, "'" + lastPart(pointer) + "' must be a finite number >= 0, found "
                    + describe(root.at(pointer)));
        }
        return v;
    }

    /** The numeric value of a node, with non-finite spellings; NaN when it is not a number. */
    public static double numberOf(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.asText().strip()) {
                case "NaN":
                case "nan":
                    return Double.NaN;
                case "+INF":
                case "INF":
                case "Infinity":
                case "+Infinity":
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "-INF":
                case "-Infinity":
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static boolean isNaNSpelling(JsonNode n) {
        return (n.isNumber() && Double.isNaN(n.doubleValue()))
                || (n.isTextual() && (n.asText().strip().equals("NaN") || n.asText().strip().equals("nan")));
    }

    /** The fields of an object as strings, in order; numbers and booleans as JSON writes them. */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object == null || !object.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return out;
    }

    /** A few words about a node for messages: {@code a string "abc"}, {@code nothing}, {@code an object}. */
    public static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty array" : "an array";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "a string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        return n.asText();
    }

    private static String parentOf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    private static String lastPart(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** Stops reading a gzip file whose content grows past {@link #MAX_BYTES}. */
    private static final class Limited extends FilterInputStream {
        private final Path file;
        private long count;

        Limited(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                throw new TooLarge(file);
            }
        }
    }

    /** Thrown inside the stream when decompressed content exceeds the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(Path file) {
            super(file + ": the content is over " + (MAX_BYTES >> 20) + " MB; result files that large are not read");
        }
    }
}
