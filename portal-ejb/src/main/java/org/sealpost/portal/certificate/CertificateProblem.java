package org.sealpost.portal.certificate;

/**
 * Why a certificate operation was refused, as a stable code. The administrator's page shows the
 * translated sentence of {@link #messageKey()} filled with {@link
 * CertificateRefusedException#arguments()} (listed here as {0}, {1}); the exception's message is a
 * technical English description for the log, and the command line words the code itself.
 */
public enum CertificateProblem {
    /** The password does not open the PKCS#12 file. */
    WRONG_PASSWORD,
    /** Not a PKCS#12 file. */
    NOT_PKCS12,
    /** {0}: the longest password accepted, in characters. */
    PASSWORD_TOO_LONG,
    /** The PKCS#12 file holds no private key with its certificate. */
    NO_KEY_IN_PKCS12,
    /** Neither PEM certificates nor a PKCS#12 keystore. */
    NOT_PEM,
    /** A certificate to import but no generated key waiting for it. */
    NO_WAITING_KEY,
    /** The certificate does not belong to the private key. */
    KEY_MISMATCH,
    /** {0}: the subject of the expired certificate; {1}: its end of validity (an Instant). */
    EXPIRED,
    /** {0}: the subject of the certificate not valid yet; {1}: its start of validity (an Instant). */
    NOT_YET_VALID,
    /** {0}: the place in the chain (1 the server's own) of the certificate the next one does not sign; {1}: its subject. */
    CHAIN_OUT_OF_ORDER,
    /** {0}: the key's algorithm, which is neither RSA nor EC. */
    UNSUPPORTED_KEY,
    /** The subject line is malformed, or a field too long or holding control characters. */
    INVALID_SUBJECT,
    /** {0}: the country as typed, which is not two letters. */
    INVALID_COUNTRY,
    /** {0}: the common name as typed, which is not a fully qualified DNS name. */
    INVALID_COMMON_NAME,
    /** {0}: the e-mail address as typed. */
    INVALID_EMAIL,
    /** {0}: a further host name as typed, which is not a DNS name. */
    INVALID_NAME,
    /** No previous certificate to roll back to. */
    NOTHING_TO_ROLL_BACK,
    /** The bridge has no certificate in the database yet. */
    NO_CERTIFICATE,
    /** The key-encryption keystore cannot be opened. */
    KEYS_UNAVAILABLE;

    /** The resource bundle key of the translated sentence. */
    public String messageKey() {
        return "certificate.refused." + name();
    }
}
