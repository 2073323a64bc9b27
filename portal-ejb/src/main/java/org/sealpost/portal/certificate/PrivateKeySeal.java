package org.sealpost.portal.certificate;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * Seals a private key exactly as a message is sealed (envelope encryption: a fresh AES-256 data
 * key encrypts the PKCS#8 bytes, the current key-encryption key wraps the data key), with the
 * row's id as the associated data, so a sealed key copied to another row does not open. Going
 * through {@link MessageSealer} keeps one implementation of the envelope and lets key rotation
 * re-wrap these keys like any message's ({@link MessageSealer#rewrap}).
 */
final class PrivateKeySeal {

    /** The stored form: the KEK version, the wrapped data key, the encrypted PKCS#8 key. */
    record Sealed(int kekVersion, byte[] wrappedKey, byte[] sealedKey) {}

    private static final byte[] NO_METADATA = new byte[0];

    private final MessageSealer sealer;

    PrivateKeySeal(MessageSealer sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    Sealed seal(UUID id, PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        try {
            // The sealer's "mime" slot carries the key; its metadata slot stays empty and unstored.
            SealedMessage sealed = sealer.seal(id, pkcs8, NO_METADATA);
            return new Sealed(sealed.kekVersion(), sealed.wrappedKey(), sealed.mimeCiphertext());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    PrivateKey open(UUID id, String algorithm, Sealed sealed) throws SealBrokenException {
        byte[] pkcs8 = sealer.openMime(id, asMessage(sealed));
        try {
            return CertificateFiles.privateKey(algorithm, pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The same key wrapped under the current KEK (after a rotation); unchanged if it already is. */
    Sealed rewrap(UUID id, Sealed sealed) throws SealBrokenException {
        SealedMessage moved = sealer.rewrap(id, asMessage(sealed));
        return new Sealed(moved.kekVersion(), moved.wrappedKey(), moved.mimeCiphertext());
    }

    private static SealedMessage asMessage(Sealed sealed) {
        return new SealedMessage(sealed.kekVersion(), sealed.wrappedKey(), sealed.sealedKey(), NO_METADATA);
    }
}
