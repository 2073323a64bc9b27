package org.sealpost.portal.certificate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small test CA: a root, an intermediate, and server certificates they issue. */
final class TestPki {

    static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair rootKeys = KeyKind.EC_P256.generate(RANDOM);
    final X509Certificate root;
    final KeyPair intermediateKeys = KeyKind.EC_P256.generate(RANDOM);
    final X509Certificate intermediate;

    TestPki() throws Exception {
        Instant now = Instant.now();
        root = issue(
                new X500Name("CN=Test Root"),
                rootKeys,
                new X500Name("CN=Test Root"),
                rootKeys.getPrivate(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)),
                true,
                List.of());
        intermediate = issue(
                new X500Name("CN=Test Intermediate"),
                intermediateKeys,
                new X500Name("CN=Test Root"),
                rootKeys.getPrivate(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1825)),
                true,
                List.of());
    }

    /** A server certificate for {@code keys}, issued by the intermediate. */
    X509Certificate server(KeyPair keys, String host, Instant notBefore, Instant notAfter) throws Exception {
        return issue(
                new X500Name("CN=" + host),
                keys,
                new X500Name("CN=Test Intermediate"),
                intermediateKeys.getPrivate(),
                notBefore,
                notAfter,
                false,
                List.of(host));
    }

    X509Certificate server(KeyPair keys, String host) throws Exception {
        Instant now = Instant.now();
        return server(keys, host, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
    }

    static X509Certificate issue(
            X500Name subject,
            KeyPair subjectKeys,
            X500Name issuer,
            PrivateKey issuerKey,
            Instant notBefore,
            Instant notAfter,
            boolean ca,
            List<String> dnsNames)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, RANDOM),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!dnsNames.isEmpty()) {
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(dnsNames.stream()
                            .map(n -> new GeneralName(GeneralName.dNSName, n))
                            .toArray(GeneralName[]::new)));
        }
        String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }

    static byte[] pkcs12(PrivateKey key, List<X509Certificate> chain, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, password.toCharArray(), chain.toArray(Certificate[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
