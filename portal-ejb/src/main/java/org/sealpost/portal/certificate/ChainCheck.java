package org.sealpost.portal.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What is checked before a certificate replaces the bridge's: the key is the certificate's,
 * every certificate is valid now, and each one is signed by the next (RFC 8446 §4.4.2: the
 * sender's certificate first, each following one certifying the one before). The host name is
 * only a warning: the operator may know that the gateway pins the certificate instead.
 */
public final class ChainCheck {

    private ChainCheck() {}

    /** The outcome when nothing is wrong: whether the bridge's host name is among the names. */
    public record Passed(boolean namesHost, List<String> names) {}

    public static Passed check(PrivateKey key, List<X509Certificate> chain, Instant now, String hostName)
            throws CertificateRefusedException {
        if (chain.isEmpty()) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PEM);
        }
        X509Certificate leaf = chain.get(0);
        if (!keyMatches(key, leaf)) {
            throw new CertificateRefusedException(CertificateProblem.KEY_MISMATCH);
        }
        requireValid(chain, now);
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate subject = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            // the place counted from 1, the server's own certificate first, as the administrator reads the file
            List<Object> place =
                    List.of(i + 1, subject.getSubjectX500Principal().getName());
            if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new CertificateRefusedException(CertificateProblem.CHAIN_OUT_OF_ORDER, place, null);
            }
            try {
                subject.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new CertificateRefusedException(CertificateProblem.CHAIN_OUT_OF_ORDER, place, e);
            }
        }
        List<String> names = dnsNames(leaf);
        boolean namesHost = names.stream().anyMatch(n -> DnsNames.matches(n, hostName));
        return new Passed(namesHost, names);
    }

    /**
     * Every certificate is within its validity period at {@code now} (RFC 5280 §4.1.2.5); a bridge
     * chain and a smarthost trust anchor are refused for the same two reasons.
     */
    static void requireValid(Collection<X509Certificate> certificates, Instant now) throws CertificateRefusedException {
        for (X509Certificate certificate : certificates) {
            try {
                certificate.checkValidity(Date.from(now));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                boolean expired = e instanceof CertificateExpiredException;
                // the page names the certificate and the end or the start of its validity
                throw new CertificateRefusedException(
                        expired ? CertificateProblem.EXPIRED : CertificateProblem.NOT_YET_VALID,
                        List.of(
                                certificate.getSubjectX500Principal().getName(),
                                (expired ? certificate.getNotAfter() : certificate.getNotBefore()).toInstant()),
                        e);
            }
        }
    }

    /**
     * Signs a fixed text with the private key and verifies it with the certificate's public key:
     * works for every key type without comparing key encodings.
     */
    static boolean keyMatches(PrivateKey key, X509Certificate certificate) throws CertificateRefusedException {
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = KeyKind.signatureAlgorithm(key);
        try {
            byte[] probe = "sealpost key match".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The dNSName SANs, else (RFC 6125 §6.4.4, for old certificates only) the CN. */
    static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternative = certificate.getSubjectAlternativeNames();
            if (alternative != null) {
                for (List<?> name : alternative) {
                    if (Integer.valueOf(2).equals(name.get(0))) {
                        names.add(name.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no readable SANs: fall back to the CN below
        }
        if (names.isEmpty()) {
            commonName(certificate.getSubjectX500Principal()).ifPresent(names::add);
        }
        return names;
    }

    static Optional<String> commonName(X500Principal principal) {
        RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(
                IETFUtils.valueToString(rdns[0].getFirst().getValue()).toLowerCase(Locale.ROOT));
    }
}
