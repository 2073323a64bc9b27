package org.sealpost.portal.administration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.sealpost.portal.config.PortalSettings;

/** The overview page's figures ({@link PortalOverview}); only administrators. */
@Stateless
@RolesAllowed("ADMIN")
public class OverviewService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    /** "Today" and "this week" in the zone the portal's pages show times in ({@code SEALPOST_DISPLAY_ZONE}). */
    public Overview now() {
        return StorageGuard.get(() -> new PortalOverview(em).at(Instant.now(), settings.displayZone()));
    }
}
