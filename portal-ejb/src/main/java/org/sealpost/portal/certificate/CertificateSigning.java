package org.sealpost.portal.certificate;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Creates the bridge's self-signed certificates and its certificate signing requests. */
public final class CertificateSigning {

    /** As the bridge has always generated them (mail-bridge SelfSignedCertificates). */
    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(825);

    private CertificateSigning() {}

    /**
     * The subject alternative names: the common name first, then {@code extra} without
     * duplicates, lower case.
     *
     * @throws CertificateRefusedException if a name is not a DNS name
     */
    static List<String> dnsNames(String commonName, List<String> extra) throws CertificateRefusedException {
        Set<String> names = new LinkedHashSet<>();
        names.add(commonName.toLowerCase(Locale.ROOT));
        for (String name : extra) {
            if (!DnsNames.isSubjectAltName(name.strip())) {
                throw new CertificateRefusedException(CertificateProblem.INVALID_NAME, List.of(name.strip()), null);
            }
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /**
     * A self-signed server certificate for {@code hostName}: CN and the first SAN are the host
     * name (RFC 6125 §6.4.4: clients match the SANs, so the CN alone would not do), serverAuth
     * only, not a CA, a random 159-bit serial (RFC 5280 §4.1.2.2: positive, at most 20 octets).
     */
    public static X509Certificate selfSigned(
            KeyPair keys, String hostName, List<String> extraNames, Instant now, SecureRandom random)
            throws CertificateRefusedException {
        if (!DnsNames.isHostName(hostName)) {
            throw new CertificateRefusedException(CertificateProblem.INVALID_NAME, List.of(hostName), null);
        }
        List<String> names = dnsNames(hostName, extraNames);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, hostName)
                .build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(159, random),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(SELF_SIGNED_VALIDITY)),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage(keys));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, generalNames(names));
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder(KeyKind.signatureAlgorithm(keys.getPrivate()))
                                    .build(keys.getPrivate())));
        } catch (IOException | OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot build a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#10 request (RFC 2986) signed with the new key, its subject from {@code fields}, and
     * as the extensionRequest attribute (PKCS#9, RFC 2985 §5.4.2) the subject alternative names
     * (the common name and {@code extraNames}) and the serverAuth extended key usage; PEM with
     * the "CERTIFICATE REQUEST" label (RFC 7468 §7), as {@code openssl req} reads it.
     */
    public static String certificateSigningRequest(KeyPair keys, SubjectFields fields, List<String> extraNames)
            throws CertificateRefusedException {
        List<String> names = dnsNames(fields.commonName(), extraNames);
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, generalNames(names));
            extensions.addExtension(Extension.keyUsage, true, keyUsage(keys));
            extensions.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                            fields.toX500Name(), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(KeyKind.signatureAlgorithm(keys.getPrivate()))
                            .build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(request);
            }
            return pem.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the certificate signing request: " + e.getMessage(), e);
        }
    }

    private static KeyUsage keyUsage(KeyPair keys) {
        // RSA key transport (TLS 1.2 RSA suites are off, but a CA may insist) needs keyEncipherment;
        // ECDHE with either key type needs only digitalSignature (RFC 5280 §4.2.1.3, RFC 8446 §4.4.2.2).
        return "RSA".equals(keys.getPublic().getAlgorithm())
                ? new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                : new KeyUsage(KeyUsage.digitalSignature);
    }

    private static GeneralNames generalNames(List<String> names) {
        return new GeneralNames(
                names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new));
    }
}
