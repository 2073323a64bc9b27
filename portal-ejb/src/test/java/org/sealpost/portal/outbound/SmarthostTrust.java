package org.sealpost.portal.outbound;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.sealpost.bridge.tls.BridgeCertificates;

/** The trust store a test's portal verifies its loopback smarthost against (RFC 6125). */
final class SmarthostTrust {

    static final char[] PASSWORD = "trust".toCharArray();

    private SmarthostTrust() {}

    /** A PKCS #12 store at {@code file} trusting exactly {@code certs}' certificate. */
    static Path storeTrusting(BridgeCertificates certs, Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("smarthost", certs.certificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }
}
