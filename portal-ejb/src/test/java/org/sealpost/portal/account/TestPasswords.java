package org.sealpost.portal.account;

import java.util.concurrent.atomic.AtomicInteger;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.account.password.PasswordPolicy;

/**
 * The portal's passwords outside the container: the real Argon2id hasher at a tiny cost, so a
 * test signs in in milliseconds, and the real policy. Counts the uses of the hasher: the
 * sign-in asks for it once per Argon2id check.
 */
final class TestPasswords extends Passwords {

    final AtomicInteger hasherUses = new AtomicInteger();
    private final PasswordHasher hasher = new PasswordHasher(new Argon2Settings(8, 1, 1));
    private final PasswordPolicy policy = new PasswordPolicy();

    @Override
    public PasswordHasher hasher() {
        hasherUses.incrementAndGet();
        return hasher;
    }

    @Override
    public PasswordPolicy policy() {
        return policy;
    }
}
