package org.sealpost.bridge.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the bridge's first certificate: ECDSA P-256, self-signed, for one host name. The keys
 * come from the JDK (SunEC); BouncyCastle only assembles the X.509 structure, so it is never
 * registered as a JCA provider (that would make it the AES-GCM implementation everywhere).
 */
final class SelfSignedCertificates {

    /**
     * 825 days: the longest Apple platforms accept for a server certificate from a private or
     * self-signed issuer (the 398-day rule binds public CAs only).
     */
    static final Duration VALIDITY = Duration.ofDays(825);

    /** RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; 159 random bits fit. */
    private static final int SERIAL_BITS = 159;

    private SelfSignedCertificates() {}

    record Generated(KeyPair keyPair, X509Certificate certificate) {}

    static Generated generate(String hostName, SecureRandom random, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keyPair = generator.generateKeyPair();

            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Sealpost mail bridge")
                    .addRDN(BCStyle.CN, hostName)
                    .build();
            BigInteger serial = new BigInteger(SERIAL_BITS, random).setBit(0); // never zero
            Date notBefore = Date.from(now);
            Date notAfter = Date.from(now.plus(VALIDITY));
            X509v3CertificateBuilder builder =
                    new JcaX509v3CertificateBuilder(subject, serial, notBefore, notAfter, subject, keyPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hostName));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new Generated(keyPair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new BridgeTlsException("could not generate a certificate for " + hostName, e);
        }
    }

    /**
     * RFC 6125 §6.4.4: clients match the SAN, not the CN. {@code localhost} gets 127.0.0.1 too,
     * since local clients often connect by address.
     */
    static GeneralNames subjectAltNames(String hostName) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, hostName));
        if (hostName.toLowerCase(Locale.ROOT).equals("localhost")) {
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
