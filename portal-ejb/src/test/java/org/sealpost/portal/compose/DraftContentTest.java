package org.sealpost.portal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftContentTest {

    private static final DraftContent DRAFT = new DraftContent(
            new DraftFields("zoë@example.se", "", "Prüfbericht – Q3 ✓", "Grüße 🦊\r\nzweite Zeile"),
            "<orig@example.de>",
            null,
            List.of("1.2", "3"));

    /**
     * Drafts are sealed into {@code draft.content_ciphertext} and read back by later releases:
     * bytes written before the string codec was shared with the message metadata must decode to
     * the same draft, and encoding must still give those bytes.
     */
    @Test
    void contentSealedByEarlierReleasesStillDecodes() {
        byte[] stored = HexFormat.of()
                .parseHex(
                        "010000000f7a6fc3ab406578616d706c652e736500000000000000175072c3bc666265726963687420e2809320513320"
                                + "e29c930000001a4772c3bcc39f6520f09fa68a0d0a7a7765697465205a65696c65000000113c6f726967406578616d70"
                                + "6c652e64653effffffff0000000200000003312e320000000133");

        assertThat(DraftContent.decode(stored)).isEqualTo(DRAFT);
        assertThat(DRAFT.encode()).isEqualTo(stored);
    }

    @Test
    void stringLongerThanWhatIsLeftIsRefused() {
        byte[] stored = DRAFT.encode();
        // The "to" field's length sits right after the format byte.
        stored[4] = 0x7f;

        assertThatThrownBy(() -> DraftContent.decode(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draft content has a string of impossible length 127");
    }
}
