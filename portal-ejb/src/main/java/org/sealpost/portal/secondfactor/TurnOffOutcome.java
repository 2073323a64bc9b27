package org.sealpost.portal.secondfactor;

/** The answer to "turn my second factor off". */
public enum TurnOffOutcome {
    TURNED_OFF,
    /** Neither a current authentication code nor the account's password was given. */
    WRONG_PROOF,
    /** Administrators keep their second factor in production. */
    REQUIRED,
    /** There was none to turn off. */
    NOT_ON
}
