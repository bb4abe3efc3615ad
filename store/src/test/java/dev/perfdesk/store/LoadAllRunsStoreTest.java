package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;

/** Loading every run at once reads each exactly as loading it alone does, on both engines. */
class LoadAllRunsStoreTest {

    /** Everything a run holds, as text: names, labels, and each benchmark's fields, blobs and figures. */
    static String describe(BenchmarkRun r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append('|').append(r.tool()).append('|').append(r.format()).append('|')
                .append(r.startTime()).append('|').append(r.label()).append('|').append(r.commit()).append('|')
                .append(r.environment()).append('|').append(r.tags()).append('|').append(r.series()).append('\n');
        for (Benchmark b : r.benchmarks()) {
            sb.append(b.key()).append('|').append(b.unit()).append('|').append(b.count()).append('|')
                    .append(b.status()).append('|').append(b.statusMessage()).append('|').append(b.score())
                    .append('|').append(b.statistics()).append('|').append(b.attributes()).append('|')
                    .append(b.hasSamples() ? Arrays.toString(b.samples()) : "-").append('|')
                    .append(b.distribution() == null ? "-" : b.distribution().totalCount()).append('|')
                    .append(b.points() == null ? "-" : b.points().size()).append('|')
                    .append(b.intervals() == null ? "-" : b.intervals().totalCount()).append('|')
                    .append(b.figures()).append('\n');
        }
        return sb.toString();
    }

    @EngineTest
    void loadAllReadsEveryRunAsLoadingItAloneDoes(TestEngine engine) {
        try (Store store = engine.open("a")) {
            StoreCopyTest.fill(store);
            List<RunRepository.LoadedRun> all = store.runs().loadAll();
            assertEquals(store.listRuns(), all.stream().map(RunRepository.LoadedRun::stored).toList());
            for (RunRepository.LoadedRun r : all) {
                assertEquals(describe(store.loadRun(r.stored().id())), describe(r.run()));
            }
            assertEquals(4, all.get(0).run().benchmarks().size());
        }
    }
}
