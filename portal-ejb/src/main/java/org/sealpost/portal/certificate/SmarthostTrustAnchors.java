package org.sealpost.portal.certificate;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The owner of table {@code smarthost_trust_anchor}. */
public final class SmarthostTrustAnchors {

    private final EntityManager em;

    public SmarthostTrustAnchors(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    public List<SmarthostTrustAnchor> all() {
        return em.createQuery(
                        "SELECT a FROM SmarthostTrustAnchor a ORDER BY a.addedAt, a.fingerprint",
                        SmarthostTrustAnchor.class)
                .getResultList();
    }

    Optional<SmarthostTrustAnchor> find(String fingerprint) {
        return Optional.ofNullable(em.find(SmarthostTrustAnchor.class, fingerprint));
    }

    void add(SmarthostTrustAnchor anchor) {
        em.persist(anchor);
    }

    void remove(SmarthostTrustAnchor anchor) {
        em.remove(anchor);
    }

    /**
     * A digest of the set of anchors: what every node polls, rebuilding its smarthost trust
     * only when it changed (an added and a removed anchor in between would not fool a count).
     */
    public String version() {
        Object digest = em.createNativeQuery(
                        "SELECT md5(coalesce(string_agg(fingerprint, ',' ORDER BY fingerprint), '')) FROM smarthost_trust_anchor")
                .getSingleResult();
        return String.valueOf(digest);
    }
}
