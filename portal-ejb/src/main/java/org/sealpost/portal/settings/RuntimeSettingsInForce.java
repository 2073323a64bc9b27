package org.sealpost.portal.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The runtime settings in force, for what every page shows (the branding in the header): from
 * this node's copy while it is current, with no transaction and no call into the EJB container;
 * only a stale copy is read again, through {@link RuntimeSettingsService}'s transaction.
 *
 * <p>Each page's header asked {@link RuntimeSettingsService#current()} directly: a stateless
 * bean's invocation and a JTA transaction begun and committed around a read of memory, 0.24 ms
 * of a sign-in's CPU on a 2-core node (docs/BENCHMARKS.md, "Session of 2026-12-06, sixth").
 */
@ApplicationScoped
public class RuntimeSettingsInForce {

    private RuntimeSettingsCache copy;
    private Supplier<RuntimeSettingsView> read;

    public RuntimeSettingsInForce() {
        // for the container
    }

    /** For tests: {@code read} stands for the service's transaction. */
    RuntimeSettingsInForce(RuntimeSettingsCache copy, Supplier<RuntimeSettingsView> read) {
        this.copy = copy;
        this.read = read;
    }

    @Inject
    void wire(RuntimeSettingsCache copy, RuntimeSettingsService service) {
        this.copy = copy;
        this.read = service::current;
    }

    /** The settings in force; read through the service (seeded on first use) when this node's copy is stale. */
    public RuntimeSettingsView current() {
        return copy.current(read);
    }
}
