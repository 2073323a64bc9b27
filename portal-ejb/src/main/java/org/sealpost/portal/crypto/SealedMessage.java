package org.sealpost.portal.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One message's content as stored: the data key wrapped under key-encryption key
 * {@code kekVersion}, and the raw MIME and the metadata record, each encrypted under that data
 * key. Every byte array has the layout {@code version(1) | nonce(12) | ciphertext | tag(16)}.
 *
 * <p>The arrays are copied in and out so the record is really immutable; that costs a copy of
 * the MIME per access, small next to the database round trip that moves it.
 */
public record SealedMessage(int kekVersion, byte[] wrappedKey, byte[] mimeCiphertext, byte[] metadataCiphertext) {

    public SealedMessage {
        if (kekVersion < 1) {
            throw new IllegalArgumentException("KEK versions start at 1, got " + kekVersion);
        }
        wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey").clone();
        mimeCiphertext =
                Objects.requireNonNull(mimeCiphertext, "mimeCiphertext").clone();
        metadataCiphertext =
                Objects.requireNonNull(metadataCiphertext, "metadataCiphertext").clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] mimeCiphertext() {
        return mimeCiphertext.clone();
    }

    @Override
    public byte[] metadataCiphertext() {
        return metadataCiphertext.clone();
    }

    /** The same content with its data key wrapped differently (key rotation). */
    SealedMessage withWrappedKey(int newKekVersion, byte[] newWrappedKey) {
        return new SealedMessage(newKekVersion, newWrappedKey, mimeCiphertext, metadataCiphertext);
    }

    // Package-private views without the defensive copy, for MessageSealer only.
    byte[] wrappedKeyView() {
        return wrappedKey;
    }

    byte[] mimeCiphertextView() {
        return mimeCiphertext;
    }

    byte[] metadataCiphertextView() {
        return metadataCiphertext;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedMessage that
                && kekVersion == that.kekVersion
                && Arrays.equals(wrappedKey, that.wrappedKey)
                && Arrays.equals(mimeCiphertext, that.mimeCiphertext)
                && Arrays.equals(metadataCiphertext, that.metadataCiphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kekVersion,
                Arrays.hashCode(wrappedKey),
                Arrays.hashCode(mimeCiphertext),
                Arrays.hashCode(metadataCiphertext));
    }

    @Override
    public String toString() {
        return "SealedMessage[kekVersion=" + kekVersion + ", wrappedKey=" + wrappedKey.length
                + " bytes, mimeCiphertext=" + mimeCiphertext.length + " bytes, metadataCiphertext="
                + metadataCiphertext.length + " bytes]";
    }
}
