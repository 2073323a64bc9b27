package org.sealpost.portal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.crypto.internal.AesGcm;

class MessageSealerTest {

    private static final char[] PASSWORD = "test-keystore-password".toCharArray();
    private static final byte[] MIME = ("From: alice@example.org\r\nSubject: quarterly figures\r\n\r\n"
                    + "The body of the secret message.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "encoded metadata record".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private KeyEncryptionKeys keks;
    private MessageSealer sealer;

    @BeforeEach
    void setUp() {
        keks = KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), PASSWORD);
        sealer = new MessageSealer(keks);
    }

    @Test
    void sealedMessageOpensToTheOriginalMimeAndMetadata() throws Exception {
        UUID id = UUID.randomUUID();

        SealedMessage sealed = sealer.seal(id, MIME, METADATA);

        assertThat(sealer.openMime(id, sealed)).isEqualTo(MIME);
        assertThat(sealer.openMetadata(id, sealed)).isEqualTo(METADATA);
        assertThat(sealed.kekVersion()).isEqualTo(1);
    }

    @Test
    void emptyAndMegabyteSizedContentRoundTrip() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(large);

        SealedMessage sealed = sealer.seal(id, large, new byte[0]);

        assertThat(sealer.openMime(id, sealed)).isEqualTo(large);
        assertThat(sealer.openMetadata(id, sealed)).isEmpty();
    }

    @Test
    void ciphertextLayoutIsVersionByteNonceCiphertextAndTag() {
        SealedMessage sealed = sealer.seal(UUID.randomUUID(), MIME, METADATA);

        assertThat(sealed.mimeCiphertext()).hasSize(1 + 12 + MIME.length + 16);
        assertThat(sealed.metadataCiphertext()).hasSize(1 + 12 + METADATA.length + 16);
        assertThat(sealed.wrappedKey()).hasSize(1 + 12 + 32 + 16);
        assertThat(sealed.mimeCiphertext()[0]).isEqualTo((byte) 1);
        assertThat(sealed.metadataCiphertext()[0]).isEqualTo((byte) 1);
        assertThat(sealed.wrappedKey()[0]).isEqualTo((byte) 1);
    }

    @Test
    void sealedMessageDoesNotOpenUnderAnotherMessageId() {
        SealedMessage sealed = sealer.seal(UUID.randomUUID(), MIME, METADATA);
        UUID otherId = UUID.randomUUID();

        assertThatThrownBy(() -> sealer.openMime(otherId, sealed))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining(otherId.toString())
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> sealer.openMetadata(otherId, sealed)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void mimeAndMetadataCiphertextsSwappedWithinOneMessageFailToOpen() {
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, MIME, METADATA);
        SealedMessage swapped = new SealedMessage(
                sealed.kekVersion(), sealed.wrappedKey(), sealed.metadataCiphertext(), sealed.mimeCiphertext());

        assertThatThrownBy(() -> sealer.openMime(id, swapped))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("mime of message " + id);
        assertThatThrownBy(() -> sealer.openMetadata(id, swapped))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("metadata of message " + id);
    }

    @Test
    void ciphertextsMovedBetweenTwoMessagesFailToOpen() {
        UUID idA = UUID.randomUUID();
        UUID idB = UUID.randomUUID();
        SealedMessage a = sealer.seal(idA, MIME, METADATA);
        SealedMessage b = sealer.seal(idB, MIME, METADATA);

        SealedMessage bWithMimeOfA =
                new SealedMessage(b.kekVersion(), b.wrappedKey(), a.mimeCiphertext(), b.metadataCiphertext());
        SealedMessage bWithMetadataOfA =
                new SealedMessage(b.kekVersion(), b.wrappedKey(), b.mimeCiphertext(), a.metadataCiphertext());
        SealedMessage bWithKeyOfA =
                new SealedMessage(b.kekVersion(), a.wrappedKey(), b.mimeCiphertext(), b.metadataCiphertext());

        assertThatThrownBy(() -> sealer.openMime(idB, bWithMimeOfA)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.openMetadata(idB, bWithMetadataOfA)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.openMime(idB, bWithKeyOfA))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("wrapped data key");
    }

    @Test
    void contentCiphertextIsBoundToItsMessageIdEvenWhenItsDataKeyIsRewrappedForAnotherRow() throws Exception {
        UUID idA = UUID.randomUUID();
        UUID idB = UUID.randomUUID();
        SealedMessage a = sealer.seal(idA, MIME, METADATA);
        // Pins the stored associated-data format too: changing it would strand every stored message.
        byte[] dataKey = AesGcm.open(keks.key(1), a.wrappedKey(), ascii("sealpost/v1|dek|" + idA + "|kek-v1"));
        byte[] dataKeyWrappedForB = AesGcm.seal(
                keks.key(1), dataKey, ascii("sealpost/v1|dek|" + idB + "|kek-v1"), new java.security.SecureRandom());
        SealedMessage movedToB = new SealedMessage(1, dataKeyWrappedForB, a.mimeCiphertext(), a.metadataCiphertext());

        assertThatThrownBy(() -> sealer.openMime(idB, movedToB))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("The mime of message " + idB + " failed authentication");
        assertThatThrownBy(() -> sealer.openMetadata(idB, movedToB))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("The metadata of message " + idB + " failed authentication");
        assertThat(AesGcm.open(
                        new javax.crypto.spec.SecretKeySpec(dataKey, "AES"),
                        a.mimeCiphertext(),
                        ascii("sealpost/v1|mime|" + idA)))
                .isEqualTo(MIME);
    }

    @ParameterizedTest(name = "flipping a bit at offset {0} of each ciphertext fails")
    @ValueSource(ints = {0, 1, 12, 13, 20, -1})
    void flippedBitAnywhereFailsToOpen(int offset) {
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, MIME, METADATA);

        SealedMessage badKey = new SealedMessage(
                1, flip(sealed.wrappedKey(), offset), sealed.mimeCiphertext(), sealed.metadataCiphertext());
        SealedMessage badMime = new SealedMessage(
                1, sealed.wrappedKey(), flip(sealed.mimeCiphertext(), offset), sealed.metadataCiphertext());
        SealedMessage badMetadata = new SealedMessage(
                1, sealed.wrappedKey(), sealed.mimeCiphertext(), flip(sealed.metadataCiphertext(), offset));

        assertThatThrownBy(() -> sealer.openMime(id, badKey)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.openMetadata(id, badKey)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.openMime(id, badMime)).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> sealer.openMetadata(id, badMetadata)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void changedVersionByteIsReportedAsUnknownFormat() {
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, MIME, METADATA);
        byte[] mime = sealed.mimeCiphertext();
        mime[0] = 2;

        assertThatThrownBy(() -> sealer.openMime(
                        id, new SealedMessage(1, sealed.wrappedKey(), mime, sealed.metadataCiphertext())))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("unknown ciphertext format version 2");
    }

    @Test
    void truncatedCiphertextIsReportedAsTooShort() {
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, MIME, METADATA);

        assertThatThrownBy(() -> sealer.openMime(
                        id,
                        new SealedMessage(
                                1,
                                sealed.wrappedKey(),
                                Arrays.copyOf(sealed.mimeCiphertext(), 20),
                                sealed.metadataCiphertext())))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("shorter than the 29-byte minimum");
        assertThatThrownBy(() -> sealer.openMime(
                        id,
                        new SealedMessage(
                                1,
                                sealed.wrappedKey(),
                                Arrays.copyOf(sealed.mimeCiphertext(), sealed.mimeCiphertext().length - 1),
                                sealed.metadataCiphertext())))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void changedKekVersionOnTheRowFailsToOpen() {
        UUID id = UUID.randomUUID();
        SealedMessage sealedUnderV1 = sealer.seal(id, MIME, METADATA);
        keks.rotate();

        SealedMessage claimsV2 = new SealedMessage(
                2, sealedUnderV1.wrappedKey(), sealedUnderV1.mimeCiphertext(), sealedUnderV1.metadataCiphertext());
        SealedMessage claimsV7 = new SealedMessage(
                7, sealedUnderV1.wrappedKey(), sealedUnderV1.mimeCiphertext(), sealedUnderV1.metadataCiphertext());

        assertThatThrownBy(() -> sealer.openMime(id, claimsV2))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("kek-v2");
        assertThatThrownBy(() -> sealer.openMime(id, claimsV7))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("kek-v7, which keystore");
    }

    @Test
    void messageSealedUnderKekV1StillOpensAfterRotationWhileNewSealsUseV2() throws Exception {
        UUID oldId = UUID.randomUUID();
        SealedMessage old = sealer.seal(oldId, MIME, METADATA);

        int newVersion = keks.rotate();
        UUID newId = UUID.randomUUID();
        SealedMessage fresh = sealer.seal(newId, MIME, METADATA);

        assertThat(newVersion).isEqualTo(2);
        assertThat(old.kekVersion()).isEqualTo(1);
        assertThat(fresh.kekVersion()).isEqualTo(2);
        assertThat(sealer.openMime(oldId, old)).isEqualTo(MIME);
        assertThat(sealer.openMime(newId, fresh)).isEqualTo(MIME);
        MessageSealer afterRestart = new MessageSealer(KeyEncryptionKeys.open(keks.path(), PASSWORD));
        assertThat(afterRestart.openMetadata(oldId, old)).isEqualTo(METADATA);
        assertThat(afterRestart.openMetadata(newId, fresh)).isEqualTo(METADATA);
    }

    @Test
    void rewrapMovesTheDataKeyToTheCurrentKekAndKeepsTheContentCiphertexts() throws Exception {
        UUID id = UUID.randomUUID();
        SealedMessage old = sealer.seal(id, MIME, METADATA);
        keks.rotate();

        SealedMessage rewrapped = sealer.rewrap(id, old);

        assertThat(rewrapped.kekVersion()).isEqualTo(2);
        assertThat(rewrapped.wrappedKey()).isNotEqualTo(old.wrappedKey());
        assertThat(rewrapped.mimeCiphertext()).isEqualTo(old.mimeCiphertext());
        assertThat(sealer.openMime(id, rewrapped)).isEqualTo(MIME);
        assertThat(sealer.openMetadata(id, rewrapped)).isEqualTo(METADATA);
        assertThat(sealer.rewrap(id, rewrapped)).isSameAs(rewrapped);
    }

    @Test
    void messageDoesNotOpenWithAnotherInstallationsKek() {
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, MIME, METADATA);
        MessageSealer otherInstallation =
                new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("other.p12"), PASSWORD));

        assertThatThrownBy(() -> otherInstallation.openMime(id, sealed))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("this keystore holds a different kek-v1");
    }

    @Test
    void noPlaintextMarkerAppearsInAnyCiphertext() {
        String marker = "SEALPOST-PLAINTEXT-MARKER";
        byte[] mime = ("Subject: " + marker + "\r\n\r\n" + marker.repeat(200)).getBytes(StandardCharsets.UTF_8);
        byte[] metadata = (marker + "|attachment " + marker + ".pdf").getBytes(StandardCharsets.UTF_8);
        byte[] markerBytes = marker.getBytes(StandardCharsets.UTF_8);
        byte[] markerUtf16 = marker.getBytes(StandardCharsets.UTF_16LE);

        SealedMessage sealed = sealer.seal(UUID.randomUUID(), mime, metadata);

        for (byte[] stored : new byte[][] {sealed.wrappedKey(), sealed.mimeCiphertext(), sealed.metadataCiphertext()}) {
            assertThat(indexOf(stored, markerBytes)).isEqualTo(-1);
            assertThat(indexOf(stored, markerUtf16)).isEqualTo(-1);
            assertThat(indexOf(stored, Arrays.copyOf(markerBytes, 8))).isEqualTo(-1);
        }
        // Guards the check itself: the helper does find the marker in the plaintext.
        assertThat(indexOf(mime, markerBytes)).isEqualTo(9);
    }

    @Test
    void twoSealsOfTheSamePlaintextUseDifferentNoncesAndKeys() {
        UUID id = UUID.randomUUID();
        SealedMessage first = sealer.seal(id, MIME, METADATA);
        SealedMessage second = sealer.seal(id, MIME, METADATA);

        Function<byte[], byte[]> nonce = bytes -> Arrays.copyOfRange(bytes, 1, 13);
        assertThat(nonce.apply(first.mimeCiphertext())).isNotEqualTo(nonce.apply(second.mimeCiphertext()));
        assertThat(nonce.apply(first.metadataCiphertext())).isNotEqualTo(nonce.apply(second.metadataCiphertext()));
        assertThat(nonce.apply(first.wrappedKey())).isNotEqualTo(nonce.apply(second.wrappedKey()));
        assertThat(nonce.apply(first.mimeCiphertext())).isNotEqualTo(nonce.apply(first.metadataCiphertext()));
        assertThat(first.mimeCiphertext()).isNotEqualTo(second.mimeCiphertext());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
    }

    @Test
    void sealedMessageIsImmutableAndComparesByContent() {
        byte[] key = {1, 2, 3};
        byte[] mime = {4, 5, 6};
        byte[] metadata = {7, 8, 9};
        SealedMessage sealed = new SealedMessage(1, key, mime, metadata);

        key[0] = 99;
        sealed.mimeCiphertext()[0] = 99;

        assertThat(sealed.wrappedKey()).containsExactly(1, 2, 3);
        assertThat(sealed.mimeCiphertext()).containsExactly(4, 5, 6);
        assertThat(sealed)
                .isEqualTo(new SealedMessage(1, new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, new byte[] {7, 8, 9}));
        assertThat(sealed)
                .hasSameHashCodeAs(
                        new SealedMessage(1, new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, new byte[] {7, 8, 9}));
        assertThat(sealed.toString()).doesNotContain("[B@");
        assertThatThrownBy(() -> new SealedMessage(0, key, mime, metadata))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] flip(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        int index = offset >= 0 ? offset : copy.length + offset;
        copy[index] ^= 0x01;
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
