package org.sealpost.portal.account;

import java.util.Optional;

/**
 * The outcome of a sign-in. Deliberately one kind of refusal: an unknown address, a wrong
 * password, a PENDING, locked or throttled account all look the same to the client, so the
 * sign-in form cannot be used to find out which addresses have accounts.
 */
public record SignInResult(Optional<SignedIn> signedIn) {

    /** Who signed in. */
    public record SignedIn(long accountId, EmailAddress email, Role role) {
    }

    static SignInResult success(Account account) {
        return new SignInResult(Optional.of(new SignedIn(account.id(), account.email(), account.role())));
    }

    static SignInResult refused() {
        return new SignInResult(Optional.empty());
    }

    public boolean succeeded() {
        return signedIn.isPresent();
    }
}
