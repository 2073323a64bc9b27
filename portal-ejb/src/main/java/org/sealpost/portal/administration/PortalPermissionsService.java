package org.sealpost.portal.administration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PolicySeed;

/**
 * The portal permissions page's transactions ({@link PortalPermissions}). Only administrators:
 * the container refuses anyone else before a method runs, whatever page or request called it.
 */
@Stateless
@RolesAllowed("ADMIN")
public class PortalPermissionsService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    @Resource
    private SessionContext caller;

    private PortalPermissions permissions() {
        return new PortalPermissions(em, () -> PolicySeed.fromSettings(settings::get, Instant.now()));
    }

    public EffectivePolicy current() {
        try {
            return permissions().current();
        } catch (PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }

    /** @see PortalPermissions#save */
    public List<PermissionChange> save(EffectivePolicy edited, String client)
            throws InvalidDomainsException, PolicyChangedMeanwhileException {
        try {
            return permissions().save(edited, caller.getCallerPrincipal().getName(), client, Instant.now());
        } catch (PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }
}
