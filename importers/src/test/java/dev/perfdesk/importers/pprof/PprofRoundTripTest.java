package dev.perfdesk.importers.pprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * A perf script and a JFR recording exported to pprof: the exporter writes the bytes that {@code go tool pprof -top}
 * read when {@code testdata/pprof/record-roundtrip.sh} ran, go tool pprof's totals and top functions (flat and
 * cum) equal Perfdesk's own table of the source, and the exported file read back gives that same table.
 */
class PprofRoundTripTest {
    @TempDir
    Path dir;

    static Path sampleData() {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"));
    }

    static Profile importSource(Path file, String event) throws Exception {
        ImportSource source = ImportSource.of(file);
        CollectingSink sink = new CollectingSink();
        Importers.detect(source).read(source, sink, ProgressMonitor.NONE);
        return sink.profiles().stream().filter(p -> p.info().event().equals(event)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "perf/c-primes.perf.txt, cpu-clock, c-primes.perf.pb.gz, cpu-clock",
        "jfr/cpu-jdk17.jfr, jdk.ExecutionSample, cpu-jdk17.jfr.cpu.pb.gz, samples"})
    void exportedPprofReadsAsPerfdeskTableInGoToolPprofAndInPerfdesk(String input, String event, String exported,
                                                                    String sampleType) throws Exception {
        Profile original = importSource(sampleData().resolve(input), event);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PprofWriter.write(original, FrameNamers.forProfile(original), bytes);
        Path roundtrip = PprofGoldenTest.dir().resolve("roundtrip");
        assertArrayEquals(Files.readAllBytes(roundtrip.resolve(exported)), bytes.toByteArray(),
                "the exporter writes the bytes go tool pprof read for the recorded tables");

        for (String suffix : List.of(".top", ".cum.top")) {
            PprofTop top = PprofTop.parse(roundtrip.resolve(exported + "." + sampleType + suffix));
            assertEquals(sampleType, top.type());
            top.assertSameAs(original, exported + suffix);
        }

        Path file = Files.write(dir.resolve("exported.pb.gz"), bytes.toByteArray());
        List<Profile> back = PprofGoldenTest.importAll(file);
        Profile weighted = back.get(back.size() - 1);
        assertEquals(original.info().unit(), weighted.info().unit());
        assertEquals(original.info().totalWeight(), weighted.info().totalWeight());
        assertEquals(original.info().sampleCount(), weighted.info().sampleCount());
        assertEquals(original.info().startTime(), weighted.info().startTime());
        assertEquals(PprofTop.functionTable(original), PprofTop.functionTable(weighted));
        assertEquals(original.threads().size(), weighted.threads().size(), "threads kept as labels");
        assertTrue(weighted.info().attributes().get("comment").startsWith("Exported by Perfdesk from"));
    }
}
