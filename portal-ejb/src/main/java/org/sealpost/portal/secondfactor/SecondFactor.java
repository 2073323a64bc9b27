package org.sealpost.portal.secondfactor;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedValue;

/**
 * One account's authenticator: its secret, sealed like a message under a fresh data key
 * wrapped by the key-encryption key (the seal id binds the ciphertext to this row), and
 * whether its owner has confirmed it with a code. An unconfirmed one signs nobody in.
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "secret_ciphertext", nullable = false))
    private SealedValue secret;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "last_used_step")
    private Long lastUsedStep;

    @Version
    private int version;

    protected SecondFactor() {
        // for JPA
    }

    /** A new, unconfirmed authenticator for the account, its secret sealed at once. */
    static SecondFactor start(long accountId, TotpSecret secret, MessageSealer sealer, Instant now) {
        SecondFactor f = new SecondFactor();
        f.accountId = accountId;
        f.secret = SealedValue.seal(sealer, secret.bytes());
        f.startedAt = now.atOffset(ZoneOffset.UTC);
        return f;
    }

    /** The secret, opened with the key-encryption key. */
    TotpSecret open(MessageSealer sealer) throws SealBrokenException {
        byte[] raw = secret.open(sealer);
        try {
            return TotpSecret.of(raw);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    void confirm(Instant now) {
        confirmedAt = now.atOffset(ZoneOffset.UTC);
    }

    public long accountId() {
        return accountId;
    }

    public OffsetDateTime confirmedAt() {
        return confirmedAt;
    }
}
