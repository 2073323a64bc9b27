/**
 * Encryption at rest: envelope encryption of each message with AES-256-GCM.
 *
 * <p>Each message gets its own random 256-bit data key. The raw MIME and the metadata record
 * (from, to, subject, attachment names, ...) are each encrypted under it; the data key is stored
 * wrapped (AES-256-GCM again) under a key-encryption key (KEK) that lives only in a PKCS#12
 * keystore outside the database. A database dump therefore reveals no body, subject, name or
 * attachment name. Deleting a message's row and wrapped key makes it unreadable from the live
 * database at once; a backup taken before still holds both, so it stays readable from that
 * backup until every KEK version that wrapped its key is retired, i.e. removed from the keystore
 * and from every keystore backup (crypto-shredding holds only then; ADR 0012, SECURITY.md).
 * Rotating the KEK ({@code keys.KeyLifecycle}) only re-wraps 61-byte keys, never the content.
 *
 * <p>Ciphertexts are self-describing, {@code version(1) | nonce(12) | ciphertext | tag(16)}, so the
 * layout can change later without guessing. The GCM associated data binds each ciphertext to its
 * message id and purpose ({@code "sealpost/v1|mime|<id>"}, {@code "sealpost/v1|metadata|<id>"},
 * {@code "sealpost/v1|dek|<id>|kek-v<n>"}): a ciphertext swapped between rows or columns fails
 * authentication instead of opening as another message's content.
 *
 * <p>Nonces are 96 random bits. NIST SP 800-38D, section 8.3, caps random-nonce use at 2<sup>32</sup>
 * encryptions per key to keep the chance of a repeated nonce (which would break GCM's
 * confidentiality and authenticity for that key) below 2<sup>-32</sup>. A data key encrypts exactly
 * two values and is then never used to encrypt again, so it is far below the cap; a KEK wraps one
 * data key per message, so one KEK version must be rotated ({@link
 * org.sealpost.portal.crypto.KeyEncryptionKeys#rotate()}) well before four billion messages.
 *
 * <p>AES-GCM always runs on the JDK's SunJCE provider, which HotSpot compiles to AES-NI/CLMUL
 * intrinsics (several GB/s); BouncyCastle's pure-Java GCM is about 50 times slower and must not be
 * picked up by accident when someone registers it as the first provider. {@link
 * org.sealpost.portal.crypto.CryptoWarmUp} gets the intrinsic compiled at start-up.
 *
 * <p>Public surface: {@link org.sealpost.portal.crypto.KeyEncryptionKeys}, {@link
 * org.sealpost.portal.crypto.MessageSealer}, {@link org.sealpost.portal.crypto.SealedMessage},
 * {@link org.sealpost.portal.crypto.SealBrokenException}, {@link
 * org.sealpost.portal.crypto.KeyStoreUnusableException}, {@link
 * org.sealpost.portal.crypto.CryptoWarmUp}. The {@code internal} sub-package is not API.
 */
package org.sealpost.portal.crypto;
