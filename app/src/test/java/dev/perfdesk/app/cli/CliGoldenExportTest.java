package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path: {@code perfdesk import} of every perf script input of FlameGraph's test suite into an SQLite
 * store, then {@code perfdesk export ID --folded [--OPTION]} from the store, must print exactly what
 * stackcollapse-perf.pl prints: 13 inputs by 7 option sets, 91 pairs.
 */
class CliGoldenExportTest {
    static final String[] OPTIONS = {"", "pid", "tid", "kernel", "jit", "all", "addrs"};

    @TempDir
    static Path dir;
    static Path db;
    static final Map<String, String> IDS = new HashMap<>();

    static Path perfScripts() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script");
    }

    static List<Path> inputs() throws Exception {
        try (Stream<Path> files = Files.list(perfScripts())) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @BeforeAll
    static void importAll() throws Exception {
        db = dir.resolve("golden.db");
        for (Path input : inputs()) {
            CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), input.toString());
            assertEquals(0, r.exitCode(), r.err());
            // The first profile of a file is its first event, the one stackcollapse-perf.pl keeps.
            IDS.put(input.getFileName().toString(), r.out().lines().findFirst().orElseThrow().split("\t")[0]);
        }
    }

    static Stream<Arguments> pairs() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path input : inputs()) {
            for (String option : OPTIONS) {
                out.add(Arguments.of(input.getFileName().toString(), option));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void exportFromStoreEqualsStackcollapsePerf(String input, String option) throws Exception {
        String base = input.replaceFirst("\\.txt$", "");
        Path expected = perfScripts().resolve("expected").resolve(base + (option.isEmpty() ? "" : "." + option)
                + ".folded");
        Path output = dir.resolve(base + "." + (option.isEmpty() ? "default" : option) + ".out");
        List<String> args = new ArrayList<>(List.of("export", "--db", db.toString(), IDS.get(input), "--folded",
                "-o", output.toString()));
        if (!option.isEmpty()) {
            args.add("--" + option);
        }
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(output), expected.getFileName()
                + " differs from " + output);
    }
}
