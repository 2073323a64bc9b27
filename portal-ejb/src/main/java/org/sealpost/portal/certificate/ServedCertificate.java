package org.sealpost.portal.certificate;

import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.bridge.tls.BridgeKeyMaterial;

/**
 * What one node's bridge serves, following the database: {@link #follow} compares the CURRENT
 * row's id with the one served and, only when they differ, loads the key and hands it to the
 * bridge's {@link BridgeKeyMaterial}. Plain Java, so the poll is tested on the wire without a
 * container; {@code BridgeService} calls it every few seconds.
 */
public final class ServedCertificate {

    /** Loads the CURRENT key and chain (unsealing the key). */
    @FunctionalInterface
    public interface Loader {
        Optional<BridgeCertificateDesk.ServedKey> load() throws CertificateRefusedException;
    }

    private final BridgeKeyMaterial material;
    private volatile UUID servedId;

    public ServedCertificate(BridgeCertificateDesk.ServedKey initial, KeyStore clientTrustStore) {
        this.material = BridgeKeyMaterial.of(initial.material(), clientTrustStore);
        this.servedId = initial.id();
    }

    /** The key material the bridge is built with. */
    public BridgeKeyMaterial material() {
        return material;
    }

    /**
     * @param current the CURRENT row's id as just read
     * @return the newly served key, if it changed
     */
    public synchronized Optional<BridgeCertificateDesk.ServedKey> follow(Optional<UUID> current, Loader loader)
            throws CertificateRefusedException {
        Objects.requireNonNull(loader, "loader");
        if (current.isEmpty() || current.get().equals(servedId)) {
            return Optional.empty();
        }
        Optional<BridgeCertificateDesk.ServedKey> loaded = loader.load();
        loaded.ifPresent(key -> {
            material.replace(key.material());
            servedId = key.id();
        });
        return loaded;
    }
}
