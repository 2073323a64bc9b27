package org.sealpost.portal.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes the files an operator brings and takes: PEM certificates, PKCS#12, PKCS#8. */
public final class CertificateFiles {

    /** The longest PKCS#12 password accepted (as the product this replaces allows). */
    public static final int MAX_PASSWORD_LENGTH = 100;

    private CertificateFiles() {}

    /** A private key and its certificate chain, leaf first. */
    public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {
        public KeyAndChain {
            chain = List.copyOf(chain);
        }
    }

    /** Whether {@code content} looks like PEM text (RFC 7468) rather than binary DER/PKCS#12. */
    public static boolean looksLikePem(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return start.contains("-----BEGIN ");
    }

    /**
     * The certificates in PEM text, in the order given; anything else in the text (a key, a
     * CSR, explanatory lines) is skipped.
     *
     * @throws CertificateRefusedException {@link CertificateProblem#NOT_PEM} if there is none
     */
    public static List<X509Certificate> readPemCertificates(String pem) throws CertificateRefusedException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PEM, e);
        }
        if (certificates.isEmpty()) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PEM);
        }
        return certificates;
    }

    /**
     * The first private key entry of a PKCS#12 file (RFC 7292) and its chain, the key opened with
     * the file's password. The format holds an unordered set of certificates; the JDK orders the
     * chain by following issuer names from the key's certificate.
     */
    public static KeyAndChain readPkcs12(byte[] content, char[] password) throws CertificateRefusedException {
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new CertificateRefusedException(
                    CertificateProblem.PASSWORD_TOO_LONG, List.of(MAX_PASSWORD_LENGTH), null);
        }
        if (looksLikePem(content)) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PKCS12);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            // The JDK reports a failed MAC check (RFC 7292 §5: the integrity password) this way.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CertificateRefusedException(CertificateProblem.WRONG_PASSWORD, e);
            }
            throw new CertificateRefusedException(CertificateProblem.NOT_PKCS12, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PKCS12, e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate certificate : chain) {
                        certificates.add((X509Certificate) certificate);
                    }
                    return new KeyAndChain(privateKey, certificates);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new CertificateRefusedException(CertificateProblem.WRONG_PASSWORD, e);
        } catch (GeneralSecurityException e) {
            throw new CertificateRefusedException(CertificateProblem.NOT_PKCS12, e);
        }
        throw new CertificateRefusedException(CertificateProblem.NO_KEY_IN_PKCS12);
    }

    /** PEM text of the certificates, in the order given. */
    public static String toPem(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The PKCS#8 key read back (RSA or EC). */
    static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored private key cannot be read: " + e.getMessage(), e);
        }
    }
}
