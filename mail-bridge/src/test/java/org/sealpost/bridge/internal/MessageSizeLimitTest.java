package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class MessageSizeLimitTest {

    private final MessageSizeLimit limit = new MessageSizeLimit(1000);

    @Test
    void declaredSizeOverTheLimitIsRefusedWith552() {
        Decision decision = limit.decideDeclaredSize(1001);

        assertThat(decision.reply().line()).startsWith("552 5.3.4 ").contains("1000 bytes");
    }

    @Test
    void declaredSizeUpToTheLimitProceeds() {
        assertThat(limit.decideDeclaredSize(1000)).isEqualTo(Decision.PROCEED);
        assertThat(limit.decideDeclaredSize(0)).isEqualTo(Decision.PROCEED);
    }

    @Test
    void messageOfExactlyTheLimitIsKeptWhole() throws IOException {
        byte[] data = new byte[1000];
        data[999] = 42;

        MessageSizeLimit.ReceivedData received = limit.read(new ByteArrayInputStream(data));

        assertThat(received.bytes()).isEqualTo(data);
        assertThat(limit.decide(received)).isEqualTo(Decision.PROCEED);
    }

    @Test
    void oversizedMessageIsReadToItsEndButOnlyTheLimitIsKept() throws IOException {
        CountingStream tenMegabytes = new CountingStream(10_000_000);

        MessageSizeLimit.ReceivedData received = limit.read(tenMegabytes);

        assertThat(tenMegabytes.exhausted()).isTrue();
        assertThat(received.totalBytes()).isEqualTo(10_000_000);
        assertThat(received.bytes()).hasSize(1000);
        assertThat(limit.decide(received)).isEqualTo(Decision.refuse(limit.tooLarge()));
    }

    /** Produces {@code size} zero bytes without holding them. */
    private static final class CountingStream extends InputStream {
        private long remaining;

        CountingStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            remaining -= n;
            return n;
        }

        boolean exhausted() {
            return remaining <= 0;
        }
    }
}
