package org.sealpost.portal.certificate;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The key types the bridge's certificate may have, as the command line names them. */
public enum KeyKind {
    RSA_2048("rsa2048", "RSA", 2048),
    RSA_3072("rsa3072", "RSA", 3072),
    /** NIST P-256 (secp256r1), the curve every TLS stack supports (RFC 8422). */
    EC_P256("ec256", "EC", 256);

    private final String option;
    private final String algorithm;
    private final int bits;

    KeyKind(String option, String algorithm, int bits) {
        this.option = option;
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** The name after {@code --key}. */
    public String option() {
        return option;
    }

    public static Optional<KeyKind> ofOption(String option) {
        return Arrays.stream(values())
                .filter(k -> k.option.equals(option.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (this == EC_P256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                generator.initialize(bits, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + this + " keys", e);
        }
    }

    /** The signature algorithm the JDK and BouncyCastle both name this way. */
    static String signatureAlgorithm(PrivateKey key) throws CertificateRefusedException {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default ->
                throw new CertificateRefusedException(
                        CertificateProblem.UNSUPPORTED_KEY, List.of(key.getAlgorithm()), null);
        };
    }

    /** "RSA 2048", "EC 256", as shown to the operator. */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }
}
