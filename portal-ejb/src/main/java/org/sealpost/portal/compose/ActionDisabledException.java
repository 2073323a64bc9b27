package org.sealpost.portal.compose;

import org.sealpost.portal.policy.PortalAction;

/** The policy turns this action off: it cannot be started (the page should not have offered it). */
public class ActionDisabledException extends Exception {

    private static final long serialVersionUID = 1L;

    private final PortalAction action;

    public ActionDisabledException(PortalAction action) {
        super(action + " is turned off by the portal policy");
        this.action = action;
    }

    public PortalAction action() {
        return action;
    }
}
