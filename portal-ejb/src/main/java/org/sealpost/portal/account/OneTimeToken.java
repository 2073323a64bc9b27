package org.sealpost.portal.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A one-time link as {@link OneTimeTokens}' JPQL reads and retires it: which account and purpose
 * it is for, and whether it was spent or revoked. Its hash is not mapped (looked up and minted
 * in SQL only, ADR 0003), so no loaded entity carries it. Rows are written only by
 * {@link OneTimeTokens}' statements; the spent and revoked times are set by its JPQL updates.
 */
@Entity
@Cacheable(false)
@Table(name = "one_time_token")
public class OneTimeToken {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, insertable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private OneTimeTokens.Purpose purpose;

    @Column(name = "used_at", insertable = false)
    private OffsetDateTime usedAt;

    @Column(name = "revoked_at", insertable = false)
    private OffsetDateTime revokedAt;

    protected OneTimeToken() {
        // for JPA
    }
}
