package org.sealpost.portal.secondfactor;

import java.util.List;

/** The answer to an authentication code or a recovery code. */
public sealed interface CodeCheck {

    /**
     * The code is right and now used. {@code newRecoveryCodes} holds the codes to show once
     * (after an enrolment), else it is empty; {@code recoveryCodesLeft} is how many unspent
     * codes remain.
     */
    record Accepted(List<String> newRecoveryCodes, int recoveryCodesLeft) implements CodeCheck {
        public Accepted {
            newRecoveryCodes = List.copyOf(newRecoveryCodes);
        }
    }

    /** Not the code of this time (or not a recovery code of this account); counted as a failure. */
    record Wrong() implements CodeCheck {}

    /** The code of a time step already used: RFC 6238 §5.2 forbids accepting it again. */
    record Replayed() implements CodeCheck {}

    /** The account is locked (too many wrong passwords or codes) or the client is throttled. */
    record Locked() implements CodeCheck {}

    /** The account has no authenticator (in that state), e.g. it was turned off meanwhile. */
    record NoSecondFactor() implements CodeCheck {}

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
