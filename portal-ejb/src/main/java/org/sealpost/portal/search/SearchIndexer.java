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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.platform.BackgroundWorkers;
import org.sealpost.portal.platform.RecurringWorker;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * Brings this node's index up to date with the shared search index queue every second ({@link
 * QueueDrain}), so a message is searchable on every node about a second after its {@code 250}.
 * One thread per node, with a fixed delay, so passes never overlap and a rebuild is interleaved
 * with fresh arrivals. About once a minute it also prunes the queue: it forgets the indexes
 * not seen for {@code sealpost.search.forget.after} and deletes the rows every remaining index
 * has passed ({@link IndexFollowers}, ADR 0017). A pass that ends in an {@link Error} does not
 * stop the indexer ({@link RecurringWorker}); it turns readiness DOWN until a pass completes.
 */
@Singleton
@Startup
@DependsOn("PortalSearchIndex")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** For the rebuild's count of entries still to read, a JPQL count (ADR 0003). */
    @PersistenceUnit(unitName = "sealpost")
    private EntityManagerFactory emf;

    @Inject
    private PortalSearchIndex searchIndex;

    @Inject
    private MessageSealer sealer;

    @Inject
    private BackgroundWorkers workers;

    @Inject
    private PortalSettings settings;

    /**
     * A week: a node down over a long weekend keeps its place; one gone for good stops holding
     * the queue's rows (and showing as search index lag) a week after it was last seen.
     */
    static final Duration DEFAULT_FORGET_AFTER = Duration.ofDays(7);

    private static final Duration SHORTEST_FORGET_AFTER = Duration.ofHours(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private RecurringWorker worker;
    private Duration forgetAfter;
    /** Touched by the worker's one thread only. */
    private QueueDrain drain;

    private Instant nextPrune = Instant.MIN;

    @PostConstruct
    void start() {
        forgetAfter = settings.duration(Setting.SEARCH_FORGET_AFTER, DEFAULT_FORGET_AFTER);
        if (forgetAfter.compareTo(SHORTEST_FORGET_AFTER) < 0) {
            // Shorter, a node busy with one long pass, or briefly cut off from the database,
            // would be forgotten while alive and rebuild its whole index.
            throw new InvalidSettingException(
                    Setting.SEARCH_FORGET_AFTER, forgetAfter.toString(), "at least " + SHORTEST_FORGET_AFTER);
        }
        worker = workers.start("search-index", scheduler, Duration.ofSeconds(1), Duration.ofSeconds(1), this::drain);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * Drains pass after pass while a pass says more is waiting, reporting the progress of a long
     * run (a rebuild) through {@code report}; also what the rebuild benchmark times.
     *
     * @return the rows handled
     */
    static long drainAll(QueueDrain drain, Backlog backlog, Consumer<String> report) throws SQLException {
        QueueDrain.Pass pass = drain.indexBatch();
        if (!pass.more()) {
            // The every-second case: one pass took in all there was; nothing to report, nothing to count.
            return pass.indexed();
        }
        IndexingProgress progress = IndexingProgress.startingWith(pass.indexed() + backlog.count());
        progress.advance(pass.indexed()).ifPresent(report);
        do {
            // more is waiting while a pass says so (a rebuild, a burst of arrivals)
            pass = drain.indexBatch();
            progress.advance(pass.indexed()).ifPresent(report);
        } while (pass.more());
        if (progress.done() >= IndexingProgress.EVERY_ROWS) {
            report.accept(progress.summary());
        }
        return progress.done();
    }

    /**
     * How much is still waiting; asked only when a run turns out to be long, so after the first
     * pass, whose rows {@link #drainAll} adds itself: a count taken before that pass would count
     * its rows twice.
     */
    @FunctionalInterface
    interface Backlog {
        long count() throws SQLException;
    }

    /**
     * What this node's index has still to take in, so that a long run (a rebuild) can report its
     * progress: the queue rows after its position, and while it is rebuilt the entries after the
     * last one it read.
     */
    private long waiting() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return waiting(c, emf, searchIndex.id());
        }
    }

    /**
     * @param c   for the queue's and the followers' statements (PostgreSQL's {@code xid8})
     * @param emf for the entries' count, on an entity manager of its own: no transaction to
     *            join (the indexer runs outside one), no entity kept
     */
    static long waiting(Connection c, EntityManagerFactory emf, java.util.UUID indexId) throws SQLException {
        Optional<IndexFollowers.Follower> follower = IndexFollowers.find(c, indexId);
        if (follower.isEmpty()) {
            return 0;
        }
        long rows = SearchIndexQueue.lagAfter(c, follower.get().through()).rows();
        Optional<Long> rebuiltThrough = follower.get().rebuiltThroughEntry();
        if (rebuiltThrough.isEmpty()) {
            return rows;
        }
        EntityManager em = emf.createEntityManager();
        try {
            return rows + StoredMessages.countAfter(em, rebuiltThrough.get());
        } finally {
            em.close();
        }
    }

    private void drain() {
        try {
            if (drain == null) {
                drain = new QueueDrain(
                        dataSource, searchIndex.index(), sealer, searchIndex.id(), searchIndex.nodeName());
            }
            drainAll(drain, this::waiting, LOG::info);
            if (Instant.now().isAfter(nextPrune)) {
                nextPrune = Instant.now().plus(PRUNE_EVERY);
                prune();
            }
        } catch (Exception e) {
            // The database may be away or the disk full; the rows stay, the next pass retries.
            // An Error goes on to RecurringWorker.
            LOG.log(
                    Level.WARNING,
                    "search indexing pass failed, retrying: " + e,
                    LOG.isLoggable(Level.FINE) ? e : null);
        }
    }

    private void prune() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            IndexFollowers.Pruned pruned = IndexFollowers.pruneQueue(c, forgetAfter);
            for (IndexFollowers.Follower gone : pruned.forgotten()) {
                LOG.warning(() -> "forgot the search index " + gone.indexId() + " of node " + gone.nodeName()
                        + ", last seen " + gone.seenAt() + ": it no longer holds the search index queue; if it comes"
                        + " back it rebuilds");
            }
            LOG.fine(() -> pruned.rows() + " search index queue rows every index has passed deleted");
        }
    }
}
