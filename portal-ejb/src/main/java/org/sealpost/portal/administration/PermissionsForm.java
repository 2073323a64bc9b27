package org.sealpost.portal.administration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.PortalPolicy;
import org.sealpost.portal.policy.Scope;

/**
 * The portal permissions as the administrators' form shows and returns them.
 *
 * @param internalDomains as stored (IDNA ASCII) when shown; as typed (either form) when returned
 * @param version         the policy version the form was filled from: saving over a newer one is refused
 */
public record PermissionsForm(
        Map<PortalAction, Scope> scopes,
        List<String> internalDomains,
        boolean subdomainsInternal,
        long maxAttachmentBytes,
        int maxAttachmentCount,
        int version) {

    public PermissionsForm {
        scopes = new EnumMap<>(scopes);
        internalDomains = List.copyOf(internalDomains);
    }

    static PermissionsForm of(PortalPolicy policy) {
        return new PermissionsForm(
                policy.scopes(),
                policy.internalDomains(),
                policy.subdomainsInternal(),
                policy.maxAttachmentBytes(),
                policy.maxAttachmentCount(),
                policy.version());
    }

    @Override
    public Map<PortalAction, Scope> scopes() {
        return new EnumMap<>(scopes);
    }
}
