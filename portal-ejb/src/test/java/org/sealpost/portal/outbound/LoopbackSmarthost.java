package org.sealpost.portal.outbound;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;

/**
 * A STARTTLS smarthost on loopback for the tests of outbound mail: the portal's own mail
 * bridge on a free port, keeping every message it receives and answering each as told
 * (accepted unless {@link #answer} says otherwise).
 */
public final class LoopbackSmarthost implements AutoCloseable {

    /** The password of the trust stores {@link #trustStore} writes. */
    public static final char[] TRUST_PASSWORD = "trust".toCharArray();

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private volatile Function<InboundMessage, SinkVerdict> verdicts = m -> SinkVerdict.accepted();
    private final MailBridge bridge;

    private LoopbackSmarthost(BridgeCertificates certificates) {
        bridge = MailBridge.start(
                BridgeSettings.builder()
                        .port(0)
                        .hostName("localhost")
                        .acceptUnflagged(true)
                        .internalDomains(Set.of())
                        .certificates(certificates)
                        .build(),
                m -> {
                    received.add(m);
                    return verdicts.apply(m);
                });
    }

    /** Listens on 127.0.0.1 with {@code certificates}, until closed. */
    public static LoopbackSmarthost start(BridgeCertificates certificates) {
        return new LoopbackSmarthost(certificates);
    }

    public int port() {
        return bridge.port();
    }

    /** Every message received so far, in order. */
    public List<InboundMessage> received() {
        return received;
    }

    /** How the next messages are answered. */
    public void answer(Function<InboundMessage, SinkVerdict> verdicts) {
        this.verdicts = verdicts;
    }

    /** A PKCS #12 store at {@code file} trusting exactly {@code certificates}' certificate (RFC 6125). */
    public static Path trustStore(BridgeCertificates certificates, Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("smarthost", certificates.certificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, TRUST_PASSWORD);
        }
        return file;
    }

    /**
     * The portal's transport to {@code host:port} trusting exactly {@code certificates}, its
     * trust store written to {@code trustFile}.
     */
    public static SmarthostTransport transportTrusting(
            BridgeCertificates certificates, String host, int port, Path trustFile) throws Exception {
        return new SmarthostTransport(host, port, Optional.of(trustStore(certificates, trustFile)), TRUST_PASSWORD);
    }

    @Override
    public void close() {
        bridge.close();
    }
}
