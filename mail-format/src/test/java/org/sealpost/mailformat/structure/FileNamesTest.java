package org.sealpost.mailformat.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathIsReducedToItsLastSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd", "f")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\x\\report.pdf", "f")).isEqualTo("report.pdf");
    }

    @Test
    void controlAndBidiOverrideCharactersAreReplaced() {
        assertThat(FileNames.sanitize("evil\r\nX-Header: 1.pdf", "f")).isEqualTo("evil__X-Header_ 1.pdf");
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe", "f")).isEqualTo("invoice_fdp.exe");
        assertThat(FileNames.sanitize("a\u0000b.txt", "f")).isEqualTo("a_b.txt");
    }

    @Test
    void leadingDotsAndTrailingDotsOrSpacesAreRemoved() {
        assertThat(FileNames.sanitize(".bashrc", "f")).isEqualTo("bashrc");
        assertThat(FileNames.sanitize("report.pdf. . ", "f")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitize("..", "fallback")).isEqualTo("fallback");
        assertThat(FileNames.sanitize("   ", "fallback")).isEqualTo("fallback");
        assertThat(FileNames.sanitize(null, "fallback")).isEqualTo("fallback");
    }

    @Test
    void windowsDeviceNamesArePrefixed() {
        assertThat(FileNames.sanitize("CON.txt", "f")).isEqualTo("_CON.txt");
        assertThat(FileNames.sanitize("console.txt", "f")).isEqualTo("console.txt");
    }

    @Test
    void longNamesAreShortenedTo255CharactersKeepingTheExtension() {
        String name = "ä".repeat(300) + ".pdf";

        String safe = FileNames.sanitize(name, "f");

        assertThat(safe).hasSize(255).endsWith("ä.pdf");
    }

    @Test
    void shorteningNeverSplitsASurrogatePair() {
        String name = "a" + "😀".repeat(200);

        String safe = FileNames.sanitize(name, "f");

        assertThat(safe.length()).isLessThanOrEqualTo(255);
        assertThat(Character.isHighSurrogate(safe.charAt(safe.length() - 1))).isFalse();
    }
}
