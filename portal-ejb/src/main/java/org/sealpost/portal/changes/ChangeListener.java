package org.sealpost.portal.changes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One node's listening connection: {@code LISTEN sealpost_change}, then block in pgjdbc's
 * {@link PGConnection#getNotifications(int)} until a notification arrives, which reads the socket
 * and sends no query. Each notification raises its table's generation in the {@link ChangeSignal}.
 *
 * <p>The safety poll: every {@code safetyPoll} every generation is raised, so a value cached
 * from a table is read again at least that often even if its notification never came (a
 * trigger disabled by hand, a write made while this connection was being re-established). A
 * broken connection is replaced after {@code retryDelay}; until then the signal says nobody is
 * listening and the node reads every table on every use.
 */
public final class ChangeListener implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());

    /** The longest a wait for notifications lasts, so that {@link #stop()} is seen promptly. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final ChangeSignal signal;
    /** Where the listening connection comes from (the pool in Payara, a test's data source). */
    private final DataSource connections;

    private final Duration safetyPoll;
    private final Duration retryDelay;
    private volatile boolean stopped;

    public ChangeListener(ChangeSignal signal, DataSource connections, Duration safetyPoll, Duration retryDelay) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.connections = Objects.requireNonNull(connections, "connections");
        if (safetyPoll.isNegative() || safetyPoll.isZero()) {
            throw new IllegalArgumentException("the safety poll must be positive: " + safetyPoll);
        }
        this.safetyPoll = safetyPoll;
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    }

    @Override
    public void run() {
        while (!stopped) {
            try (Connection connection = connections.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.log(
                            Level.WARNING,
                            "listening for changes failed; every node-local copy is read again on each use until it"
                                    + " listens again in " + retryDelay.toSeconds() + " s",
                            e);
                }
            } finally {
                signal.listening(false);
            }
            pause(retryDelay);
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            // Takes effect at once in autocommit; what changed before this line is covered by
            // listening(true), which makes every cached value stale.
            s.execute("LISTEN " + ChangeSignal.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        signal.listening(true);
        long nextSafetyPoll = System.nanoTime() + safetyPoll.toNanos();
        while (!stopped) {
            long left = nextSafetyPoll - System.nanoTime();
            if (left <= 0) {
                signal.anythingMayHaveChanged();
                nextSafetyPoll = System.nanoTime() + safetyPoll.toNanos();
                continue;
            }
            int waitMillis = (int) Math.max(1, Math.min(LONGEST_WAIT.toMillis(), left / 1_000_000));
            PGNotification[] arrived = pg.getNotifications(waitMillis);
            if (arrived != null) {
                for (PGNotification n : arrived) {
                    signal.changed(n.getParameter());
                }
            }
        }
        // The connection goes back to a pool: it must not keep collecting notifications there.
        try (Statement s = connection.createStatement()) {
            s.execute("UNLISTEN *");
        }
    }

    /** Ends {@link #run()} within about a second (the longest wait for notifications). */
    public void stop() {
        stopped = true;
    }

    private void pause(Duration d) {
        if (stopped) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
