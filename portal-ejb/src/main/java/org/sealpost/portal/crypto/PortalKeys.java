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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The key-encryption keys the portal seals messages under. Production names the keystore
 * and its password ({@code SEALPOST_KEYSTORE}, {@code SEALPOST_KEYSTORE_PASSWORD}); dev mode
 * generates both under the data directory on first start and reuses them after.
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
        if (settings.get(Setting.KEYSTORE).isPresent()) {
            Path keystore = Path.of(settings.get(Setting.KEYSTORE).get());
            char[] password = settings.get(Setting.KEYSTORE_PASSWORD)
                    .orElseThrow(() -> new InvalidSettingException(Setting.KEYSTORE_PASSWORD,
                            "is required when " + Setting.KEYSTORE.environmentVariable() + " is set"))
                    .toCharArray();
            keks = settings.production() ? KeyEncryptionKeys.open(keystore, password)
                    : KeyEncryptionKeys.openOrCreate(keystore, password);
        } else {
            Path dir = settings.dataDirectory().resolve("keys");
            keks = KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), devPassword(dir.resolve("kek.password")));
        }
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
     * The search index key: derived from the keystore (ADR 0007), so it is never in the
     * database or the index directory, and production needs no secret beyond the keystore it
     * already must name.
     */
    public byte[] searchIndexKey() {
        return keks.derivedKey(SEARCH_INDEX_KEY_PURPOSE);
    }

    /** Dev mode's keystore password: random, generated once, readable by the owner only. */
    private static char[] devPassword(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Created owner-only from the first byte, not chmod'ed after writing.
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development keystore password " + file, e);
        }
    }
}
