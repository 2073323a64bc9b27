package org.sealpost.portal.account;

import java.util.Optional;

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
     */
    public record SignedIn(long accountId, EmailAddress email, Role role, SecondStep secondStep) {

        public SignedIn(long accountId, EmailAddress email, Role role) {
            this(accountId, email, role, SecondStep.NONE);
        }
    }

    static SignInResult success(Account account, SecondStep secondStep) {
        return new SignInResult(Optional.of(new SignedIn(account.id(), account.email(), account.role(), secondStep)));
    }

    static SignInResult refused() {
        return new SignInResult(Optional.empty());
    }

    /** The password was right (a second step may still be due). */
    public boolean succeeded() {
        return signedIn.isPresent();
    }
}
