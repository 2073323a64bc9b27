package org.sealpost.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;

/**
 * The warm-up reads the shapes mail comes in, not one message many times: the branches the
 * inbox and the message page take (a paper-clip or none, a text or an HTML body or both, bytes or
 * kilobytes) are each taken before the first users arrive.
 */
class SampleMailTest {

    private static List<MessageMetadata> shapes() {
        return SampleMail.SHAPES.stream()
                .map(s -> MessageMetadata.decode(s.metadata()))
                .toList();
    }

    @Test
    void everyShapeIsAMessageTheIntakeReadsWithoutAProblem() {
        for (SampleMail sample : SampleMail.SHAPES) {
            MimeReading reading = new MimeMetadataExtractor().extract(sample.raw());
            assertThat(reading).isInstanceOf(MimeReading.Readable.class);
            assertThat(((MimeReading.Readable) reading).problems()).isEmpty();
            assertThat(((MimeReading.Readable) reading).metadata().encode()).isEqualTo(sample.metadata());
        }
    }

    @Test
    void theShapesHaveAttachmentsAndNoneTextAndHtmlBodiesAndSizesFromBytesToTensOfKilobytes() {
        List<MessageMetadata> shapes = shapes();
        assertThat(shapes).anyMatch(m -> m.attachments().isEmpty());
        assertThat(shapes).anyMatch(m -> !m.attachments().isEmpty());
        assertThat(shapes).anyMatch(m -> m.hasTextBody() && !m.hasHtmlBody());
        assertThat(shapes).anyMatch(m -> !m.hasTextBody() && m.hasHtmlBody());
        assertThat(shapes).anyMatch(m -> m.hasTextBody() && m.hasHtmlBody());
        assertThat(shapes).anyMatch(m -> m.totalSize() < 1024);
        assertThat(shapes).anyMatch(m -> m.totalSize() > 10 * 1024 && m.totalSize() < 1024 * 1024);
        assertThat(shapes).anyMatch(m -> !m.cc().isEmpty() && !m.replyTo().isEmpty());
    }

    @Test
    void anEncodedWordSubjectAndSenderAreDecoded() {
        assertThat(shapes()).extracting(MessageMetadata::subject).contains("Ihr Befund vom 3. Dezember");
        assertThat(shapes()).extracting(m -> m.from().displayName()).contains("Praxis Müller");
    }

    @Test
    void roundsCycleThroughEveryShape() {
        Set<SampleMail> seen = new HashSet<>();
        for (int i = 0; i < SampleMail.SHAPES.size(); i++) {
            seen.add(SampleMail.next());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(SampleMail.SHAPES);
        assertThat(SampleMail.nth(SampleMail.SHAPES.size())).isSameAs(SampleMail.nth(0));
    }
}
