package org.sealpost.portal.account;

import java.time.Instant;

/** One sign-in attempt as the account's owner sees it on their account page. */
public record SignInRecord(Instant at, String clientAddress, Outcome outcome) {

    /**
     * How it ended. A wrong code (authentication or recovery code, after a right password)
     * tells the owner that someone else knows their password.
     */
    public enum Outcome {
        SIGNED_IN,
        WRONG_PASSWORD,
        WRONG_CODE
    }

    public boolean succeeded() {
        return outcome == Outcome.SIGNED_IN;
    }
}
