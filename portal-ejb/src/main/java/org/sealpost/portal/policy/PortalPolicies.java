package org.sealpost.portal.policy;

import jakarta.persistence.EntityManager;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The owner of table {@code portal_policy}: every statement about it is here. Reads the row in
 * the caller's transaction on every call (the shared cache is off, ADR 0003), so a change made
 * on one node is what the next send on any node is decided by; a primary-key read costs far
 * less than the send it guards.
 */
public final class PortalPolicies {

    private final EntityManager em;

    public PortalPolicies(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * The policy, seeded from {@code seed} when the database holds none yet. Two nodes seeding
     * at once do not collide: the insert does nothing when the row exists (ON CONFLICT), and
     * both then read the one row.
     *
     * @return the policy and whether this call wrote it
     */
    public Current current(Supplier<PortalPolicy> seed) {
        PortalPolicy stored = em.find(PortalPolicy.class, PortalPolicy.THE_POLICY);
        if (stored != null) {
            return new Current(stored, false);
        }
        PortalPolicy fresh = seed.get();
        int inserted = em.createNativeQuery("""
                INSERT INTO portal_policy (id, reply_scope, reply_all_scope, forward_scope, compose_scope, attach_scope,
                    internal_domains, subdomains_internal, max_attachment_bytes, max_attachment_count, changed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, PortalPolicy.THE_POLICY)
                .setParameter(2, fresh.scope(PortalAction.REPLY).name())
                .setParameter(3, fresh.scope(PortalAction.REPLY_ALL).name())
                .setParameter(4, fresh.scope(PortalAction.FORWARD).name())
                .setParameter(5, fresh.scope(PortalAction.COMPOSE).name())
                .setParameter(6, fresh.scope(PortalAction.ATTACH).name())
                .setParameter(7, String.join(" ", fresh.internalDomains()))
                .setParameter(8, fresh.subdomainsInternal())
                .setParameter(9, fresh.maxAttachmentBytes())
                .setParameter(10, fresh.maxAttachmentCount())
                .setParameter(11, fresh.changedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        PortalPolicy now = em.find(PortalPolicy.class, PortalPolicy.THE_POLICY);
        if (now == null) {
            throw new IllegalStateException("the portal policy was neither found nor inserted");
        }
        return new Current(now, inserted == 1);
    }

    /** The policy, and whether it was just seeded (then worth an audit event). */
    public record Current(PortalPolicy policy, boolean seeded) {}
}
