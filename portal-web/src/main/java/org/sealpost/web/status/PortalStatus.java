package org.sealpost.web.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.platform.StartupGate;
import org.sealpost.web.format.PageText;

/** Presents the landing page's status line. */
@Named
@RequestScoped
public class PortalStatus {

    @Inject
    private StartupGate startupGate;

    public String getSummary() {
        String schema = startupGate.schemaVersion();
        return schema == null ? PageText.of("status.starting") : PageText.of("status.summary", schema);
    }
}
