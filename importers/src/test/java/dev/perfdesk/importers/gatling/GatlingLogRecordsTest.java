package dev.perfdesk.importers.gatling;

import static dev.perfdesk.importers.bench.BenchFiles.find;
import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;

/**
 * Records the recorded runs do not have: a text log with a KO group, a KO message and an ERROR record (a crashed
 * session), and a binary log whose names are UTF-16 strings (coder 1) and cached by id.
 */
class GatlingLogRecordsTest {
    @TempDir
    Path dir;

    @Test
    void textLogWithKoGroupsAndErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("simulation.log"), String.join("\n",
                "RUN\tp.Sim\tsim\t1000\tsmoke test\t3.11.5",
                "USER\tShop\tSTART\t1000",
                "REQUEST\tcart\tadd\t1010\t1030\tOK\t ",
                "REQUEST\tcart\tpay\t1030\t1100\tKO\tjsonPath($.id).find.exists, found nothing",
                "GROUP\tcart\t1010\t1100\t90\tKO",
                "ERROR\tsession crashed: boom\t1100",
                "USER\tShop\tEND\t1100", ""), StandardCharsets.UTF_8);
        BenchmarkRun run = importRun(file, GatlingLogImporter.FORMAT);
        assertEquals(Instant.ofEpochMilli(1000), run.startTime());
        assertEquals("smoke test", run.tags().get("description"));
        assertEquals("1 × session crashed: boom", run.tags().get("error 1"));
        assertEquals("1 × jsonPath($.id).find.exists, found nothing", run.tags().get("KO 1"));
        Benchmark pay = find(run, "cart / pay", "", Benchmark.PRIMARY);
        assertEquals(70.0, pay.samples()[0]);
        assertEquals("1", pay.attributes().get("KO jsonPath($.id).find.exists, found nothing"));
        Benchmark group = find(run, "cart", "", Benchmark.PRIMARY);
        assertEquals(90.0, group.samples()[0], "a group's value is its cumulated response time");
        assertEquals(1.0, group.statistics().get("KO"));
        assertEquals("GROUP", group.attributes().get("type"));
        // 2 requests over ceil((1100 - 1000) / 1000) = 1 s
        assertEquals(2.0, find(run, GatlingRun.ALL_REQUESTS, "", GatlingRun.RPS).statistics().get("rate"));
    }

    @Test
    void binaryLogWithUtf16NamesAndCachedStrings() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        latin1(out, "3.14.2");
        latin1(out, "p.Sim");
        out.writeLong(1_796_000_000_000L);
        out.writeInt(0);                      // no description: an empty string has no coder byte
        out.writeInt(1);
        latin1(out, "Покупка");               // not Latin-1: written as UTF-16
        out.writeInt(0);                      // no assertions
        out.writeByte(2);                     // user start
        out.writeInt(0);
        out.writeBoolean(true);
        out.writeInt(5);
        for (int i = 0; i < 2; i++) {
            out.writeByte(1);                 // request
            out.writeInt(1);
            cached(out, i == 0 ? 1 : -1, "корзина");
            cached(out, i == 0 ? 2 : -2, "добавить");
            out.writeInt(10 + i * 100);
            out.writeInt(30 + i * 100 + i * 10);
            out.writeBoolean(true);
            cached(out, i == 0 ? 3 : -3, "");
        }
        Path file = Files.write(dir.resolve("simulation.log"), bytes.toByteArray());
        BenchmarkRun run = importRun(file, GatlingLogImporter.FORMAT);
        assertEquals("3.14.2", run.environment().get("Gatling version"));
        assertEquals("Покупка", run.tags().get("scenarios"));
        Benchmark add = find(run, "корзина / добавить", "", Benchmark.PRIMARY);
        assertEquals(2, add.count());
        assertEquals(20.0, add.samples()[0]);
        assertEquals(30.0, add.samples()[1]);
        assertEquals(1_796_000_000_010L * 1_000_000L, add.points().timeNanos(0));
    }

    private static void latin1(DataOutputStream out, String s) throws Exception {
        boolean latin = s.chars().allMatch(c -> c < 256);
        byte[] b = s.getBytes(latin ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        out.writeInt(b.length);
        out.write(b);
        out.writeByte(latin ? 0 : 1);
    }

    private static void cached(DataOutputStream out, int id, String s) throws Exception {
        out.writeInt(id);
        if (id > 0) {
            if (s.isEmpty()) {
                out.writeInt(0);
            } else {
                latin1(out, s);
            }
        }
    }
}
