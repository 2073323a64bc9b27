package org.sealpost.web.security;

import org.sealpost.portal.account.SecondStep;

/** Where a sign-in goes after a right password, by what {@link SecondStep} is due. */
public final class SecondStepPages {

    /** The second step's code page (public: the session is not signed in yet). */
    public static final String CODE = "/sign-in/code.xhtml";
    /** Enrolment as the second step of a sign-in (administrators in production). */
    public static final String REQUIRED_ENROLMENT = "/sign-in/authenticator.xhtml";
    /** Enrolment for a signed-in account: offered to administrators in development, chosen by recipients. */
    public static final String ENROLMENT = "/account/authenticator.xhtml";

    private SecondStepPages() {}

    public static String of(SecondStep step) {
        return switch (step) {
            case NONE -> "/inbox.xhtml";
            case CODE -> CODE;
            case ENROL_REQUIRED -> REQUIRED_ENROLMENT;
            case ENROL_OFFERED -> ENROLMENT + "?offered=true";
        };
    }
}
