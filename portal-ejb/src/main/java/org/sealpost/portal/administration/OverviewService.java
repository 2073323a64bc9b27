package org.sealpost.portal.administration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;

/** The overview page's figures ({@link PortalOverview}); only administrators. */
@Stateless
@RolesAllowed("ADMIN")
public class OverviewService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    /** "Today" and "this week" in the server's time zone, the one the portal's pages show times in. */
    public Overview now() {
        try {
            return new PortalOverview(em).at(Instant.now(), ZoneId.systemDefault());
        } catch (SQLException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }
}
