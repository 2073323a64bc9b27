package org.sealpost.portal.administration;

import java.util.ArrayList;
import java.util.List;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PortalAction;

/**
 * One thing a save changed in the portal permissions, old and new value as text: what the
 * page tells the administrator recipients will notice, and what the audit event records.
 *
 * @param action the action whose scope changed; null for the other subjects
 */
public record PermissionChange(Subject subject, PortalAction action, String before, String after) {

    /** What changed. */
    public enum Subject {
        SCOPE,
        INTERNAL_DOMAINS,
        SUBDOMAINS_INTERNAL,
        MAX_ATTACHMENT_BYTES,
        MAX_ATTACHMENT_COUNT
    }

    /** The differences between two forms, actions first in their order, then the rest. */
    static List<PermissionChange> between(EffectivePolicy before, EffectivePolicy after) {
        List<PermissionChange> changes = new ArrayList<>();
        for (PortalAction action : PortalAction.values()) {
            if (before.scopes().get(action) != after.scopes().get(action)) {
                changes.add(new PermissionChange(
                        Subject.SCOPE,
                        action,
                        before.scopes().get(action).name(),
                        after.scopes().get(action).name()));
            }
        }
        if (!before.internalDomains().equals(after.internalDomains())) {
            changes.add(new PermissionChange(
                    Subject.INTERNAL_DOMAINS,
                    null,
                    String.join(" ", before.internalDomains()),
                    String.join(" ", after.internalDomains())));
        }
        if (before.subdomainsInternal() != after.subdomainsInternal()) {
            changes.add(new PermissionChange(
                    Subject.SUBDOMAINS_INTERNAL,
                    null,
                    Boolean.toString(before.subdomainsInternal()),
                    Boolean.toString(after.subdomainsInternal())));
        }
        if (before.maxAttachmentBytes() != after.maxAttachmentBytes()) {
            changes.add(new PermissionChange(
                    Subject.MAX_ATTACHMENT_BYTES,
                    null,
                    Long.toString(before.maxAttachmentBytes()),
                    Long.toString(after.maxAttachmentBytes())));
        }
        if (before.maxAttachmentCount() != after.maxAttachmentCount()) {
            changes.add(new PermissionChange(
                    Subject.MAX_ATTACHMENT_COUNT,
                    null,
                    Integer.toString(before.maxAttachmentCount()),
                    Integer.toString(after.maxAttachmentCount())));
        }
        return changes;
    }

    /** For the audit event: {@code FORWARD: DISABLED -> INTERNAL_ONLY}. */
    public String describe() {
        return (action != null ? action.name() : subject.name()) + ": " + before + " -> " + after;
    }
}
