package org.sealpost.portal.settings;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.sealpost.portal.changes.NodeChanges;

/**
 * This node's copy of the runtime settings, read again only when the database has signalled a
 * change to {@code runtime_settings} (ADR 0023). Every page showed the branding, so every page
 * read the row before (a transaction and a query per page, a sizeable share of a sign-in's CPU,
 * issue 15); now a page reads memory.
 */
@ApplicationScoped
public class RuntimeSettingsCache {

    /** The table the copy is of: the payload of its change notification. */
    static final String TABLE = "runtime_settings";

    private record Copy(long generation, RuntimeSettingsView view) {}

    private LongSupplier generation;
    private Runnable changedHere;
    private volatile Copy copy;

    @Inject
    void changes(NodeChanges changes) {
        this.generation = () -> changes.generation(TABLE);
        this.changedHere = () -> changes.changed(TABLE);
    }

    public RuntimeSettingsCache() {
        // for the container
    }

    /** For tests: {@code generation} answers the table's generation, {@code changedHere} raises it. */
    RuntimeSettingsCache(LongSupplier generation, Runnable changedHere) {
        this.generation = generation;
        this.changedHere = changedHere;
    }

    /** The settings in force: the copy while no change was signalled since it was read, else {@code read}. */
    RuntimeSettingsView current(Supplier<RuntimeSettingsView> read) {
        // The generation before the read: a change committed while reading raises it, so the
        // copy made from this read is not used beyond this call (ChangeSignal).
        long now = generation.getAsLong();
        Copy c = copy;
        if (c != null && c.generation() == now) {
            return c.view();
        }
        RuntimeSettingsView fresh = read.get();
        copy = new Copy(now, fresh);
        return fresh;
    }

    /**
     * A change through this node's {@link RuntimeSettingsService} has ended: the next use here
     * reads the row again without waiting for the database's notification. Committed or not
     * (the copy might have been read inside the change's transaction), and before any other
     * observer of the change, such as the mail bridge's, reads the settings again.
     */
    void changed(
            @Observes(during = TransactionPhase.AFTER_COMPLETION) @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                    RuntimeSettingsChanged change) {
        changedHere.run();
    }
}
