package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {

    @TempDir
    Path dir;

    /** Ten bytes with its newline. */
    private static String line(int i) {
        return String.format("line %04d", i);
    }

    @Test
    void theLiveFileRotatesBeforeALineWouldTakeItPastTheLimit() throws Exception {
        Path file = dir.resolve("portal.log");
        try (RotatingLog log = new RotatingLog(file, 30, 5)) {
            log.append(line(1));
            log.append(line(2));
            log.append(line(3));
            assertThat(Files.size(file)).isEqualTo(30);
            assertThat(Files.exists(dir.resolve("portal.log.1"))).isFalse();

            log.append(line(4));

            assertThat(Files.readAllLines(dir.resolve("portal.log.1"))).containsExactly(line(1), line(2), line(3));
            assertThat(Files.readAllLines(file)).containsExactly(line(4));
        }
    }

    @Test
    void keepsTheGivenNumberOfFilesDroppingTheOldest() throws Exception {
        Path file = dir.resolve("portal.log");
        try (RotatingLog log = new RotatingLog(file, 20, 3)) {
            for (int i = 1; i <= 10; i++) {
                log.append(line(i));
            }
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("portal.log", "portal.log.1", "portal.log.2");
        }
        assertThat(Files.readAllLines(file)).containsExactly(line(9), line(10));
        assertThat(Files.readAllLines(dir.resolve("portal.log.1"))).containsExactly(line(7), line(8));
        assertThat(Files.readAllLines(dir.resolve("portal.log.2"))).containsExactly(line(5), line(6));
    }

    @Test
    void aRestartAppendsToTheLiveFileAndCountsWhatIsAlreadyThere() throws Exception {
        Path file = dir.resolve("portal.log");
        try (RotatingLog log = new RotatingLog(file, 30, 2)) {
            log.append(line(1));
            log.append(line(2));
        }
        try (RotatingLog log = new RotatingLog(file, 30, 2)) {
            log.append(line(3));
            log.append(line(4));
        }

        assertThat(Files.readAllLines(dir.resolve("portal.log.1"))).containsExactly(line(1), line(2), line(3));
        assertThat(Files.readAllLines(file)).containsExactly(line(4));
    }

    @Test
    void lastLinesAreTheEndOfTheLiveFile() throws Exception {
        try (RotatingLog log = new RotatingLog(dir.resolve("portal.log"), 1_000_000, 2)) {
            for (int i = 1; i <= 100; i++) {
                log.append(line(i));
            }
            assertThat(log.lastLines(3)).containsExactly(line(98), line(99), line(100));
        }
    }
}
