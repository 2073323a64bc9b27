package org.sealpost.portal.account;

import java.util.Set;
import org.sealpost.portal.audit.WarmUpActors;

/**
 * The domains the portal keeps for accounts of its own, which no mail may reach. The warm-up's
 * reader (ADR 0033) is an account at {@link #WARM_UP}, and a later warm-up deletes every account
 * there once it is an hour old, with its messages; so the mail bridge refuses recipients in
 * these domains ({@code 550 5.1.2}, {@code intake.BridgeService}) rather than answer 250 for a
 * message that would be shredded, and the portal policy refuses them as recipients of a send
 * ({@code policy.RefusalReason.RESERVED_ADDRESS}) rather than make a PENDING account there.
 *
 * <p>Kept here, at the bottom of the feature packages, because the warm-up, the intake and the
 * policy need it, and neither the intake nor the policy may depend on the warm-up (which reaches
 * the policy directly and the intake through administration and compose: a cycle, which the
 * architecture test forbids).
 */
public final class ReservedDomains {

    /**
     * RFC 2606's reserved top-level domain: no account of a real person can have this address.
     * Spelled in the audit package, whose page and meters set the warm-up's events apart by it.
     */
    public static final String WARM_UP = WarmUpActors.DOMAIN;

    /** Every reserved domain, lower case, as the bridge's {@code reservedDomains} setting takes them. */
    public static final Set<String> ALL = Set.of(WARM_UP);

    private ReservedDomains() {}
}
