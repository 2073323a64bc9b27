package org.sealpost.portal.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.UUID;

/**
 * A small secret sealed the way a message is (a fresh AES-GCM data key wrapped by the
 * key-encryption key, the seal id bound into the ciphertext), as the four columns a row keeps:
 * {@code seal_id}, {@code kek_version}, {@code wrapped_key} and the ciphertext, whose column
 * each entity names with {@code @AttributeOverride}. Drafts and authenticator secrets hold one;
 * the key rotation re-wraps {@code wrapped_key} in place ({@code keys.DataKeyTable}).
 */
@Embeddable
public class SealedValue {

    @Column(name = "seal_id", nullable = false)
    private UUID sealId;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "ciphertext", nullable = false)
    private byte[] ciphertext;

    protected SealedValue() {
        // for JPA
    }

    /**
     * Seals {@code plain} under a fresh seal id, so a new value never shares a data key or a
     * nonce space with the one it replaces; {@code plain} is wiped afterwards.
     */
    public static SealedValue seal(MessageSealer sealer, byte[] plain) {
        SealedValue v = new SealedValue();
        v.sealId = UUID.randomUUID();
        try {
            SealedMessage sealed = sealer.seal(v.sealId, plain, new byte[0]);
            v.kekVersion = sealed.kekVersion();
            v.wrappedKey = sealed.wrappedKey();
            v.ciphertext = sealed.mimeCiphertext();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return v;
    }

    /** The plain bytes; the caller wipes them when done. */
    public byte[] open(MessageSealer sealer) throws SealBrokenException {
        return sealer.openMime(sealId, new SealedMessage(kekVersion, wrappedKey, ciphertext, new byte[0]));
    }

    public int kekVersion() {
        return kekVersion;
    }
}
