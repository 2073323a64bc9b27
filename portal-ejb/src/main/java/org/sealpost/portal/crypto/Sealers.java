package org.sealpost.portal.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The {@link MessageSealer} as an injectable value: the one way the portal's beans get it.
 * {@link PortalKeys} builds the sealer once, when it opens the
 * keystore at start-up, and never replaces it, so a bean may hold it. Asking the PortalKeys EJB
 * for it each time cost a full EJB invocation (Weld's proxy, Payara's interceptor chain and a
 * thrown exception): a fifth of the bridge's intake CPU in a JFR profile (docs/BENCHMARKS.md).
 */
@ApplicationScoped
public class Sealers {

    @Inject
    private PortalKeys keys;

    /** Dependent: each injection point gets the one sealer when its bean is created. */
    @Produces
    MessageSealer sealer() {
        return keys.sealer();
    }
}
