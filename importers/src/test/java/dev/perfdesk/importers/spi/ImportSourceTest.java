package dev.perfdesk.importers.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source is a regular file; its gzip failures say in words where the compressed data stopped. */
class ImportSourceTest {
    @TempDir
    Path dir;

    @Test
    void refusesWhatIsNotARegularFileBeforeOpeningIt() throws Exception {
        IOException e = assertThrows(IOException.class, () -> ImportSource.of(dir));
        assertEquals(dir + " is a folder, not a file", e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            e = assertThrows(IOException.class, () -> ImportSource.of(zero));
            assertEquals("/dev/zero is not a regular file (a named pipe, device or socket)", e.getMessage());
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ImportSource.of(dir.resolve("missing")));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    private static void readAll(ImportSource source) throws IOException {
        try (InputStream in = source.open()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Test
    void cutGzipSaysWhereTheDataStops() throws Exception {
        byte[] whole = gzip("line of text\n".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, 300));
        EOFException e = assertThrows(EOFException.class, () -> readAll(ImportSource.of(cut)));
        assertEquals("the compressed data stops at byte 300 of 300 before the gzip stream ends; the file looks cut",
                e.getMessage());
    }

    @Test
    void damagedGzipSaysSoInWords() throws Exception {
        byte[] whole = gzip("line of text\n".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        byte[] trailer = whole.clone();
        trailer[trailer.length - 5] ^= 0x55;
        Path file = Files.write(dir.resolve("trailer.gz"), trailer);
        ZipException e = assertThrows(ZipException.class, () -> readAll(ImportSource.of(file)));
        assertEquals("the gzip trailer's checksum or length does not match the data; the file is damaged",
                e.getMessage());
        byte[] header = whole.clone();
        header[2] = 7;
        Path method = Files.write(dir.resolve("method.gz"), header);
        e = assertThrows(ZipException.class, () -> readAll(ImportSource.of(method)));
        assertEquals("the gzip stream uses a compression method other than deflate", e.getMessage());
        byte[] body = whole.clone();
        Arrays.fill(body, 10, 40, (byte) 0xFF);
        Path damaged = Files.write(dir.resolve("damaged.gz"), body);
        IOException x = assertThrows(IOException.class, () -> readAll(ImportSource.of(damaged)));
        assertTrue(x.getMessage().startsWith("the compressed data "), x.getMessage());
    }
}
