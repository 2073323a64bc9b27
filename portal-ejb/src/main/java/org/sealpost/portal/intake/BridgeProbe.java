package org.sealpost.portal.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sealpost.portal.platform.ListenerProbe;

/** Readiness sees the bridge through this probe. */
@ApplicationScoped
public class BridgeProbe implements ListenerProbe {

    @Inject
    private BridgeService bridge;

    @Override
    public String listenerName() {
        return "mail-bridge";
    }

    @Override
    public boolean listening() {
        return bridge.listening();
    }
}
