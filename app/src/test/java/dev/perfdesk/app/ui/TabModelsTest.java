package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.Store;

/**
 * The tabs' view models in plain JUnit: no FX toolkit, the store work run on the calling thread. Each model reads
 * what its tab shows, writes what its tab saves, and reports a failure in words instead of throwing.
 */
class TabModelsTest {
    @TempDir
    Path dir;
    Store store;
    MainViewModel main;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(dir.resolve("store.db"));
        JmhRuns.store(store, List.of("a", "b", "c", "d"), List.of("17", "17", "21", "21"));
        main = new MainViewModel(store, TaskRunner.CURRENT_THREAD);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static <T> T expectValue(java.util.function.BiConsumer<java.util.function.Consumer<T>,
            java.util.function.Consumer<String>> call) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<String> failure = new AtomicReference<>();
        call.accept(value::set, failure::set);
        assertEquals(null, failure.get(), "no failure");
        assertNotNull(value.get());
        return value.get();
    }

    private static String expectFailure(java.util.function.BiConsumer<java.util.function.Consumer<Object>,
            java.util.function.Consumer<String>> call) {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<String> failure = new AtomicReference<>();
        call.accept(value::set, failure::set);
        assertEquals(null, value.get(), "no value");
        assertNotNull(failure.get());
        return failure.get();
    }

    @Test
    void runTabModelReadsTheRunAndFindsTheSameBenchmarkInTheOtherRuns() {
        List<StoredRun> runs = store.listRuns();
        long first = runs.get(0).id();
        RunTabModel model = main.run(first);
        RunTabModel.Loaded loaded = expectValue((ok, fail) -> model.load(ok, fail));
        BenchmarkRun run = loaded.run();
        assertEquals(List.of(), loaded.profiles(), "no profile attached");
        assertEquals(store.loadRun(first).benchmarks().size(), run.benchmarks().size());
        Benchmark b = run.benchmarks().get(0);
        List<RunTabModel.Candidate> found = expectValue((ok, fail) -> model.findInOtherRuns(b, ok, fail));
        assertEquals(runs.size() - 1, found.size(), "every other run has the benchmark");
        assertTrue(found.stream().noneMatch(c -> c.run().id() == first), "not the run itself");
        assertTrue(found.stream().allMatch(c -> c.benchmark().key().equals(b.key())));
    }

    @Test
    void aRunThatIsGoneIsAFailureInWords() {
        String message = expectFailure((ok, fail) -> main.run(9_999).load(ok::accept, fail));
        assertTrue(message.contains("9999"), message);
    }

    @Test
    void trendTabModelReadsABenchmarkHistoryAndKeepsAReview() {
        TrendTabModel model = main.trend(TrendTabModel.Source.benchmark(JmhRuns.BENCHMARK));
        TrendTabModel.Loaded loaded = expectValue((ok, fail) -> model.load(ok, fail));
        TrendTabModel.BenchmarkHistory history = assertInstanceOf(TrendTabModel.BenchmarkHistory.class, loaded);
        assertEquals(4, history.series().get(0).set().size(), "one point per stored run");

        ChangePointKey key = new ChangePointKey(history.series().get(0).set().name(), "score", 1234L);
        ChangePointReview review = new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "faster allocator");
        ChangePointReviews saved = expectValue((ok, fail) -> model.saveReview(key, review, ok, fail));
        assertEquals(review, saved.reviewOf(key));
        assertEquals(review, store.reviews().reviewOf(key), "kept in the store");
    }

    @Test
    void aBenchmarkNoRunHasIsAFailureInWords() {
        String message = expectFailure((ok, fail) ->
                main.trend(TrendTabModel.Source.benchmark("no.such.Benchmark")).load(ok::accept, fail));
        assertTrue(message.contains("no.such.Benchmark"), message);
    }

    @Test
    void runComparisonTabModelReadsBothRunsAndSavesTheComparison() {
        List<StoredRun> runs = store.listRuns();
        RunComparisonTabModel model = main.runComparison(runs.get(0).id(), runs.get(3).id());
        RunComparisonTabModel.Loaded loaded = expectValue((ok, fail) -> model.load(ok, fail));
        assertEquals(runs.get(0).id(), loaded.baseline().id());
        assertEquals(runs.get(3).id(), loaded.candidate().id());
        var comparison = dev.perfdesk.core.report.RunComparison.compare(loaded.baseline().name(),
                loaded.baselineRun(), loaded.candidate().name(), loaded.candidateRun(),
                dev.perfdesk.core.stats.ComparisonOptions.DEFAULTS, List.of());
        StoredComparison saved = expectValue((ok, fail) -> model.save(comparison, ok, fail));
        assertEquals(List.of(saved.id()), store.listComparisons().stream().map(StoredComparison::id).toList());
        assertEquals(comparison.verdict().verdict().label(), saved.verdict());
    }

    @Test
    void profileTabModelReadsAProfileItsSiblingsAndBothSidesOfAComparison() throws Exception {
        Path jfr = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "jfr", "cpu-jdk17.jfr");
        Path perf = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "perf", "c-primes.perf.txt");
        ImportService imports = new ImportService(store);
        List<StoredProfile> fromJfr = imports.importFile(jfr, null, ProgressMonitor.NONE).profiles();
        List<StoredProfile> fromPerf = imports.importFile(perf, null, ProgressMonitor.NONE).profiles();
        ProfileTabModel model = main.profiles();

        StoredProfile first = fromJfr.get(0);
        Profile profile = expectValue((ok, fail) -> model.load(first.id(), ok, fail));
        assertEquals(store.loadProfile(first.id()).samples().totalWeight(), profile.samples().totalWeight());

        List<StoredProfile> siblings = expectValue((ok, fail) -> model.siblings(first.id(), ok, fail));
        assertEquals(fromJfr.stream().map(StoredProfile::id).sorted().toList(),
                siblings.stream().map(StoredProfile::id).sorted().toList(), "every profile of the same file");

        LibraryEntry baseline = LibraryEntry.of(fromPerf.get(0));
        LibraryEntry candidate = LibraryEntry.of(fromPerf.get(0));
        ComparisonTab.Sides sides = expectValue((ok, fail) -> model.comparison(baseline, candidate, ok, fail));
        assertEquals(baseline.title(), sides.baseline().name());
        assertTrue(!sides.normalize(), "stored profiles compare amounts");

        List<String> failures = new ArrayList<>();
        model.load(123_456, p -> failures.add("loaded"), failures::add);
        assertEquals(1, failures.size());
        assertTrue(!failures.get(0).equals("loaded"), failures.get(0));
    }
}
