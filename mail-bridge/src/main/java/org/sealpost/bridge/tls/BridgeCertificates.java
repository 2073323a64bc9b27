package org.sealpost.bridge.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.sealpost.bridge.internal.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's TLS identity: its private key and certificate chain, and the SSLContext built
 * from them.
 *
 * <p>Either generated on first start ({@link #loadOrGenerate}) and reused after, so the gateway
 * can pin it, or supplied by the operator as a PKCS#12 file ({@link #fromPkcs12}), e.g. issued by
 * the organisation's CA from {@link #certificateSigningRequest()}.
 */
public final class BridgeCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeCertificates.class);

    static final String TLS_DIRECTORY = "tls";
    static final String KEYSTORE_FILE = "bridge.p12";
    static final String PASSWORD_FILE = "bridge.p12.password";
    static final String ALIAS = "bridge";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private BridgeCertificates(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Loads {@code <dataDir>/tls/bridge.p12} with the password in {@code bridge.p12.password}
     * beside it; if there is no keystore yet, generates an ECDSA P-256 key and a self-signed
     * certificate for {@code hostName} (825 days) and writes both files, readable by the owner
     * only.
     *
     * @throws IllegalArgumentException if {@code hostName} is not a DNS host name
     * @throws BridgeTlsException if the files cannot be read or written
     */
    public static BridgeCertificates loadOrGenerate(Path dataDir, String hostName) {
        if (!Mailbox.isDomain(hostName)) {
            throw new IllegalArgumentException("hostName: '" + hostName + "' is not a DNS host name");
        }
        Path directory = dataDir.resolve(TLS_DIRECTORY);
        Path keystore = directory.resolve(KEYSTORE_FILE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(keystore)) {
                if (!Files.exists(passwordFile)) {
                    throw new BridgeTlsException("TLS keystore " + keystore + " exists but its password file "
                            + passwordFile + " is missing; restore it, or remove the keystore to generate a new one");
                }
                char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                        .strip()
                        .toCharArray();
                BridgeCertificates loaded = fromPkcs12(keystore, password);
                if (!loaded.dnsNames().contains(hostName.toLowerCase(Locale.ROOT))) {
                    LOG.warn(
                            "The bridge certificate in {} names {}, not {}; clients that check the host name will"
                                    + " refuse it. Remove the keystore to generate a new one.",
                            keystore,
                            loaded.dnsNames(),
                            hostName);
                }
                return loaded;
            }
            return generate(directory, keystore, passwordFile, hostName);
        } catch (IOException e) {
            throw new BridgeTlsException("cannot read or write the TLS key material in " + directory + ": " + e, e);
        }
    }

    /**
     * Loads an operator-supplied PKCS#12 keystore; the first private key entry is used, with the
     * keystore password for the key too.
     *
     * @throws BridgeTlsException if the file is missing or unreadable, the password is wrong, or
     *     it holds no private key
     */
    public static BridgeCertificates fromPkcs12(Path file, char[] password) {
        if (!Files.exists(file)) {
            throw new BridgeTlsException("TLS keystore " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BridgeTlsException("TLS keystore " + file + " is not a readable file");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (AccessDeniedException e) {
            throw new BridgeTlsException("TLS keystore " + file + " is not readable by this process", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new BridgeTlsException("TLS keystore " + file + ": wrong password", e);
            }
            throw new BridgeTlsException("TLS keystore " + file + " is not a valid PKCS#12 file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new BridgeTlsException("TLS keystore " + file + " cannot be loaded: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] certificates = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && certificates != null && certificates.length > 0) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : certificates) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new BridgeCertificates(privateKey, chain);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new BridgeTlsException(
                    "TLS keystore " + file + ": the private key cannot be recovered with the keystore password", e);
        } catch (GeneralSecurityException e) {
            throw new BridgeTlsException("TLS keystore " + file + " cannot be read: " + e.getMessage(), e);
        }
        throw new BridgeTlsException("TLS keystore " + file + " contains no private key entry with a certificate");
    }

    /**
     * Key material from elsewhere (the portal's database): a private key and its chain, leaf
     * first.
     *
     * @throws IllegalArgumentException if the chain is empty
     */
    public static BridgeCertificates of(PrivateKey privateKey, List<X509Certificate> chain) {
        java.util.Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("chain: at least the bridge's own certificate is needed");
        }
        return new BridgeCertificates(privateKey, chain);
    }

    /**
     * The private key, for the portal to store it sealed in its database when it adopts the
     * certificate of an existing deployment. Never logged, never shown.
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The bridge's own (leaf) certificate, e.g. to show its fingerprint to the operator. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Leaf first, as sent in the handshake. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** SHA-256 over the DER certificate, as {@code AB:CD:...}, for pinning on the gateway. */
    public String sha256Fingerprint() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new BridgeTlsException("cannot compute the certificate fingerprint", e);
        }
    }

    /** A server SSLContext with this key that trusts no client certificate. */
    public SSLContext sslContext() {
        return sslContext(null);
    }

    /**
     * A server SSLContext with this key.
     *
     * @param clientTrustStore the certificates a client certificate must chain to; {@code null}
     *     to trust none (deliberately not the JDK's public CAs)
     */
    public SSLContext sslContext(KeyStore clientTrustStore) {
        try {
            char[] transientPassword = randomPassword().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, privateKey, transientPassword, chain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, transientPassword);

            KeyStore trusted = clientTrustStore;
            if (trusted == null) {
                trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trusted);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new BridgeTlsException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#10 request (RFC 2986) for the current key, PEM-encoded, with the current subject and
     * subject alternative names and the serverAuth extended key usage, for the organisation's CA.
     */
    public String certificateSigningRequest() {
        X509Certificate current = certificate();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            byte[] san = current.getExtensionValue(Extension.subjectAlternativeName.getId());
            if (san != null) {
                extensions.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        ASN1OctetString.getInstance(san).getOctets());
            }
            extensions.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                            current.getSubjectX500Principal(), current.getPublicKey())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(privateKey)).build(privateKey));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(request);
            }
            return pem.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new BridgeTlsException("cannot create the certificate signing request: " + e.getMessage(), e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new BridgeTlsException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    private List<String> dnsNames() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternativeNames = certificate().getSubjectAlternativeNames();
            if (alternativeNames != null) {
                for (List<?> name : alternativeNames) {
                    if (Integer.valueOf(2).equals(name.get(0))) { // dNSName
                        names.add(name.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            LOG.debug("cannot read the subject alternative names", e);
        }
        return names;
    }

    private static BridgeCertificates generate(Path directory, Path keystore, Path passwordFile, String hostName)
            throws IOException {
        createPrivateDirectory(directory);
        SelfSignedCertificates.Generated generated = SelfSignedCertificates.generate(hostName, RANDOM, Instant.now());
        String password = randomPassword();
        BridgeCertificates certificates =
                new BridgeCertificates(generated.keyPair().getPrivate(), List.of(generated.certificate()));
        byte[] encoded;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, generated.keyPair().getPrivate(), password.toCharArray(), new Certificate[] {
                generated.certificate()
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            encoded = out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new BridgeTlsException("cannot write the TLS keystore: " + e.getMessage(), e);
        }
        // The password first: a keystore without its password would be useless, the reverse is
        // simply overwritten on the next start.
        writePrivateFile(passwordFile, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        writePrivateFile(keystore, encoded);
        LOG.info(
                "Generated a self-signed TLS certificate for {} in {} (SHA-256 {})",
                hostName,
                keystore,
                certificates.sha256Fingerprint());
        return certificates;
    }

    /** 256 random bits, Base64url: the keystore's only protection besides file permissions. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (posix(directory.getParent())) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Writes through a temporary file created owner-only from the start (no window in which the
     * secret is readable by others), then renames it into place atomically.
     */
    private static void writePrivateFile(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        FileAttribute<?>[] attributes = posix(directory)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", attributes);
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix(Path existingAncestor) {
        Path probe = existingAncestor;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        try {
            return probe != null && Files.getFileStore(probe).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}
