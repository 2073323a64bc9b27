package org.sealpost.portal.policy;

import java.util.List;
import java.util.Map;

/**
 * The policy as a page needs it: which actions to offer and which limits to name. A snapshot;
 * the server decides every send again against the policy as it is then. The administrators'
 * permissions form shows one and returns an edited one
 * ({@link org.sealpost.portal.administration.PortalPermissions}): the same settings, so one record.
 *
 * @param internalDomains as stored (IDNA ASCII) in a snapshot; as typed (either form) in an edited form
 * @param version         the policy version the snapshot was taken of: saving an edited form over a
 *                        newer one is refused
 */
public record EffectivePolicy(
        Map<PortalAction, Scope> scopes,
        List<String> internalDomains,
        boolean subdomainsInternal,
        long maxAttachmentBytes,
        int maxAttachmentCount,
        int version) {

    public EffectivePolicy {
        scopes = Map.copyOf(scopes);
        internalDomains = List.copyOf(internalDomains);
    }

    public Scope scope(PortalAction action) {
        return scopes.get(action);
    }

    public boolean allows(PortalAction action) {
        return scope(action).allowed();
    }

    // Bean-style accessors for Jakarta EL 5: #{policy.replyAllowed} and so on.
    public boolean isReplyAllowed() {
        return allows(PortalAction.REPLY);
    }

    public boolean isReplyAllAllowed() {
        return allows(PortalAction.REPLY_ALL);
    }

    public boolean isForwardAllowed() {
        return allows(PortalAction.FORWARD);
    }

    public boolean isComposeAllowed() {
        return allows(PortalAction.COMPOSE);
    }

    public boolean isAttachAllowed() {
        return allows(PortalAction.ATTACH);
    }

    public List<String> getInternalDomains() {
        return internalDomains;
    }

    public long getMaxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    public int getMaxAttachmentCount() {
        return maxAttachmentCount;
    }
}
