package dev.perfdesk.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.spi.TimelineBuffer;

/**
 * A file read in pieces, each into a builder of its own, then merged in order, gives the profile one builder gives
 * reading it whole: the same frame, thread, stack and row indexes, the same sums, and, replayed through the mapping,
 * the same timeline.
 */
class ProfileBuilderMergeTest {

    /** One sample of the input: a stack of frame names (root first), a thread or -1, a weight and a time. */
    private record Sample(String[] stack, String thread, long weight, long time) {
    }

    private static List<Sample> samples(long seed, int count) {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        String[] threads = {null, "main", "worker-1", "worker-2", "gc"};
        long time = 1_000_000_000L;
        for (int i = 0; i < count; i++) {
            int depth = 1 + random.nextInt(6);
            String[] stack = new String[depth];
            for (int d = 0; d < depth; d++) {
                stack[d] = "f" + random.nextInt(d + 3);
            }
            // Runs of equal samples, as a recording's thread buffers give them.
            int repeat = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1;
            String thread = threads[random.nextInt(threads.length)];
            for (int r = 0; r < repeat && out.size() < count; r++) {
                time += random.nextInt(2_000_000) - 200_000;
                out.add(new Sample(stack, thread, 1 + random.nextInt(1000), time));
            }
        }
        return out;
    }

    /** What a reader does per sample, the calls an importer makes. */
    private static void add(ProfileBuilder b, Sample s) {
        int node = StackTable.ROOT;
        for (String name : s.stack()) {
            node = b.child(node, b.frame(Frame.of(name)));
        }
        int thread = s.thread() == null ? -1 : b.thread(new ThreadInfo(s.thread(), 7, s.thread().length()));
        b.sample(node, thread, s.weight(), s.time());
    }

    @ParameterizedTest(name = "{0} samples in {1} parts")
    @CsvSource(textBlock = """
            0,    1
            1,    3
            500,  1
            500,  2
            500,  7
            5000, 4
            """)
    void mergesPartsIntoTheProfileOfOneBuilder(int count, int parts) {
        List<Sample> input = samples(count * 31L + parts, count);
        ProfileInfo info = new ProfileInfo("p", "test", "cpu", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                null);

        TimelineBuffer wholeTimeline = new TimelineBuffer();
        ProfileBuilder whole = new ProfileBuilder(wholeTimeline);
        input.forEach(s -> add(whole, s));

        // The first piece goes straight into the result, the others into builders of their own.
        TimelineBuffer mergedTimeline = new TimelineBuffer();
        ProfileBuilder merged = new ProfileBuilder(mergedTimeline);
        int per = (count + parts - 1) / Math.max(1, parts);
        for (int p = 0; p < parts; p++) {
            List<Sample> piece = input.subList(Math.min(count, p * per), Math.min(count, (p + 1) * per));
            if (p == 0) {
                piece.forEach(s -> add(merged, s));
                continue;
            }
            TimelineBuffer partTimeline = new TimelineBuffer();
            ProfileBuilder part = new ProfileBuilder(partTimeline);
            piece.forEach(s -> add(part, s));
            ProfileBuilder.Merged m = merged.merge(part);
            Timeline t = partTimeline.toTimeline();
            for (int i = 0; i < t.size(); i++) {
                mergedTimeline.append(t.time(i), m.stacks()[t.stack(i)], m.thread(t.thread(i)), t.weight(i));
            }
        }

        assertEquals(whole.timeSpanNanos(), merged.timeSpanNanos());
        assertEquals(whole.hasTimeline(), merged.hasTimeline());
        Profile expected = whole.build(info);
        Profile actual = merged.build(info);
        assertEquals(expected.info(), actual.info());
        assertEquals(expected.frames(), actual.frames());
        assertEquals(expected.threads(), actual.threads());
        assertArrayEquals(expected.stacks().parentArray(), actual.stacks().parentArray());
        assertArrayEquals(expected.stacks().frameArray(), actual.stacks().frameArray());
        SampleTable e = expected.samples();
        SampleTable a = actual.samples();
        assertEquals(e.size(), a.size());
        for (int row = 0; row < e.size(); row++) {
            assertEquals(e.stack(row), a.stack(row), "stack of row " + row);
            assertEquals(e.thread(row), a.thread(row), "thread of row " + row);
            assertEquals(e.weight(row), a.weight(row), "weight of row " + row);
            assertEquals(e.count(row), a.count(row), "count of row " + row);
        }
        Timeline et = wholeTimeline.toTimeline();
        Timeline at = mergedTimeline.toTimeline();
        assertEquals(et.size(), at.size());
        for (int i = 0; i < et.size(); i++) {
            assertEquals(et.time(i), at.time(i));
            assertEquals(et.stack(i), at.stack(i));
            assertEquals(et.thread(i), at.thread(i));
            assertEquals(et.weight(i), at.weight(i));
        }
    }
}
