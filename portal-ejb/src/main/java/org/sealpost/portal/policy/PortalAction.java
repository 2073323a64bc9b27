package org.sealpost.portal.policy;

/** What a recipient may do in the portal, each governed by its own {@link Scope}. */
public enum PortalAction {
    REPLY,
    REPLY_ALL,
    FORWARD,
    COMPOSE,
    /** Not a way of writing but a property of one: whether files may go with it, and to whom. */
    ATTACH;

    /** The four ways a message is written; {@link #ATTACH} is not one of them. */
    public boolean writes() {
        return this != ATTACH;
    }
}
