package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --folded} and {@code flame} take the app's transforms, in order, and print what the window's chips
 * would leave; a misspelt one is a usage error in words.
 */
class CliTransformTest {
    @TempDir
    Path dir;

    private String store() throws Exception {
        Path input = Files.writeString(dir.resolve("p.folded"), String.join("\n",
                "main;parse;lex 3", "main;parse 2", "main;load;parse;lex 4", "main;idle 1", ""));
        String db = dir.resolve("s.db").toString();
        assertEquals(0, CliRunner.run("import", "--db", db, input.toString()).exitCode());
        return db;
    }

    private String export(String db, String... transforms) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime() + ".folded");
        String[] head = {"export", "--db", db, "1", "--folded", "-o"};
        String[] all = new String[head.length + 1 + transforms.length];
        System.arraycopy(head, 0, all, 0, 6);
        all[6] = out.toString();
        System.arraycopy(transforms, 0, all, 7, transforms.length);
        CliRunner.Result r = CliRunner.run(all);
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void exportFoldedAppliesTheTransformsInOrder() throws Exception {
        String db = store();
        assertEquals("main 2\nmain;idle 1\nmain;lex 3\nmain;load;lex 4\n",
                export(db, "--transform", "merge:parse"));
        assertEquals("parse 2\n", export(db, "--transform", "focus-node:main;parse", "--transform", "exclude:lex"));
        assertEquals("main;idle 1\nmain;load;parse;lex 4\nmain;parse 2\nmain;parse;lex 3\n", export(db));
    }

    @Test
    void flameTakesThemTooAndAMisspeltOneIsAUsageError() throws Exception {
        String db = store();
        Path svg = dir.resolve("f.svg");
        CliRunner.Result r = CliRunner.run("flame", "--db", db, "1", "-o", svg.toString(),
                "--transform", "merge:parse");
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("lex"));
        assertTrue(!text.contains(">parse<") && !text.contains("parse ("), "the merged function is gone");
        CliRunner.Result bad = CliRunner.run("flame", "--db", db, "1", "-o", svg.toString(), "--transform", "fold:x");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown transform 'fold'"), bad.err());
    }
}
