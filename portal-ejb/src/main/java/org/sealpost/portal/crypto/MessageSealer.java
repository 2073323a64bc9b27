package org.sealpost.portal.crypto;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.sealpost.portal.crypto.internal.AesGcm;

/**
 * Envelope encryption of one message: a fresh random AES-256 data key encrypts the raw MIME and
 * the metadata record, and the current key-encryption key wraps the data key.
 *
 * <p>Every ciphertext authenticates where it belongs: the associated data names the purpose
 * ({@code mime}, {@code metadata}, {@code dek}) and the message id, and for the wrapped key also
 * the KEK version. A ciphertext copied to another row or column, or a row whose KEK version was
 * changed, fails to open instead of decrypting to something.
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
public final class MessageSealer {

    private static final int DATA_KEY_BYTES = 32;
    private static final String CONTEXT_PREFIX = "sealpost/v1|";

    private final KeyEncryptionKeys keks;
    private final SecureRandom random;

    public MessageSealer(KeyEncryptionKeys keks) {
        this(keks, new SecureRandom());
    }

    MessageSealer(KeyEncryptionKeys keks, SecureRandom random) {
        this.keks = Objects.requireNonNull(keks, "keks");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts a message's raw MIME and its encoded metadata under a new data key. */
    public SealedMessage seal(UUID messageId, byte[] rawMime, byte[] metadata) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(rawMime, "rawMime");
        Objects.requireNonNull(metadata, "metadata");
        byte[] dataKeyBytes = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKeyBytes);
        try {
            SecretKey dataKey = new SecretKeySpec(dataKeyBytes, "AES");
            KeyEncryptionKeys.VersionedKey kek = keks.current();
            byte[] wrapped = AesGcm.seal(kek.key(), dataKeyBytes, dataKeyContext(messageId, kek.version()), random);
            byte[] mime = AesGcm.seal(dataKey, rawMime, context(Purpose.MIME, messageId), random);
            byte[] meta = AesGcm.seal(dataKey, metadata, context(Purpose.METADATA, messageId), random);
            return new SealedMessage(kek.version(), wrapped, mime, meta);
        } finally {
            Arrays.fill(dataKeyBytes, (byte) 0);
        }
    }

    /** Decrypts the raw MIME of message {@code messageId}. */
    public byte[] openMime(UUID messageId, SealedMessage sealed) throws SealBrokenException {
        return open(messageId, sealed, Purpose.MIME, sealed.mimeCiphertextView());
    }

    /** Decrypts the encoded metadata record of message {@code messageId}. */
    public byte[] openMetadata(UUID messageId, SealedMessage sealed) throws SealBrokenException {
        return open(messageId, sealed, Purpose.METADATA, sealed.metadataCiphertextView());
    }

    /**
     * Re-wraps the data key under the current KEK, leaving the content ciphertexts untouched: how
     * stored messages move off an old KEK after {@link KeyEncryptionKeys#rotate()} without
     * re-encrypting their content. Returns {@code sealed} itself when it already uses the current KEK.
     */
    public SealedMessage rewrap(UUID messageId, SealedMessage sealed) throws SealBrokenException {
        Objects.requireNonNull(messageId, "messageId");
        KeyEncryptionKeys.VersionedKey kek = keks.current();
        if (sealed.kekVersion() == kek.version()) {
            return sealed;
        }
        byte[] dataKeyBytes = unwrap(messageId, sealed);
        try {
            byte[] wrapped = AesGcm.seal(kek.key(), dataKeyBytes, dataKeyContext(messageId, kek.version()), random);
            return sealed.withWrappedKey(kek.version(), wrapped);
        } finally {
            Arrays.fill(dataKeyBytes, (byte) 0);
        }
    }

    /**
     * Encrypts a stream of any length (an uploaded file) under the data key of {@code keyHolder}
     * (from {@link #seal}, under the same {@code id}), chunk by chunk as it is read: the file is
     * never whole in memory. See {@link ChunkedSeal}.
     */
    public InputStream sealStream(UUID id, SealedMessage keyHolder, InputStream plaintext) throws SealBrokenException {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] dataKeyBytes = unwrap(id, keyHolder);
        try {
            return ChunkedSeal.sealing(new SecretKeySpec(dataKeyBytes, "AES"), id, plaintext, random);
        } finally {
            Arrays.fill(dataKeyBytes, (byte) 0);
        }
    }

    /**
     * Decrypts what {@link #sealStream} wrote, as it is read. A chunk that fails authentication,
     * or a stream cut short, makes {@code read} throw an {@link java.io.IOException}.
     */
    public InputStream openStream(UUID id, SealedMessage keyHolder, InputStream ciphertext) throws SealBrokenException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] dataKeyBytes = unwrap(id, keyHolder);
        try {
            return ChunkedSeal.opening(new SecretKeySpec(dataKeyBytes, "AES"), id, ciphertext);
        } finally {
            Arrays.fill(dataKeyBytes, (byte) 0);
        }
    }

    private byte[] open(UUID messageId, SealedMessage sealed, Purpose purpose, byte[] ciphertext)
            throws SealBrokenException {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sealed, "sealed");
        byte[] dataKeyBytes = unwrap(messageId, sealed);
        try {
            return AesGcm.open(new SecretKeySpec(dataKeyBytes, "AES"), ciphertext, context(purpose, messageId));
        } catch (AesGcm.MalformedSealException e) {
            throw new SealBrokenException(
                    messageId,
                    "Cannot open the " + purpose.label + " of message " + messageId + ": " + e.getMessage(),
                    e);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException(
                    messageId,
                    "The " + purpose.label + " of message " + messageId
                            + " failed authentication: it was altered or belongs to another message or column",
                    e);
        } finally {
            Arrays.fill(dataKeyBytes, (byte) 0);
        }
    }

    private byte[] unwrap(UUID messageId, SealedMessage sealed) throws SealBrokenException {
        SecretKey kek = keks.key(sealed.kekVersion());
        if (kek == null) {
            throw new SealBrokenException(
                    messageId,
                    "Message " + messageId + " was sealed under kek-v"
                            + sealed.kekVersion() + ", which keystore " + keks.path() + " does not hold (it has "
                            + keks.versions() + ")");
        }
        byte[] dataKey;
        try {
            dataKey = AesGcm.open(kek, sealed.wrappedKeyView(), dataKeyContext(messageId, sealed.kekVersion()));
        } catch (AesGcm.MalformedSealException e) {
            throw new SealBrokenException(
                    messageId, "Cannot unwrap the data key of message " + messageId + ": " + e.getMessage(), e);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException(
                    messageId,
                    "The wrapped data key of message " + messageId
                            + " failed authentication under kek-v" + sealed.kekVersion()
                            + ": it was altered, belongs to another message, or this keystore holds a different kek-v"
                            + sealed.kekVersion(),
                    e);
        }
        if (dataKey.length != DATA_KEY_BYTES) {
            Arrays.fill(dataKey, (byte) 0);
            throw new SealBrokenException(
                    messageId,
                    "The data key of message " + messageId + " is " + dataKey.length + " bytes, not " + DATA_KEY_BYTES);
        }
        return dataKey;
    }

    private static byte[] context(Purpose purpose, UUID messageId) {
        return (CONTEXT_PREFIX + purpose.label + "|" + messageId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] dataKeyContext(UUID messageId, int kekVersion) {
        return (CONTEXT_PREFIX + "dek|" + messageId + "|kek-v" + kekVersion).getBytes(StandardCharsets.US_ASCII);
    }

    private enum Purpose {
        MIME("mime"),
        METADATA("metadata");

        final String label;

        Purpose(String label) {
            this.label = label;
        }
    }
}
