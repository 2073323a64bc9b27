package org.sealpost.portal.account;

/** What follows a correct password. */
public enum SecondStep {
    /** Nothing: the account has no second factor and needs none. Signed in. */
    NONE,
    /** The account has an authenticator: its code (or a recovery code) completes the sign-in. */
    CODE,
    /**
     * An administrator without an authenticator in production: enrolling one (and confirming
     * it with a code) completes the sign-in; until then no page opens.
     */
    ENROL_REQUIRED,
    /** An administrator without an authenticator in development: signed in, and offered enrolment. */
    ENROL_OFFERED;

    /**
     * The rule of issue 12: administrators need a second factor in production and are offered
     * one in development; anyone who has one uses it.
     */
    public static SecondStep after(Role role, boolean hasSecondFactor, boolean production) {
        if (hasSecondFactor) {
            return CODE;
        }
        if (role == Role.ADMIN) {
            return production ? ENROL_REQUIRED : ENROL_OFFERED;
        }
        return NONE;
    }

    /** Whether the password alone signs in (the session is fully signed in after it). */
    public boolean signsInAtOnce() {
        return this == NONE || this == ENROL_OFFERED;
    }

    /** Whether the account must keep a second factor once it has one (no turning it off). */
    public static boolean required(Role role, boolean production) {
        return role == Role.ADMIN && production;
    }
}
