package org.sealpost.portal.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import javax.sql.DataSource;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.crypto.PortalKeys;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.search.MessageIndex;

/**
 * The node's search index, in {@code <data dir>/search/}, opened at start-up with the key
 * derived from the keystore (ADR 0007) and closed (committed) at shutdown. A missing, unusable
 * or foreign index is replaced and rebuilt in the background ({@link NodeSearchIndex}).
 */
@Singleton
@Startup
@DependsOn({"StartupGate", "PortalKeys"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalSearchIndex {

    @Inject
    private PortalSettings settings;

    @Inject
    private PortalKeys keys;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    private volatile MessageIndex index;

    @PostConstruct
    void open() {
        byte[] key = keys.searchIndexKey();
        try {
            index = NodeSearchIndex.openOrRebuild(settings.dataDirectory().resolve("search"), key, dataSource);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @PreDestroy
    void close() {
        MessageIndex closing = index;
        index = null;
        if (closing != null) {
            closing.close();
        }
    }

    /** The open index; thread-safe. */
    public MessageIndex index() {
        MessageIndex open = index;
        if (open == null) {
            throw new IllegalStateException("the search index is closed");
        }
        return open;
    }
}
