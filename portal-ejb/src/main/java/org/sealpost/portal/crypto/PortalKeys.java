package org.sealpost.portal.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.sealpost.portal.config.PortalSettings;

/**
 * The key-encryption keys the portal seals messages under. Production names the keystore
 * and its password ({@code SEALPOST_KEYSTORE}, {@code SEALPOST_KEYSTORE_PASSWORD}); dev mode
 * generates both under the data directory on first start and reuses them after
 * ({@link KeystoreLocation}, shared with {@code ./sealpost keys}). A rotation or retirement by
 * the operator's command is picked up from the file within seconds ({@link KeyEncryptionKeys}).
 */
@Singleton
@Startup
@DependsOn("StartupGate")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Hands out keys held in memory and touches no transactional resource. Without this, a
// singleton's methods default to REQUIRED, and every call from outside a transaction began
// and committed an empty JTA transaction. (The hot paths no longer call it per message at
// all: they inject the sealer, see Sealers.)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PortalKeys {

    private static final Logger LOG = Logger.getLogger(PortalKeys.class.getName());

    @Inject
    private PortalSettings settings;

    @Resource
    private ManagedExecutorService warmUp;

    /** HKDF "info" of the search index key; a new value means a new key and a rebuilt index. */
    static final String SEARCH_INDEX_KEY_PURPOSE = "sealpost/search-index-key/v1";

    private volatile MessageSealer sealer;
    private volatile KeyEncryptionKeys keks;

    @PostConstruct
    void open() {
        keks = KeystoreLocation.of(settings::get, settings.dataDirectory()).openForPortal(settings.production());
        sealer = new MessageSealer(keks);
        KeyEncryptionKeys opened = keks;
        LOG.info(() -> "key-encryption keys open (current version " + opened.currentVersion() + ")");
        // Off the start-up path: the bridge may take its first messages while HotSpot still
        // compiles the AES-GCM intrinsic; they are merely slower, never wrong.
        warmUp.submit(() -> {
            CryptoWarmUp.Report warm = CryptoWarmUp.run();
            LOG.info(() -> "AES-GCM warmed up in " + warm.elapsed().toMillis() + " ms");
        });
    }

    public MessageSealer sealer() {
        return sealer;
    }

    /**
     * The keystore itself, for key management (rotation, retirement: {@code keys.KeyLifecycle}).
     * The same instance the sealer wraps with, so a rotation here is current for the next seal.
     */
    public KeyEncryptionKeys keyEncryptionKeys() {
        return keks;
    }

    /**
     * The search index key: derived from the keystore (ADR 0007), so it is never in the
     * database or the index directory, and production needs no secret beyond the keystore it
     * already must name.
     */
    public byte[] searchIndexKey() {
        return keks.derivedKey(SEARCH_INDEX_KEY_PURPOSE);
    }
}
