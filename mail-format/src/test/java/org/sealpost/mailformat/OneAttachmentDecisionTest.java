package org.sealpost.mailformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.mailformat.view.MessageRendering;

/**
 * The inbox's paper-clip (intake's metadata) and the message page's attachment list come from
 * one decision: for each awkward structure real mailers send (Outlook, Apple Mail, Gmail,
 * Thunderbird, a scanner, and HTML that names {@code cid:} parts in a link and a script, which the
 * sanitised body does not show), both list the same parts under the same names, and those are the
 * ones the fixture's {@code .expected} file names ({@code name TAB type} per line, empty when the
 * message has no attachment).
 */
class OneAttachmentDecisionTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(
                OneAttachmentDecisionTest.class.getResource("/attachment-cases").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - ".eml".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inboxAndMessagePageListTheSameAttachments(String name) throws IOException {
        byte[] raw = resource(name + ".eml");
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);

        List<String> inbox = reading.metadata().attachments().stream()
                .map(a -> a.fileName() + "\t" + a.contentType())
                .toList();
        List<String> page = MessageRendering.parse(raw).attachments().stream()
                .map(a -> a.fileName() + "\t" + a.contentType())
                .toList();

        assertThat(page)
                .as("the message page's list against the inbox's metadata")
                .isEqualTo(inbox);
        assertThat(inbox).as("the attachments of " + name).isEqualTo(expected(name));
    }

    private static List<String> expected(String name) throws IOException {
        return new String(resource(name + ".expected"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = OneAttachmentDecisionTest.class.getResourceAsStream("/attachment-cases/" + name)) {
            assertThat(in).as("test resource attachment-cases/" + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
