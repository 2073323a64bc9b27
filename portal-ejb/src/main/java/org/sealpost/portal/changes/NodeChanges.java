package org.sealpost.portal.changes;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * This node's {@link ChangeSignal}, fed by one {@link ChangeListener} on a connection of the
 * portal's pool for as long as the application runs. Code that keeps a table's rows in memory
 * asks {@link #generation(String)} on each use and reads the table again when it moved.
 */
@ApplicationScoped
public class NodeChanges {

    /** The default of {@link Setting#CHANGE_SAFETY_POLL}. */
    public static final Duration DEFAULT_SAFETY_POLL = Duration.ofSeconds(60);

    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** Managed, so the container knows the thread; its own, since it blocks for its whole life. */
    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private PortalSettings settings;

    private final ChangeSignal signal = new ChangeSignal();
    private ChangeListener listener;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Duration safetyPoll = settings.duration(Setting.CHANGE_SAFETY_POLL, DEFAULT_SAFETY_POLL);
        listener = new ChangeListener(signal, dataSource, safetyPoll, RETRY_DELAY);
        thread = threads.newThread(listener);
        thread.setName("change-signal");
        thread.start();
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** See {@link ChangeSignal#generation(String)}. */
    public long generation(String table) {
        return signal.generation(table);
    }

    /**
     * A change to {@code table} committed on this node: its own notification follows, but the
     * next use on this node must not wait for it.
     */
    public void changed(String table) {
        signal.changed(table);
    }
}
