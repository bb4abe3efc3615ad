package dev.perfdesk.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.spi.UnknownFormatException;
import dev.perfdesk.store.Store;

/**
 * A seeded fuzzer of every importer through the real import path. Every committed sample file (sample-data/,
 * testdata/, the importers' test resources) is a seed, grouped by the format it is detected as, and every format in
 * {@link Importers#all()} must have seeds. Each case mutates a seed (bit flips, byte inserts and deletes, a cut at a
 * random offset, a duplicated chunk, a splice with another sample, numbers replaced by huge, negative, NaN or
 * {@code 1e400} values, a very long line; sometimes gzip-compressed, and the compressed bytes sometimes damaged
 * too), imports it with {@link ImportService} into a real SQLite store, detected by content and sometimes forced to
 * the seed's format, and checks:
 * <ul>
 *     <li>nothing is thrown but {@link ImportException}, whose message is one line starting with the file and, unless
 *     the problem is the whole file's, naming a line or byte;</li>
 *     <li>no case runs over {@value #CASE_SECONDS} s;</li>
 *     <li>a refused case changes nothing in the store: no commit ({@code PRAGMA data_version}) and the same row
 *     count in every table.</li>
 * </ul>
 * The budget is {@code -Dperfdesk.fuzz.seconds} (default {@value #DEFAULT_SECONDS}, for {@code mvn verify}) and the
 * seed {@code -Dperfdesk.fuzz.seed} (default {@value #DEFAULT_SEED}, so that {@code mvn verify} runs the same cases
 * every time; give another to explore, e.g. the day's number); a failure prints the seed, the case number
 * and its mutations, and {@code -Dperfdesk.fuzz.seed=N -Dperfdesk.fuzz.case=K} replays one case alone
 * ({@code -Dperfdesk.fuzz.keep=DIR} keeps the inputs of failing cases there).
 */
class ImportFuzzTest {
    /** The seed {@code mvn verify} runs: the one whose findings FuzzFindingsTest holds, all fixed. */
    static final long DEFAULT_SEED = 20789L;

