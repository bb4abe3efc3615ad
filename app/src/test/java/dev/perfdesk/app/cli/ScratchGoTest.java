package dev.perfdesk.app.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchGoTest {
    @TempDir
    Path dir;

    @Test
    void print() {
        String db = dir.resolve("s.db").toString();
        String t = System.getProperty("perfdesk.testdata");
        String sd = System.getProperty("perfdesk.sampledata");
        CliRunner.Result r = CliRunner.run("compare", "--db", db, t + "/benchstat/old.txt", t + "/benchstat/new.txt");
        System.out.println("OUT\n" + r.out() + "\nERR\n" + r.err());
        r = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", "json");
        System.out.println("OUT\n" + r.out().substring(0, Math.min(4000, r.out().length())) + "\nERR\n" + r.err());
        r = CliRunner.run("import", "--db", db, sd + "/bench/go", t + "/criterion/recorded/run1/criterion",
                t + "/criterion/recorded/run2/criterion", t + "/criterion/criterion-0.2-book");
        System.out.println("OUT\n" + r.out() + "\nERR\n" + r.err());
        for (String id : new String[] {"r3", "r4", "r6"}) {
            r = CliRunner.run("show", "--db", db, id);
            System.out.println("OUT\n" + r.out() + "\nERR\n" + r.err());
        }
        r = CliRunner.run("compare", "--db", db, "r5", "r6");
        System.out.println("OUT\n" + r.out() + "\nERR\n" + r.err());
    }
}
