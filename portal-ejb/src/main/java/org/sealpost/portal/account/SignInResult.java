package org.sealpost.portal.account;

import java.util.Optional;
import org.sealpost.portal.session.SessionHandle;

/**
 * The outcome of a sign-in. Deliberately one kind of refusal: an unknown address, a wrong
 * password, a PENDING, locked or throttled account all look the same to the client, so the
 * sign-in form cannot be used to find out which addresses have accounts.
 */
public record SignInResult(Optional<SignedIn> signedIn) {

    /**
     * Whose password was right, and what follows it: unless {@code secondStep}
     * {@linkplain SecondStep#signsInAtOnce() signs in at once}, the session is not signed in
     * until the second factor is given (or enrolled).
     *
     * @param session the registry's row of the session the sign-in opened; null while a second
     *     step is due (the step's completion opens it)
     */
    public record SignedIn(
            long accountId, EmailAddress email, Role role, SecondStep secondStep, SessionHandle session) {

        public SignedIn {
            if ((session != null) != secondStep.signsInAtOnce()) {
                throw new IllegalArgumentException("a session exactly when the sign-in is complete: " + secondStep);
            }
        }
    }

    /** Signed in by the password ({@code step} signs in at once), with the session it opened. */
    static SignInResult signedIn(Account account, SecondStep step, SessionHandle session) {
        return new SignInResult(
                Optional.of(new SignedIn(account.id(), account.email(), account.role(), step, session)));
    }

    /** The password was right; {@code secondStep}, which does not sign in at once, is due. */
    static SignInResult awaiting(Account account, SecondStep secondStep) {
        return new SignInResult(
                Optional.of(new SignedIn(account.id(), account.email(), account.role(), secondStep, null)));
    }

    static SignInResult refused() {
        return new SignInResult(Optional.empty());
    }

    /** The password was right (a second step may still be due). */
    public boolean succeeded() {
        return signedIn.isPresent();
    }
}
