package org.sealpost.portal.certificate;

/**
 * Why a certificate operation was refused. Each has one English sentence for the command line
 * and the log; the admin page shows the translated text of {@link #messageKey()}.
 */
public enum CertificateProblem {
    WRONG_PASSWORD("The password does not open this PKCS#12 file."),
    NOT_PKCS12("The file is not a PKCS#12 (.p12/.pfx) file."),
    PASSWORD_TOO_LONG("The password is longer than 100 characters."),
    NO_KEY_IN_PKCS12("The PKCS#12 file holds no private key with its certificate."),
    NOT_PEM("The file holds neither PEM certificates nor a PKCS#12 keystore."),
    NO_WAITING_KEY("No key is waiting for a certificate; generate a CSR first, or import a PKCS#12 file."),
    KEY_MISMATCH("The certificate does not belong to the private key."),
    EXPIRED("The certificate has expired."),
    NOT_YET_VALID("The certificate is not valid yet."),
    CHAIN_OUT_OF_ORDER(
            "The certificate chain is not in order: each certificate must be signed by the next one, from the server's own up to the root."),
    UNSUPPORTED_KEY("The key type is not supported; use RSA (2048 bits or more) or ECDSA P-256."),
    INVALID_SUBJECT("The subject is not in the form /C=DE/ST=…/L=…/O=…/OU=…/CN=host.example/emailAddress=…."),
    INVALID_COUNTRY("The country must be two letters (ISO 3166), for example DE."),
    INVALID_COMMON_NAME("The common name must be the host's fully qualified DNS name, for example mail.bank.example."),
    INVALID_EMAIL("The e-mail address is not valid."),
    INVALID_NAME("A subject alternative name is not a DNS name."),
    NOTHING_TO_ROLL_BACK("There is no previous certificate to roll back to."),
    NO_CERTIFICATE("The bridge has no certificate in the database yet; start the portal once."),
    KEYS_UNAVAILABLE("The key-encryption keystore cannot be opened, so the private key cannot be sealed or read.");

    private final String sentence;

    CertificateProblem(String sentence) {
        this.sentence = sentence;
    }

    /** One sentence in English. */
    public String sentence() {
        return sentence;
    }

    /** The resource bundle key of the translated sentence. */
    public String messageKey() {
        return "certificate.refused." + name();
    }
}
