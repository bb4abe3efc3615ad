package dev.perfdesk.importers.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.naming.NamingOptions;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Every perf script input of FlameGraph's test suite, folded with no option and with each of --pid, --tid,
 * --kernel, --jit, --all and --addrs, must equal what stackcollapse-perf.pl prints, byte for byte.
 */
class PerfScriptGoldenTest {
    static final String[] OPTIONS = {"", "pid", "tid", "kernel", "jit", "all", "addrs"};

    static Path testData() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"));
    }

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        Path dir = testData().resolve("perf-script");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path input : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String base = input.getFileName().toString().replaceFirst("\\.txt$", "");
                for (String option : OPTIONS) {
                    String expected = base + (option.isEmpty() ? "" : "." + option) + ".folded";
                    out.add(Arguments.of(input.getFileName().toString(), option.isEmpty() ? "(none)" : option,
                            dir.resolve("expected").resolve(expected)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}")
    @MethodSource("cases")
    void foldedExportMatchesStackcollapsePerf(String input, String option, Path expected) throws Exception {
        Path file = testData().resolve("perf-script").resolve(input);
        CollectingSink sink = new CollectingSink();
        new PerfScriptImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        Profile first = sink.profiles().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NamingOptions options = NamingOptions.parse(option.equals("(none)") ? "" : option);
        FoldedStackWriter.write(first, FrameNamers.forProfile(first, options), out);
        String actual = out.toString(StandardCharsets.UTF_8);
        String wanted = Files.readString(expected, StandardCharsets.UTF_8);
        if (!wanted.equals(actual)) {
            Path dump = Path.of("target", "golden-actual", expected.getFileName().toString());
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, actual, StandardCharsets.UTF_8);
        }
        assertEquals(wanted, actual, "differs; actual output written to target/golden-actual");
    }

    /**
     * The same through {@link NamedStacks}, which names the stack trie node by node (thread roots, inline chains
     * and skipped frames included): its folded output equals stackcollapse-perf.pl's too, and the tree and
     * per-function weights it derives from its name trie equal those computed from its rows spelled out.
     */
    @ParameterizedTest(name = "{0} --{1}")
    @MethodSource("cases")
    void namedStacksMatchStackcollapsePerf(String input, String option, Path expected) throws Exception {
        Path file = testData().resolve("perf-script").resolve(input);
        CollectingSink sink = new CollectingSink();
        new PerfScriptImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        Profile first = sink.profiles().get(0);
        NamingOptions options = NamingOptions.parse(option.equals("(none)") ? "" : option);
        NamedStacks stacks = NamedStacks.of(first, FrameNamers.forProfile(first, options),
                WeightedStacks.of(first.samples()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stacks.writeFolded(out);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));

        NamedStacks spelled = spelledOut(stacks);
        assertEquals(treeOf(spelled.topDown()), treeOf(stacks.topDown()));
        long[][] expectedWeights = spelled.weightsByName();
        long[][] actualWeights = stacks.weightsByName();
        assertArrayEquals(expectedWeights[0], actualWeights[0], "self by name");
        assertArrayEquals(expectedWeights[1], actualWeights[1], "total by name");
    }

    /** The same rows with their paths spelled out, which NamedStacks builds its tree from by sorting. */
    static NamedStacks spelledOut(NamedStacks s) {
        int[] starts = new int[s.size() + 1];
        List<Integer> path = new ArrayList<>();
        int[] threads = new int[s.size()];
        long[] weights = new long[s.size()];
        for (int r = 0; r < s.size(); r++) {
            starts[r] = path.size();
            for (int i = 0; i < s.length(r); i++) {
                path.add(s.nameAt(r, i));
            }
            threads[r] = s.thread(r);
            weights[r] = s.weight(r);
        }
        starts[s.size()] = path.size();
        return new NamedStacks(s.names(), starts, path.stream().mapToInt(Integer::intValue).toArray(), threads,
                weights);
    }

    /** Every node as "path total self", depth-first in child order: same shape, order and values. */
    static List<String> treeOf(CallTree t) {
        List<String> out = new ArrayList<>();
        walk(t, CallTree.ROOT, "", out);
        return out;
    }

    private static void walk(CallTree t, int node, String prefix, List<String> out) {
        String path = prefix + ";" + t.name(node);
        out.add(path + " " + t.total(node) + " " + t.self(node));
        for (int c = t.firstChild(node); c >= 0; c = t.nextSibling(c)) {
            walk(t, c, path, out);
        }
    }
}
