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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.PortalKeys;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.search.MessageIndex;

/**
 * The node's search index, in {@code <data dir>/search/}, opened at start-up with the key
 * derived from the keystore (ADR 0007) and closed (committed) at shutdown. A missing, unusable,
 * foreign or forgotten index is replaced and rebuilt in the background ({@link NodeSearchIndex}).
 * The index follows the shared queue under an id of its own, named in the database after the
 * node ({@code sealpost.node.name}, else the host name) for the operator (ADR 0017).
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
    private UUID id;
    private String nodeName;

    @PostConstruct
    void open() {
        nodeName = settings.get(Setting.NODE_NAME).orElseGet(PortalSearchIndex::hostName);
        byte[] key = keys.searchIndexKey();
        try {
            NodeSearchIndex.Opened opened = NodeSearchIndex.openOrRebuild(
                    settings.dataDirectory().resolve("search"), key, dataSource, nodeName);
            id = opened.id();
            index = opened.index();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** For an operator reading {@code search_index_follower}: which node an index belongs to. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unnamed";
        }
    }

    /** The id the index follows the queue under ({@link IndexFollowers}). */
    public UUID id() {
        return id;
    }

    public String nodeName() {
        return nodeName;
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
