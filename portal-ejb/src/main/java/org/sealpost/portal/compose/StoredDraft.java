package org.sealpost.portal.compose;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedValue;
import org.sealpost.portal.policy.PortalAction;

/**
 * A draft as stored: who writes it, what it answers, and its content sealed under its own data
 * key (like a message's). The content is opened and replaced only through this entity, with
 * the sealer, so nothing typed is ever stored in clear.
 */
@Entity
// Never served from a cache: another node may have changed it (the shared cache is off too).
@Cacheable(false)
@Table(name = "draft")
public class StoredDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PortalAction action;

    @Column(name = "original_entry_id", updatable = false)
    private Long originalEntryId;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "content_ciphertext", nullable = false))
    private SealedValue content;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "saved_at", nullable = false)
    private OffsetDateTime savedAt;

    @Version
    private int version;

    protected StoredDraft() {
        // for JPA
    }

    static StoredDraft start(
            long accountId, DraftOrigin origin, DraftContent content, MessageSealer sealer, Instant now) {
        StoredDraft d = new StoredDraft();
        d.accountId = accountId;
        d.action = origin.action();
        d.originalEntryId = origin.originalEntryId();
        d.createdAt = now.atOffset(ZoneOffset.UTC);
        d.seal(content, sealer, now);
        return d;
    }

    /**
     * Replaces the content. A fresh seal id and data key each time: the old ciphertext and its
     * wrapped key are overwritten, not kept beside the new ones.
     */
    void seal(DraftContent content, MessageSealer sealer, Instant now) {
        this.content = SealedValue.seal(sealer, content.encode());
        savedAt = now.atOffset(ZoneOffset.UTC);
    }

    DraftContent open(MessageSealer sealer) throws SealBrokenException {
        return DraftContent.decode(content.open(sealer));
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public DraftOrigin origin() {
        return new DraftOrigin(action, originalEntryId);
    }

    public PortalAction action() {
        return action;
    }

    /** The original still in the mailbox, or null (a new message, or the original was deleted for ever). */
    public Long originalEntryId() {
        return originalEntryId;
    }

    public Instant savedAt() {
        return savedAt.toInstant();
    }
}
