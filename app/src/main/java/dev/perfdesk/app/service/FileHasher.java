package dev.perfdesk.app.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** SHA-256 of a file's bytes, which identifies a file's content for duplicate detection. */
public final class FileHasher {

    private FileHasher() {
    }

    /** The hex SHA-256 of {@code file}. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The hex SHA-256 of a folder read as one unit: of each regular file's path relative to {@code folder} (with
     * {@code /}), a NUL, its size and its bytes, in path order; hidden files left out.
     */
    public static String sha256Folder(Path folder) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !folder.relativize(p).toString().startsWith(".")
                    && !folder.relativize(p).toString().contains(java.io.File.separator + ".")).sorted().toList();
        }
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            digest.update(folder.relativize(f).toString().replace(java.io.File.separatorChar, '/')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(Files.size(f)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hashes {@code file} on {@code executor}, so it can run beside parsing on another core. */
    public static CompletableFuture<String> sha256Async(Path file, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.isDirectory(file) ? sha256Folder(file) : sha256(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }
}