    static final int DEFAULT_SECONDS = 40;
    /**
     * The most cases {@code mvn verify} runs (within its time budget), so that it runs the same cases on every
     * machine; {@code -Dperfdesk.fuzz.cases=N} for more. Cases beyond it, with the default seed, still find defects
     * (listed in the README), which a longer run shows.
     */
    static final long DEFAULT_CASES = 10_000;
    static final int CASE_SECONDS = 10;
    private static final long MAX_SEED_BYTES = 1 << 20;
    private static final Path ROOT = Path.of(System.getProperty("perfdesk.root", ".."));
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] HOSTILE_NUMBERS = {"1e400", "-1e400", "NaN", "-NaN", "Infinity", "-Infinity",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "99999999999999999999999999999999999999", "-1", "-0", "0", "1e-400", "4.9e-324", "2147483648",
        "-2147483649", "0x7fffffff", "1.7976931348623157e308", "1_000", ""};

    /** One seed: a file, or a folder a folder format reads, with the format it is detected as. */
    record Seed(Path path, String format, boolean folder) {
    }

    /** What one case was, to print and to replay. */
    record Case(long number, Seed seed, List<String> mutations, boolean forced) {
        String describe(long seed) {
            return "seed " + seed + " case " + number + " (" + ROOT.relativize(this.seed.path()) + " as "
                    + this.seed.format() + (forced ? ", forced" : "") + "): " + String.join(", ", mutations);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void everyImporterRefusesDamagedInputInOneLineWithoutChangingTheStore() throws Exception {
        long seconds = Long.getLong("perfdesk.fuzz.seconds", DEFAULT_SECONDS);
        long seed = Long.getLong("perfdesk.fuzz.seed", DEFAULT_SEED);
        long only = Long.getLong("perfdesk.fuzz.case", -1);
        Path keep = System.getProperty("perfdesk.fuzz.keep") == null ? null
                : Path.of(System.getProperty("perfdesk.fuzz.keep"));
        Map<String, List<Seed>> seeds = seeds();
        for (Importer importer : Importers.all()) {
            assertTrue(seeds.containsKey(importer.format()), "no committed sample file is detected as "
                    + importer.format() + "; the fuzzer needs one");
        }
        System.out.println("ImportFuzzTest: seed " + seed + ", " + seconds + " s, "
                + seeds.values().stream().mapToInt(List::size).sum() + " seeds in " + seeds.size() + " formats "
                + "(replay with -Dperfdesk.fuzz.seed=" + seed + ")");

        List<String> formats = new ArrayList<>(seeds.keySet());
        Stats stats = new Stats();
        List<String> failures = new ArrayList<>();
        ExecutorService worker = newWorker();
        Path storeFile = tmp.resolve("store").resolve("fuzz.db");
        Store store = Store.open(storeFile);
        Connection watch = DriverManager.getConnection("jdbc:sqlite:" + storeFile.toAbsolutePath());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            long maxCases = Long.getLong("perfdesk.fuzz.cases", DEFAULT_CASES);
            for (long n = 0; only >= 0 ? n <= only : System.nanoTime() < deadline && n < maxCases; n++) {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
                String format = formats.get((int) (n % formats.size()));
                List<Seed> ofFormat = seeds.get(format);
                Seed s = ofFormat.get(random.nextInt(ofFormat.size()));
                List<String> mutations = new ArrayList<>();
                Path input = tmp.resolve("case-" + n);
                boolean forced = random.nextInt(4) == 0;
                if (only >= 0 && n != only) {
                    continue;
                }
                if (s.folder()) {
                    mutateFolder(s, input, seeds, random, mutations);
                } else {
                    Files.write(input, mutate(read(s.path()), s, seeds, random, mutations));
                }
                Case c = new Case(n, s, mutations, forced);
                stats.cases++;
                if (n % 100 == 0) {
                    // a fresh store now and then keeps each case fast; the store rules are checked per case
                    watch.close();
                    store.close();
                    Files.deleteIfExists(storeFile);
                    Files.deleteIfExists(Path.of(storeFile + "-wal"));
                    Files.deleteIfExists(Path.of(storeFile + "-shm"));
                    store = Store.open(storeFile);
                    watch = DriverManager.getConnection("jdbc:sqlite:" + storeFile.toAbsolutePath());
                }
                String before = digest(watch);
                int failuresBefore = failures.size();
                ImportService service = new ImportService(store);
                Future<Object> done = worker.submit(() -> {
                    try {
                        return service.importFile(input, forced ? format : null, ProgressMonitor.NONE);
                    } catch (ImportException e) {
                        return e;
                    }
                });
                Object outcome;
                try {
                    outcome = done.get(CASE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    done.cancel(true);
                    stats.hangs++;
                    failures.add("hang over " + CASE_SECONDS + " s: " + c.describe(seed));
                    keepInput(keep, input);
                    worker.shutdownNow();
                    worker = newWorker();
                    // the store may still be locked by the hung import: the next ones use a new one
                    storeFile = tmp.resolve("store-" + n).resolve("fuzz.db");
                    store = Store.open(storeFile);
                    watch.close();
                    watch = DriverManager.getConnection("jdbc:sqlite:" + storeFile.toAbsolutePath());
                    continue;
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    stats.exceptions++;
                    StringWriter trace = new StringWriter();
                    t.printStackTrace(new PrintWriter(trace));
                    failures.add("uncaught " + t + ": " + c.describe(seed) + "\n" + trace.toString().lines().limit(12)
                            .reduce((a, b) -> a + "\n" + b).orElse(""));
                    checkUnchanged(watch, before, c, seed, stats, failures);
                    keepInput(keep, input);
                    continue;
                }
                if (outcome instanceof ImportException e) {
                    stats.refusals++;
                    String problem = checkMessage(e, input);
                    if (problem != null) {
                        stats.badMessages++;
                        failures.add(problem + ": " + c.describe(seed) + "\n    " + shorten(e.getMessage()));
                    }
                    checkUnchanged(watch, before, c, seed, stats, failures);
                } else {
                    stats.imports++;
                }
                if (failures.size() > failuresBefore) {
                    keepInput(keep, input);
                }
                deleteRecursively(input);
                if (failures.size() > 50) {
                    break;
                }
            }
        } finally {
            worker.shutdownNow();
            watch.close();
            store.close();
        }
        System.out.println("ImportFuzzTest: seed " + seed + ": " + stats.cases + " cases, " + stats.refusals
                + " refusals, " + stats.imports + " imports, " + stats.exceptions + " uncaught exceptions, "
                + stats.hangs + " hangs over " + CASE_SECONDS + " s, " + stats.storeChanges
                + " store changes on refusal, " + stats.badMessages + " refusals not one line naming file and place");
        if (!failures.isEmpty()) {
            fail(failures.size() + " failing cases (replay one with -Dperfdesk.fuzz.seed=" + seed
                    + " -Dperfdesk.fuzz.case=K):\n" + String.join("\n", failures));
        }
        assertTrue(stats.cases > 0);
    }

    private static void keepInput(Path keep, Path input) throws IOException {
        if (keep != null && Files.isRegularFile(input)) {
            Files.createDirectories(keep);
            Files.copy(input, keep.resolve(input.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String shorten(String m) {
        return m.length() <= 400 ? m : m.substring(0, 300) + " … " + m.substring(m.length() - 100);
    }

    private static final class Stats {
        long cases;
        long refusals;
        long imports;
        long exceptions;
        long hangs;
        long storeChanges;
        long badMessages;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** Null when the message is one line naming the file and a place, else what is wrong with it. */
    static String checkMessage(ImportException e, Path input) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "empty message";
        }
        if (m.contains("\n") || m.contains("\r")) {
            return "message of more than one line";
        }
        if (!m.startsWith(input.toString())) {
            return "message does not start with the file";
        }
        if (m.length() > 1000) {
            return "message longer than 1000 characters";
        }
        boolean wholeFile = e instanceof UnknownFormatException || e.problem().startsWith("the file is empty")
                || e.problem().contains("gzip") || e.problem().contains("folder");
        if (!wholeFile && e.line() <= 0 && e.byteOffset() < 0 && !hasPlace(e.problem())) {
            return "message names no line or byte";
        }
        // what the input itself holds is quoted; the library's own words are not
        String words = e.problem().replaceAll("'[^']*'|\"[^\"]*\"", "''");
        for (String raw : List.of("Exception", "java.", "For input string", "(null)", "REDACTED", "capacity <",
                "Character ", "neither a decimal")) {
            if (words.contains(raw)) {
                return "message holds library text '" + raw + "'";
            }
        }
        return null;
    }

    /** Whether a whole-file problem still says where (a line, a byte, a field, an entry, an interval...). */
    private static boolean hasPlace(String problem) {
        return Pattern.compile("\\b(line|byte|offset|field|column|entry|interval|chunk|event|sample|benchmark|"
                + "record|row|key|value|section|header|stack|frame|string|function|location|mapping|profile|"
                + "node|thread|percentile|run|stats|json|at )", Pattern.CASE_INSENSITIVE).matcher(problem).find();
    }

    private static void checkUnchanged(Connection watch, String before, Case c, long seed, Stats stats,
                                       List<String> failures) throws SQLException {
        String after = digest(watch);
        if (!after.equals(before)) {
            stats.storeChanges++;
            failures.add("store changed by a refused import (" + before + " -> " + after + "): "
                    + c.describe(seed));
        }
    }

    /** The store's commit counter as another connection sees it, and every table's row count. */
    static String digest(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                sb.append("v").append(rs.next() ? rs.getLong(1) : -1);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    sb.append(' ').append(t).append('=').append(rs.next() ? rs.getLong(1) : -1);
                }
            }
        }
        return sb.toString();
    }

    // ---- seeds

    /** Every committed sample file and folder, by the format it is detected as. */
    static Map<String, List<Seed>> seeds() throws IOException {
        Map<String, List<Seed>> out = new TreeMap<>();
        List<Path> roots = List.of(ROOT.resolve("sample-data"), ROOT.resolve("testdata"),
                ROOT.resolve("importers/src/test/resources"));
        for (Path root : roots) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(root)) {
                all = walk.sorted().toList();
            }
            for (Path p : all) {
                if (Files.isDirectory(p)) {
                    Importer folder = Importers.detectFolder(p);
                    if (folder != null) {
                        out.computeIfAbsent(folder.format(), k -> new ArrayList<>()).add(new Seed(p, folder.format(),
                                true));
                    }
                    continue;
                }
                if (!Files.isRegularFile(p) || Files.size(p) == 0 || Files.size(p) > MAX_SEED_BYTES) {
                    continue;
                }
                try {
                    Importer importer = Importers.detect(ImportSource.of(p));
                    out.computeIfAbsent(importer.format(), k -> new ArrayList<>()).add(new Seed(p, importer.format(),
                            false));
                } catch (ImportException | IOException e) {
                    // not a sample of any format: README, scripts, expected outputs
                }
            }
        }
        return out;
    }

    private static byte[] read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        return isGzip(bytes) ? gunzip(bytes) : bytes;
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readNBytes((int) MAX_SEED_BYTES * 16);
        } catch (IOException e) {
            return b;
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    // ---- mutations

    private static void mutateFolder(Seed s, Path target, Map<String, List<Seed>> seeds, SplittableRandom random,
                                     List<String> mutations) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(s.path())) {
            files = walk.sorted().toList();
        }
        for (Path p : files) {
            Path to = target.resolve(s.path().relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(to);
            } else {
                Files.copy(p, to);
            }
        }
        List<Path> regular = files.stream().filter(Files::isRegularFile).toList();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Path victim = regular.get(random.nextInt(regular.size()));
            Path to = target.resolve(s.path().relativize(victim).toString());
            List<String> inner = new ArrayList<>();
            Files.write(to, mutate(Files.readAllBytes(to), s, seeds, random, inner));
            mutations.add(s.path().relativize(victim) + ": " + String.join(", ", inner));
        }
    }

    static byte[] mutate(byte[] original, Seed s, Map<String, List<Seed>> seeds, SplittableRandom random,
                         List<String> mutations) throws IOException {
        byte[] b = original;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            b = mutateOnce(b, s, seeds, random, mutations);
        }
        if (random.nextInt(6) == 0) {
            b = gzip(b);
            mutations.add("gzip");
            if (random.nextInt(3) == 0) {
                b = mutateOnce(b, s, seeds, random, mutations);
                mutations.set(mutations.size() - 1, "in the gzip bytes: " + mutations.get(mutations.size() - 1));
            }
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Seed s, Map<String, List<Seed>> seeds, SplittableRandom random,
                                     List<String> mutations) throws IOException {
        int kind = random.nextInt(9);
        int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        switch (kind) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                byte[] out = b.clone();
                for (int i = 0; i < flips && out.length > 0; i++) {
                    int p = random.nextInt(out.length);
                    out[p] ^= (byte) (1 << random.nextInt(8));
                }
                mutations.add(flips + " bit flips");
                return out;
            }
            case 1 -> {
                int n = 1 + random.nextInt(16);
                byte[] insert = new byte[n];
                random.nextBytes(insert);
                mutations.add(n + " random bytes inserted at " + at);
                return splice(b, at, at, insert);
            }
            case 2 -> {
                int n = Math.min(b.length - Math.min(at, b.length), 1 + random.nextInt(64));
                mutations.add(n + " bytes deleted at " + at);
                return splice(b, at, Math.min(b.length, at + n), new byte[0]);
            }
            case 3 -> {
                mutations.add("cut at " + at + " of " + b.length);
                return java.util.Arrays.copyOf(b, at);
            }
            case 4 -> {
                int from = b.length == 0 ? 0 : random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(4096));
                int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 4);
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < times; i++) {
                    chunk.write(b, from, len);
                }
                mutations.add("chunk " + from + "+" + len + " duplicated " + times + "x at " + at);
                return splice(b, at, at, chunk.toByteArray());
            }
            case 5 -> {
                List<Seed> pool = random.nextBoolean() ? seeds.get(s.format())
                        : seeds.values().stream().flatMap(List::stream).toList();
                Seed other = pool.get(random.nextInt(pool.size()));
                byte[] ob = other.folder() ? new byte[0] : read(other.path());
                int from = ob.length == 0 ? 0 : random.nextInt(ob.length);
                mutations.add("spliced " + ROOT.relativize(other.path()) + " from " + from + " at " + at);
                return splice(b, at, b.length, java.util.Arrays.copyOfRange(ob, from, ob.length));
            }
            case 6, 7 -> {
                String text = new String(b, StandardCharsets.ISO_8859_1);
                Matcher m = NUMBER.matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    mutations.add("no number to replace");
                    return b;
                }
                int replaced = 1 + random.nextInt(Math.min(spans.size(), 5));
                StringBuilder sb = new StringBuilder(text);
                List<int[]> chosen = new ArrayList<>();
                for (int i = 0; i < replaced; i++) {
                    chosen.add(spans.get(random.nextInt(spans.size())));
                }
                chosen.sort(Comparator.comparingInt((int[] x) -> x[0]).reversed());
                List<String> what = new ArrayList<>();
                int last = Integer.MAX_VALUE;
                for (int[] span : chosen) {
                    if (span[1] > last) {
                        continue;
                    }
                    String value = HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)];
                    sb.replace(span[0], span[1], value);
                    what.add(value + " at " + span[0]);
                    last = span[0];
                }
                mutations.add("numbers replaced: " + String.join(" ", what));
                return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                int len = 1 << (10 + random.nextInt(12));
                byte fill = (byte) "a9,{\" ;x".charAt(random.nextInt(8));
                byte[] line = new byte[len];
                java.util.Arrays.fill(line, fill);
                mutations.add("line of " + len + " '" + (char) fill + "' at " + at);
                return splice(b, at, at, line);
            }
        }
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[from + insert.length + (b.length - to)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    @Test
    void theMessageCheckCatchesWhatItMust() {
        Path f = Path.of("/tmp/x.txt");
        assertEquals(null, checkMessage(ImportException.atLine(f, 3, "bad"), f));
        assertEquals(null, checkMessage(ImportException.atLine(f, 3, "bad\nsecond"), f), "made one line");
        assertEquals(null, checkMessage(ImportException.atLine(f, 3, "'java.net.SocketTimeoutException' is no "
                + "number"), f), "quoted input is not library text");
        assertTrue(checkMessage(ImportException.whole(f, "For input string: 12"), f) != null);
        assertTrue(checkMessage(ImportException.whole(f, "the thing is odd"), f) != null, "no place");
        assertTrue(checkMessage(ImportException.whole(f, "java.lang.NumberFormatException: x"), f) != null);
        assertTrue(checkMessage(ImportException.atLine(Path.of("/tmp/other"), 3, "bad"), f) != null);
    }
}
