package org.sealpost.portal.account;

/** Where an account is in its life. */
public enum AccountState {
    /** Mail has arrived for the address; its owner has not registered yet. */
    PENDING,
    ACTIVE,
    /** Locked by an administrator. (Failed-login back-off is a time, not a state.) */
    LOCKED,
    DISABLED
}
