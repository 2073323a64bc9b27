package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SignInPolicy policy = SignInPolicy.DEFAULT;

    private Account active() {
        Account a = Account.pendingRecipient(EmailAddress.of("anna@client.example"));
        a.register("$argon2id$hash", t0);
        return a;
    }

    @Test
    void aPendingAccountCannotSignInUntilItRegisters() {
        Account a = Account.pendingRecipient(EmailAddress.of("anna@client.example"));
        assertThat(a.mayTrySignIn(t0)).isFalse();

        a.register("$argon2id$hash", t0);

        assertThat(a.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(a.mayTrySignIn(t0)).isTrue();
    }

    @Test
    void anAccountRegistersOnlyOnce() {
        Account a = active();

        assertThatThrownBy(() -> a.register("$argon2id$other", t0)).isInstanceOf(IllegalStateException.class);
        assertThat(a.passwordHash()).isEqualTo("$argon2id$hash");
    }

    @Test
    void theFifthWrongPasswordInARowLocksTheAccountForFifteenMinutes() {
        Account a = active();
        for (int i = 0; i < 4; i++) {
            a.recordFailedSignIn(t0, policy);
        }
        assertThat(a.mayTrySignIn(t0)).isTrue();

        a.recordFailedSignIn(t0, policy);

        assertThat(a.mayTrySignIn(t0.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(a.mayTrySignIn(t0.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        Account a = active();
        for (int i = 0; i < 4; i++) {
            a.recordFailedSignIn(t0, policy);
        }
        a.recordSignIn(t0);
        a.recordFailedSignIn(t0, policy);

        assertThat(a.mayTrySignIn(t0)).isTrue();
    }

    @Test
    void aNewPasswordEndsSessionsThatSignedInBeforeIt() {
        Account a = active();
        Instant earlier = t0.plusSeconds(60);
        Instant reset = t0.plusSeconds(120);

        a.replacePassword("$argon2id$new", reset);

        assertThat(a.sessionStillValid(earlier)).isFalse();
        assertThat(a.sessionStillValid(reset.plusSeconds(1))).isTrue();
    }

    @Test
    void anAdministratorsUnlockEndsTheBackOffOfWrongPasswordsAtOnce() {
        Account a = active();
        for (int i = 0; i < policy.maxFailures(); i++) {
            a.recordFailedSignIn(t0, policy);
        }
        assertThat(a.lockedFor(t0)).isTrue();

        a.unlock(t0);

        assertThat(a.lockedFor(t0)).isFalse();
        assertThat(a.mayTrySignIn(t0)).isTrue();
    }

    @Test
    void unlockingAnAccountThatIsNotLockedIsARuleViolation() {
        Account a = active();

        assertThatThrownBy(() -> a.unlock(t0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEnd() {
        Account a = active();
        Instant signedIn = t0.plusSeconds(10);

        a.disable(t0.plusSeconds(20));

        assertThat(a.state()).isEqualTo(AccountState.DISABLED);
        assertThat(a.mayTrySignIn(t0.plusSeconds(30))).isFalse();
        assertThat(a.sessionStillValid(signedIn)).isFalse();
        assertThatThrownBy(() -> a.disable(t0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enablingReturnsARegisteredAccountToActiveAndAnUnregisteredOneToPending() {
        Account registered = active();
        Account unregistered = Account.pendingRecipient(EmailAddress.of("bert@client.example"));
        registered.disable(t0);
        unregistered.disable(t0);

        registered.enable();
        unregistered.enable();

        assertThat(registered.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(unregistered.state()).isEqualTo(AccountState.PENDING);
        assertThatThrownBy(registered::enable).isInstanceOf(IllegalStateException.class);
    }
}
