package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a store in a read-only folder could not even be listed. The commands that only read (list, show,
 * compare without --save, export, flame, changepoints) open the store read-only: they create and change no file in
 * its folder, and, run as an unprivileged user on a folder of mode 555, they work.
 */
class CliReadOnlyStoreTest {
    @TempDir
    Path dir;

    private static Path perf(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script", name);
    }

    private static Path sample(String relative) {
        return Path.of(System.getProperty("perfdesk.root", "..")).resolve(relative);
    }

    private static Map<String, String> listing(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    /** A store with a profile (1), two runs (r1, r2) and a series (s1), in a folder of its own. */
    private Path store() {
        Path db = dir.resolve("store").resolve("perfdesk.db");
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(),
                perf("perf-vertx-stacks-01.txt").toString(),
                sample("sample-data/bench/jmh/perfdesk-benchmarks-baseline.json").toString(),
                sample("sample-data/bench/jmh/perfdesk-benchmarks-candidate.json").toString(),
                sample("sample-data/series/nightly-builds.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        return db;
    }

    private static List<String[]> readingCommands(Path db, Path out) {
        String d = db.toString();
        return List.of(new String[] {"list", "--db", d}, new String[] {"show", "--db", d, "r1"},
                new String[] {"show", "--db", d, "1"}, new String[] {"compare", "--db", d, "r1", "r2"},
                new String[] {"export", "--db", d, "1", "--folded", "-o", out.resolve("a.folded").toString()},
                new String[] {"flame", "--db", d, "1", "-o", out.resolve("a.svg").toString()},
                new String[] {"changepoints", "--db", d, "s1"});
    }

    @Test
    void readingCommandsCreateAndChangeNoFileBesideTheStore() throws IOException {
        Path db = store();
        Path out = Files.createDirectories(dir.resolve("out"));
        Map<String, String> before = listing(db.getParent());
        assertEquals(java.util.Set.of("perfdesk.db"), before.keySet(), before.toString());
        for (String[] args : readingCommands(db, out)) {
            CliRunner.Result r = CliRunner.run(args);
            assertTrue(succeeded(args, r.exitCode(), r.err()), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("read-only") && !r.err().contains("Exception"), r.err());
            assertEquals(before, listing(db.getParent()), String.join(" ", args) + " left the folder as it was");
        }
    }

    @Test
    void anUnprivilegedUserReadsAStoreInAFolderOfMode555() throws Exception {
        assumeTrue(new File("/usr/bin/setpriv").canExecute(), "setpriv is not installed: cannot run as nobody");
        Path db = store();
        Path folder = db.getParent();
        // a classpath copy nobody can read: the build's own lies under /root
        Path cp = dir.resolve("cp");
        Files.createDirectories(cp);
        List<String> entries = new ArrayList<>();
        int k = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(e);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = cp.resolve((k++) + "-" + from.getFileName());
            copy(from, to);
            entries.add(to.toString());
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> all = Files.walk(cp)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        Process probe = new ProcessBuilder("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "/bin/true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "setpriv cannot switch to nobody here (not root, or no such user)");
        assumeTrue(isReachable(dir), "the temporary folder " + dir + " is not reachable by nobody");
        Map<String, String> before = listing(folder);
        try {
            for (String[] args : readingCommands(db, out)) {
                List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=nobody",
                        "--regid=nogroup", "--clear-groups", java, "-Djava.awt.headless=true", "-cp",
                        String.join(File.pathSeparator, entries), "dev.perfdesk.app.Main"));
                command.addAll(List.of(args));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes());
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                assertTrue(succeeded(args, p.exitValue(), text), String.join(" ", args) + " as nobody: " + text);
                assertEquals(before, listing(folder));
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Exit 0, or 1 for a verdict (compare finds regressions, changepoints finds changes), never a store error. */
    private static boolean succeeded(String[] args, int code, String err) {
        boolean verdict = args[0].equals("compare") || args[0].equals("changepoints");
        return (code == 0 || verdict && code == 1) && !err.contains("the store") && !err.contains("perfdesk:");
    }

    private static boolean isReachable(Path dir) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "/usr/bin/test", "-r", dir.resolve("store").resolve("perfdesk.db").toString()).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
