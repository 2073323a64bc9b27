package org.sealpost.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line log that never takes more than {@code maxBytes × files} of disk: lines go to
 * {@code portal.log}; when the next line would take it past {@code maxBytes} it becomes
 * {@code portal.log.1}, {@code .1} becomes {@code .2}, and so on; the oldest beyond
 * {@code files} is deleted. Appends across restarts, so a crash's lines survive the next start.
 *
 * <p>Hand-written rather than java.util.logging's FileHandler (which names the live file
 * {@code portal.log.0} and keeps a lock file) or Logback (a logging framework for one file):
 * the launcher copies another process's finished lines, it formats nothing.
 */
final class RotatingLog implements AutoCloseable {

    static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    static final int DEFAULT_FILES = 5;

    private final Path file;
    private final long maxBytes;
    private final int files;
    private OutputStream out;
    private long size;

    /** @param files how many files to keep, the live one included (at least 1) */
    RotatingLog(Path file, long maxBytes, int files) throws IOException {
        if (maxBytes <= 0 || files < 1) {
            throw new IllegalArgumentException("maxBytes must be positive and files at least 1");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.files = files;
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
    }

    Path file() {
        return file;
    }

    /** Writes one line (a newline is added), rotating first when it would not fit. */
    synchronized void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
        }
        // Unbuffered: each line reaches the file at once, so a reader (or the tail shown when
        // the server dies) sees it, and a killed launcher loses nothing it was given.
        out.write(bytes);
        size += bytes.length;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(files - 1));
        for (int i = files - 2; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (files > 1) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
        open();
    }

    private Path rotated(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    /** The last {@code n} lines of the live file (fewer if it has fewer). */
    synchronized List<String> lastLines(int n) throws IOException {
        return tail(file, n);
    }

    static List<String> tail(Path file, int n) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            // Enough for 40 lines of stack trace; a partial first line is dropped below.
            long from = Math.max(0, raf.length() - 256 * 1024);
            byte[] bytes = new byte[(int) (raf.length() - from)];
            raf.seek(from);
            raf.readFully(bytes);
            List<String> lines =
                    new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
            if (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines.removeLast();
            }
            if (from > 0 && !lines.isEmpty()) {
                lines.removeFirst();
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
