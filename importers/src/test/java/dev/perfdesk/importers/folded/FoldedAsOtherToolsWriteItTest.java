package dev.perfdesk.importers.folded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/** Folded stacks with byte-order marks, UTF-16, CRLF and a few malformed lines, as other tools write them. */
class FoldedAsOtherToolsWriteItTest {
    private static final String STACKS = "main;parse;lex 12\nmain;parse 3\nmain;render;draw_ü 7\n";

    @TempDir
    Path dir;

    private static Profile read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new FoldedImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(1, sink.profiles().size());
        return sink.profiles().get(0);
    }

    private static String fold(Profile p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FoldedStackWriter.write(p, FrameNamers.forProfile(p), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bom, String text, Charset cs) throws Exception {
        Path file = dir.resolve(name);
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-8"})
    void readsTextWithAByteOrderMarkAsTheSameStacks(String charset) throws Exception {
        Charset cs = Charset.forName(charset);
        byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : cs == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String ending : new String[] {"\n", "\r\n"}) {
            Path file = write("stacks-" + charset + ".txt", bom, STACKS.replace("\n", ending), cs);
            assertEquals(FoldedImporter.FORMAT, Importers.detect(ImportSource.of(file)).format(), charset);
            Profile p = read(file);
            assertEquals(22, p.info().totalWeight());
            assertEquals("main;parse 3\nmain;parse;lex 12\nmain;render;draw_ü 7\n", fold(p), charset + ending);
            assertFalse(p.info().attributes().containsKey(FoldedImporter.SKIPPED_LINES));
        }
    }

    @Test
    void readsCrlfLineEnds() throws Exception {
        Path file = write("crlf.folded", new byte[0], STACKS.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        assertEquals("main;parse 3\nmain;parse;lex 12\nmain;render;draw_ü 7\n", fold(read(file)));
    }

    @Test
    void importsTheGoodLinesAndSaysHowManyWereSkippedAndWhere() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            if (i == 3 || i == 9 || i == 10 || i == 17 || i == 22 || i == 31 || i == 38) {
                text.append(i % 2 == 0 ? "main;broken stack without count\n" : "main;f 12x\n");
            } else {
                text.append("main;f").append(i % 4).append(' ').append(i).append('\n');
            }
        }
        Path file = write("partly.folded", new byte[0], text.toString(), StandardCharsets.UTF_8);
        assertEquals(FoldedImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        Profile p = read(file);
        long expected = 0;
        for (int i = 1; i <= 40; i++) {
            expected += (i == 3 || i == 9 || i == 10 || i == 17 || i == 22 || i == 31 || i == 38) ? 0 : i;
        }
        assertEquals(expected, p.info().totalWeight());
        assertEquals("7 not 'frame;frame;... COUNT' (lines 3, 9, 10, 17, 22, ...)",
                p.info().attributes().get(FoldedImporter.SKIPPED_LINES));
    }

    @Test
    void oneSkippedLineIsNamedAloneAndUtf16WithABadLineIsStillFolded() throws Exception {
        Path file = write("one.folded", new byte[] {(byte) 0xFF, (byte) 0xFE}, "a;b 1\r\na;c 2\r\noops\r\n",
                StandardCharsets.UTF_16LE);
        assertEquals(FoldedImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        Profile p = read(file);
        assertEquals(3, p.info().totalWeight());
        assertEquals("1 not 'frame;frame;... COUNT' (line 3)", p.info().attributes().get(FoldedImporter.SKIPPED_LINES));
        assertTrue(fold(p).startsWith("a;b 1\n"));
    }
}
