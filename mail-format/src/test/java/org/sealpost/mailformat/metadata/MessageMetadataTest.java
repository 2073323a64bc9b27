package org.sealpost.mailformat.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageMetadataTest {

    private static final MessageMetadata FULL = new MessageMetadata(
            new MailAddress("Jörg Müller", "joerg@example.de"),
            List.of(new MailAddress(null, "replies@example.de")),
            List.of(new MailAddress("Zoë 🦊 Ångström", "zoe@example.se"), new MailAddress(null, "bob@example.com")),
            List.of(new MailAddress("日本語", "nihongo@example.jp")),
            "Prüfbericht – Q3 ✓",
            OffsetDateTime.of(2024, 3, 8, 17, 45, 30, 123_000_000, ZoneOffset.ofHoursMinutes(5, 30)),
            "<mixed@example.de>",
            List.of(
                    new AttachmentInfo("Grüße an alle.txt", "text/plain", 180),
                    new AttachmentInfo(null, "image/png", 0),
                    new AttachmentInfo("huge.iso", "application/octet-stream", 5_000_000_000L)),
            8112,
            true,
            true);

    private static final MessageMetadata EMPTY =
            new MessageMetadata(null, List.of(), List.of(), List.of(), null, null, null, List.of(), 0, false, false);

    @Test
    void fullRecordWithNonAsciiTextRoundTrips() {
        assertThat(MessageMetadata.decode(FULL.encode())).isEqualTo(FULL);
    }

    @Test
    void recordOfNullsAndEmptyListsRoundTrips() {
        assertThat(MessageMetadata.decode(EMPTY.encode())).isEqualTo(EMPTY);
        MessageMetadata onlyText =
                new MessageMetadata(null, List.of(), List.of(), List.of(), "", null, null, List.of(), 1, true, false);
        assertThat(MessageMetadata.decode(onlyText.encode())).isEqualTo(onlyText);
    }

    @Test
    void subjectLongerThanSixtyFourKilobytesRoundTrips() {
        MessageMetadata longSubject = new MessageMetadata(
                null, List.of(), List.of(), List.of(), "ü".repeat(70_000), null, null, List.of(), 1, false, false);

        assertThat(MessageMetadata.decode(longSubject.encode()).subject()).isEqualTo("ü".repeat(70_000));
    }

    @Test
    void dateKeepsTheSendersOffset() {
        OffsetDateTime decoded = MessageMetadata.decode(FULL.encode()).date();

        assertThat(decoded.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(decoded.getHour()).isEqualTo(17);
        assertThat(decoded.getNano()).isEqualTo(123_000_000);
    }

    @Test
    void encodingStartsWithTheFormatVersionAndIsCompact() {
        byte[] encoded = EMPTY.encode();

        assertThat(encoded[0]).isEqualTo(MessageMetadata.FORMAT_V1);
        // version, flags, from flag, three list counts, subject, date flag, message id, attachments, size
        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("01" + "00" + "00" + "00000000".repeat(3) + "ffffffff" + "00" + "ffffffff" + "00000000"
                        + "0000000000000000");
    }

    /**
     * Metadata is stored encrypted next to every received message and never rewritten: bytes that
     * an earlier release wrote (here {@link #FULL} as encoded before the string codec was shared
     * with the drafts) must decode to the same record, and encoding must still give those bytes.
     */
    @Test
    void recordStoredByEarlierReleasesStillDecodes() {
        byte[] stored = HexFormat.of()
                .parseHex(
                        "0103010000000d4ac3b67267204dc3bc6c6c6572000000106a6f657267406578616d706c652e646500000001ffffffff"
                                + "000000127265706c696573406578616d706c652e646500000002000000145a6fc3ab20f09fa68a20c3856e67737472c3"
                                + "b66d0000000e7a6f65406578616d706c652e7365ffffffff0000000f626f62406578616d706c652e636f6d0000000100"
                                + "000009e697a5e69cace8aa9e000000126e69686f6e676f406578616d706c652e6a70000000175072c3bc666265726963"
                                + "687420e2809320513320e29c93010000000065eb01620754d4c000004d58000000123c6d69786564406578616d706c65"
                                + "2e64653e00000003000000134772c3bcc39f6520616e20616c6c652e7478740000000a746578742f706c61696e000000"
                                + "00000000b4ffffffff00000009696d6167652f706e67000000000000000000000008687567652e69736f000000186170"
                                + "706c69636174696f6e2f6f637465742d73747265616d000000012a05f2000000000000001fb0");

        assertThat(MessageMetadata.decode(stored)).isEqualTo(FULL);
        assertThat(FULL.encode()).isEqualTo(stored);
    }

    @Test
    void unknownVersionTruncationAndTrailingBytesAreRejectedClearly() {
        byte[] encoded = FULL.encode();
        byte[] future = encoded.clone();
        future[0] = 2;

        assertThatThrownBy(() -> MessageMetadata.decode(future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format version 2");
        for (int length : new int[] {0, 1, 2, 10, encoded.length / 2, encoded.length - 1}) {
            assertThatThrownBy(() -> MessageMetadata.decode(Arrays.copyOf(encoded, length)))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> MessageMetadata.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 trailing bytes");
    }

    @Test
    void corruptCountsDoNotAllocateHugeLists() {
        byte[] encoded = EMPTY.encode();
        // The reply-to count sits after version, flags and the absent-from flag.
        encoded[3] = 0x7f;

        assertThatThrownBy(() -> MessageMetadata.decode(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impossible element count");
    }

    @Test
    void listsAreImmutableCopies() {
        List<MailAddress> to = new java.util.ArrayList<>(List.of(new MailAddress(null, "a@example.org")));
        MessageMetadata metadata =
                new MessageMetadata(null, List.of(), to, List.of(), null, null, null, List.of(), 0, false, false);

        to.add(new MailAddress(null, "b@example.org"));

        assertThat(metadata.to()).hasSize(1);
        assertThatThrownBy(() -> metadata.to().add(new MailAddress(null, "c@example.org")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
