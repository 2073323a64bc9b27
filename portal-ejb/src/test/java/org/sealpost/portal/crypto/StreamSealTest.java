package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files sealed as a stream of chunks: round trip, and every way of tampering with the chunks refused. */
class StreamSealTest {

    @TempDir
    Path dir;

    private MessageSealer sealer;
    private final UUID id = UUID.randomUUID();
    private SealedMessage keyHolder;

    @BeforeEach
    void setUp() {
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        keyHolder = sealer.seal(id, "label".getBytes(), new byte[0]);
    }

    private byte[] seal(byte[] plain) throws Exception {
        return sealer.sealStream(id, keyHolder, new ByteArrayInputStream(plain)).readAllBytes();
    }

    private byte[] open(byte[] sealed) throws Exception {
        return sealer.openStream(id, keyHolder, new ByteArrayInputStream(sealed))
                .readAllBytes();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 1_000_003})
    void anyLengthComesBackByteForByte(int length) throws Exception {
        byte[] plain = new byte[length];
        new Random(length).nextBytes(plain);

        byte[] sealed = seal(plain);

        assertThat(open(sealed)).isEqualTo(plain);
        assertThat(sealed.length).isGreaterThan(length);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() throws Exception {
        byte[] plain = "the quarterly figures are bad ".repeat(5000).getBytes();
        byte[] sealed = seal(plain);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("quarterly");
    }

    @Test
    void aStreamCutAfterAFullChunkIsRefused() throws Exception {
        byte[] sealed = seal(new byte[3 * 65_536]);
        int oneChunk = 5 + 65_536 + 29;
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, oneChunk)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ends before its last chunk");
    }

    @Test
    void swappedChunksAreRefused() throws Exception {
        byte[] sealed = seal(new byte[2 * 65_536 + 10]);
        int oneChunk = 5 + 65_536 + 29;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, oneChunk, swapped, 0, oneChunk);
        System.arraycopy(sealed, 0, swapped, oneChunk, oneChunk);
        assertThatThrownBy(() -> open(swapped)).isInstanceOf(IOException.class).hasMessageContaining("authentication");
    }

    @Test
    void aFlippedBitIsRefused() throws Exception {
        byte[] sealed = seal(new byte[1000]);
        sealed[100] ^= 1;
        assertThatThrownBy(() -> open(sealed)).isInstanceOf(IOException.class);
    }

    @Test
    void anotherStreamsKeyOrIdDoesNotOpenIt() throws Exception {
        byte[] sealed = seal(new byte[1000]);
        UUID other = UUID.randomUUID();
        SealedMessage otherKey = sealer.seal(other, "label".getBytes(), new byte[0]);
        try (InputStream in = sealer.openStream(other, otherKey, new ByteArrayInputStream(sealed))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void sealingReadsTheSourceAsItGoesNotAllAtOnce() throws Exception {
        int[] maxAhead = {0};
        long[] consumed = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                consumed[0]++;
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 7);
                consumed[0] += len;
                return len;
            }
        };
        try (InputStream sealing = sealer.sealStream(id, keyHolder, endless)) {
            byte[] buffer = new byte[8192];
            long produced = 0;
            while (produced < 10L * 1024 * 1024) {
                produced += sealing.read(buffer);
                maxAhead[0] = (int) Math.max(maxAhead[0], consumed[0] - produced);
            }
        }
        // At most the chunk being sealed and the one read ahead.
        assertThat(maxAhead[0]).isLessThanOrEqualTo(2 * 65_536);
    }
}
