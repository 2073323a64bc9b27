package org.sealpost.portal.policy;

import java.util.List;

/**
 * The answer to "may this be sent?": allowed when nothing is refused. Immutable.
 *
 * @param action    what was asked for
 * @param refusals  every reason it may not go, each naming its address where it concerns one
 * @param internal  the distinct internal addresses it would go to, in the order typed
 * @param external  the distinct external addresses it would go to, in the order typed
 */
public record SendDecision(
        PortalAction action, List<Refusal> refusals, List<RecipientAddress> internal, List<RecipientAddress> external) {

    public SendDecision {
        refusals = List.copyOf(refusals);
        internal = List.copyOf(internal);
        external = List.copyOf(external);
    }

    public boolean allowed() {
        return refusals.isEmpty();
    }

    /** The refusals to show next to {@code field} (those naming no field belong to the whole form). */
    public List<Refusal> refusalsAt(AddressField field) {
        return refusals.stream().filter(r -> r.field() == field).toList();
    }

    // Bean-style accessors for Jakarta EL 5.
    public boolean isAllowed() {
        return allowed();
    }

    public List<Refusal> getRefusals() {
        return refusals;
    }
}
