package org.sealpost.portal.certificate;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A certificate as the operator sees it: subject, names, issuer, serial, validity, SHA-256
 * fingerprint, key type and size, and the chain it is sent with.
 */
public record CertificateDetails(
        String subject,
        List<String> dnsNames,
        String issuer,
        String serial,
        Instant notBefore,
        Instant notAfter,
        String sha256Fingerprint,
        String keyType,
        List<ChainEntry> chain) {

    /** One certificate of the chain, leaf first. */
    public record ChainEntry(String subject, String issuer, Instant notAfter, String sha256Fingerprint) {}

    public CertificateDetails {
        dnsNames = List.copyOf(dnsNames);
        chain = List.copyOf(chain);
    }

    public static CertificateDetails of(List<X509Certificate> chain) {
        X509Certificate leaf = chain.get(0);
        return new CertificateDetails(
                leaf.getSubjectX500Principal().getName(),
                ChainCheck.dnsNames(leaf),
                leaf.getIssuerX500Principal().getName(),
                HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(leaf.getSerialNumber().toByteArray()),
                leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(),
                fingerprint(leaf),
                KeyKind.describe(leaf.getPublicKey()),
                chain.stream()
                        .map(c -> new ChainEntry(
                                c.getSubjectX500Principal().getName(),
                                c.getIssuerX500Principal().getName(),
                                c.getNotAfter().toInstant(),
                                fingerprint(c)))
                        .toList());
    }

    /** Whole days until it expires (negative once expired). */
    public long daysLeft(Instant now) {
        return Duration.between(now, notAfter).toDays();
    }

    /** SHA-256 over the DER encoding, {@code AB:CD:…}, as {@code openssl x509 -fingerprint -sha256} shows it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }
}
