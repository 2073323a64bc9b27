package org.sealpost.portal.message;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * A stored message, sealed: the raw MIME and its metadata record, each AES-256-GCM under the
 * message's own data key, wrapped by a key-encryption key. One row however many recipients it
 * has; it never changes once stored (a key rotation re-wraps the key, owned by
 * {@code keys.WrappedDataKeys}), and goes when its last entry goes (crypto-shredding, ADR 0012).
 *
 * <p>The rule it holds is how it is opened: always under its own id, which the GCM associated
 * data binds each ciphertext to, so a ciphertext copied onto another row does not open.
 */
@Entity
@Cacheable(false)
@Table(name = "message_content")
public class MessageContent {

    @Id
    @Column(updatable = false)
    private UUID id;

    @Column(name = "kek_version", nullable = false, updatable = false)
    private int kekVersion;

    @Column(name = "wrapped_key", nullable = false, updatable = false)
    private byte[] wrappedKey;

    @Column(name = "metadata_ciphertext", nullable = false, updatable = false)
    private byte[] metadataCiphertext;

    @Column(name = "mime_ciphertext", nullable = false, updatable = false)
    private byte[] mimeCiphertext;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    protected MessageContent() {
        // for JPA
    }

    /** A message sealed under {@code id}, to be stored (the JPA side of the owner's measurement). */
    MessageContent(UUID id, SealedMessage sealed, long sizeBytes, Instant receivedAt) {
        this.id = id;
        this.kekVersion = sealed.kekVersion();
        this.wrappedKey = sealed.wrappedKey();
        this.metadataCiphertext = sealed.metadataCiphertext();
        this.mimeCiphertext = sealed.mimeCiphertext();
        this.sizeBytes = sizeBytes;
        this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    SealedMessage sealed() {
        return new SealedMessage(kekVersion, wrappedKey, mimeCiphertext, metadataCiphertext);
    }

    /** The header record the inbox shows. */
    MessageMetadata openMetadata(MessageSealer sealer) throws SealBrokenException {
        return StoredMessages.decodeMetadata(id, sealer.openMetadata(id, sealed()));
    }

    /** The raw MIME as it arrived. */
    byte[] openMime(MessageSealer sealer) throws SealBrokenException {
        return sealer.openMime(id, sealed());
    }
}
