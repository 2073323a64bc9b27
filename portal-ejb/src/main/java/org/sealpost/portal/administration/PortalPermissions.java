package org.sealpost.portal.administration;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PortalPolicies;
import org.sealpost.portal.policy.PortalPolicy;
import org.sealpost.portal.policy.RecipientAddress;

/**
 * The administrators' portal permissions page: reads the one policy row and changes it, in
 * the caller's transaction. A change holds for every recipient on every node from their next
 * page or send, because the policy is read from the database for each (never cached).
 */
public final class PortalPermissions {

    private final EntityManager em;
    private final Supplier<PortalPolicy> seed;

    /** @param seed the policy the settings describe, written when the database holds none yet */
    public PortalPermissions(EntityManager em, Supplier<PortalPolicy> seed) {
        this.em = Objects.requireNonNull(em, "em");
        this.seed = Objects.requireNonNull(seed, "seed");
    }

    public EffectivePolicy current() {
        return new PortalPolicies(em).current(seed).policy().effective();
    }

    /**
     * Saves the form over the policy it was filled from.
     *
     * @return what changed (empty when the form changed nothing; then nothing is written)
     * @throws InvalidDomainsException          an internal domain is not a host name (all such are named)
     * @throws PolicyChangedMeanwhileException  someone saved the policy after the form was filled
     * @throws IllegalArgumentException         a limit below zero (the page's fields never send one)
     */
    public List<PermissionChange> save(EffectivePolicy edited, String actor, String client, Instant now)
            throws InvalidDomainsException, PolicyChangedMeanwhileException {
        List<String> refused = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (String typed : edited.internalDomains()) {
            RecipientAddress.normaliseDomain(typed)
                    .ifPresentOrElse(
                            d -> {
                                if (!normalised.contains(d)) {
                                    normalised.add(d);
                                }
                            },
                            () -> refused.add(typed));
        }
        if (!refused.isEmpty()) {
            throw new InvalidDomainsException(refused);
        }
        PortalPolicy policy = new PortalPolicies(em).current(seed).policy();
        if (policy.version() != edited.version()) {
            throw new PolicyChangedMeanwhileException(edited.version(), policy.version());
        }
        EffectivePolicy before = policy.effective();
        EffectivePolicy after = new EffectivePolicy(
                edited.scopes(),
                normalised,
                edited.subdomainsInternal(),
                edited.maxAttachmentBytes(),
                edited.maxAttachmentCount(),
                before.version());
        List<PermissionChange> changes = PermissionChange.between(before, after);
        if (changes.isEmpty()) {
            return changes;
        }
        policy.change(
                after.scopes(),
                normalised,
                after.subdomainsInternal(),
                after.maxAttachmentBytes(),
                after.maxAttachmentCount(),
                now);
        try {
            // The UPDATE names the version read above: another administrator's save committed
            // since then matches no row, and this one fails instead of overwriting theirs.
            em.flush();
        } catch (OptimisticLockException e) {
            throw new PolicyChangedMeanwhileException(edited.version(), edited.version() + 1);
        } catch (PersistenceException e) {
            // Some providers wrap the lock failure (EclipseLink outside a container does).
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockException) {
                    throw new PolicyChangedMeanwhileException(edited.version(), edited.version() + 1);
                }
            }
            throw e;
        }
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.POLICY_CHANGED,
                        "portal_policy",
                        Integer.toString(PortalPolicy.THE_POLICY),
                        client,
                        changes.stream().map(PermissionChange::describe).collect(Collectors.joining("; ")),
                        now);
        return changes;
    }
}
