package org.sealpost.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sealpost.search.TestMessages.message;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageIndexesTest {

    private static final byte[] KEY = "test-index-key-32-bytes-long!!!!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void inMemoryIndexSearchesLikeAnyOther() throws Exception {
        try (MessageIndex index = MessageIndexes.inMemory(KEY)) {
            index.index(message(1, "m1").subject("Quarterly report").build());

            assertThat(index.search(1, "\"quarterly report\"", 0, 10).messageIds())
                    .containsExactly("m1");
        }
    }

    @Test
    void keyShorterThanSixteenBytesIsRefused() {
        assertThatThrownBy(() -> MessageIndexes.inMemory(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> MessageIndexes.inMemory(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
