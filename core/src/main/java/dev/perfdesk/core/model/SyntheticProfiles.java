package dev.perfdesk.core.model;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;


/**
 * Deterministic generated profiles for benchmarks and demos: Java-, native- and kernel-looking frames, stacks that
 * share prefixes the way real call trees do, and a skewed weight distribution with a long tail of rare stacks.
 *
 * <pre>{@code
 * Profile big = SyntheticProfiles.generate(1_000_000, 200_000, 42);
 * }</pre>
 */
public final class SyntheticProfiles {
    private static final String[] PACKAGES = {
        "io/netty/channel", "io/netty/buffer", "io/vertx/core/http/impl", "io/vertx/core/net/impl",
        "java/util/concurrent", "java/util", "java/lang", "sun/nio/ch", "com/example/app/service",
        "com/example/app/repo", "org/apache/commons/lang3", "com/fasterxml/jackson/databind",
    };
    private static final String[] VERBS = {
        "read", "write", "handle", "process", "decode", "encode", "flush", "invoke", "run", "dispatch", "parse",
        "serialize", "lookup", "compute", "apply", "visit", "accept", "submit", "poll", "update",
    };

    private SyntheticProfiles() {
    }

    /**
     * A profile of {@code samples} samples over at least {@code distinctStacks} distinct stacks (when samples allow).
     *
     * @param seed the same seed always gives the same profile
     */
    public static Profile generate(long samples, int distinctStacks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        int frameCount = 6000;
        int[] frames = new int[frameCount];
        for (int i = 0; i < frameCount; i++) {
            frames[i] = b.frame(frameOf(i));
        }
        int[] threads = new int[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = b.thread(new ThreadInfo(t < 6 ? "worker-" + t : "gc-" + t, 1000, 1000 + t));
        }
        int target = (int) Math.min(distinctStacks, samples);
        int[] leaves = new int[target];
        boolean[] used = new boolean[Math.max(16, target * 64)];
        int found = 0;
        int[] path = new int[64];
        while (found < target) {
            int depth = 6 + random.nextInt(30);
            long h = 1 + random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                // Small choices are far likelier, so stacks share long prefixes; the hash keeps choices per parent.
                int choice = (int) Math.min(40, Math.floor(-Math.log(1 - random.nextDouble()) * 1.6));
                h = h * 0x9E3779B97F4A7C15L + choice + 1;
                long mixed = h ^ (h >>> 29);
                path[d] = frames[(int) Math.floorMod(mixed * 0xBF58476D1CE4E5B9L >>> 11, frameCount)];
            }
            int leaf = b.stack(path, depth);
            if (leaf >= used.length) {
                used = Arrays.copyOf(used, leaf * 2);
            }
            if (!used[leaf]) {
                used[leaf] = true;
                leaves[found++] = leaf;
            }
        }
        for (long s = 0; s < samples; s++) {
            int leaf;
            if (s < target) {
                leaf = leaves[(int) s];
            } else {
                // Skewed: a few stacks are hot, most are rare.
                double u = random.nextDouble();
                leaf = leaves[(int) (target * u * u * u)];
            }
            int thread = threads[(leaf * 31 + (random.nextInt(8) == 0 ? 1 : 0)) & 7];
            b.sample(leaf, thread, 1, ProfileBuilder.NO_TIME);
        }
        ProfileInfo info = new ProfileInfo("synthetic " + samples + " samples", "synthetic", "cpu-clock",
                WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0, Map.of("seed", Long.toString(seed)));
        return b.build(info);
    }

    private static Frame frameOf(int i) {
        int kind = i % 10;
        String verb = VERBS[(i / 10) % VERBS.length];
        if (kind < 6) {
            String pkg = PACKAGES[(i / 7) % PACKAGES.length];
            String cls = "Class" + (i % 97);
            return new Frame(pkg + "/" + cls + ":::" + verb + i, "/tmp/perf-1000.map",
                    kind == 5 ? FrameKind.INLINED : FrameKind.JIT, "", -1);
        } else if (kind < 8) {
            return new Frame("sys_" + verb + "_" + i, "[kernel.kallsyms]", FrameKind.KERNEL, "", -1);
        } else if (kind == 8) {
            return new Frame("JVM::" + verb + "_" + i, "/usr/lib/jvm/lib/server/libjvm.so", FrameKind.NATIVE, "", -1);
        }
        return new Frame(verb + "_" + i, "/lib/x86_64-linux-gnu/libc.so.6", FrameKind.NATIVE, "", -1);
    }
}
