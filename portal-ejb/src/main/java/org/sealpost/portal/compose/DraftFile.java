package org.sealpost.portal.compose;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * A file uploaded to a draft, as stored, without its content: the content column is written
 * and read as a stream by {@link DraftFiles} alone, so loading the entity never loads a file.
 * Name and type are sealed with the file's own data key.
 */
@Entity
@Cacheable(false)
@Table(name = "draft_attachment")
public class DraftFile {

    @Id
    private Long id;

    @Column(name = "draft_id", nullable = false, insertable = false, updatable = false)
    private long draftId;

    @Column(name = "seal_id", nullable = false, insertable = false, updatable = false)
    private UUID sealId;

    @Column(name = "kek_version", nullable = false, insertable = false, updatable = false)
    private int kekVersion;

    @Column(name = "wrapped_key", nullable = false, insertable = false, updatable = false)
    private byte[] wrappedKey;

    @Column(name = "label_ciphertext", nullable = false, insertable = false, updatable = false)
    private byte[] labelCiphertext;

    @Column(name = "size_bytes", nullable = false, insertable = false)
    private long sizeBytes;

    @Column(name = "added_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime addedAt;

    protected DraftFile() {
        // for JPA
    }

    public long id() {
        return id;
    }

    public long draftId() {
        return draftId;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    UUID sealId() {
        return sealId;
    }

    /** The key holder to open the content stream with ({@link MessageSealer#openStream}). */
    SealedMessage keyHolder() {
        return new SealedMessage(kekVersion, wrappedKey, labelCiphertext, new byte[0]);
    }

    /** Name and content type. */
    Label label(MessageSealer sealer) throws SealBrokenException {
        return Label.decode(sealer.openMime(sealId, keyHolder()));
    }

    /** The sealed part of a file's description. */
    record Label(String fileName, String contentType) {

        byte[] encode() {
            return (contentType + "\n" + fileName).getBytes(StandardCharsets.UTF_8);
        }

        static Label decode(byte[] bytes) {
            String s = new String(bytes, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return new Label(s.substring(nl + 1), s.substring(0, nl));
        }
    }
}
