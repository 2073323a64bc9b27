package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.language.Language;

/**
 * A client over its failure limit is refused before any password work: the Argon2id hasher
 * is never asked, the account is never looked up (the service has no database here; reaching
 * for it would fail the test), and the refusal is the one every refusal gets.
 */
class ThrottledSignInTest {

    private static final String CLIENT = "203.0.113.7";

    /** Counts every use of the hasher; each use in {@link SignInService} is one Argon2id run. */
    private static final class CountingPasswords extends Passwords {
        final AtomicInteger uses = new AtomicInteger();
        private final PasswordHasher cheap = new PasswordHasher(new Argon2Settings(8, 1, 1));

        @Override
        public PasswordHasher hasher() {
            uses.incrementAndGet();
            return cheap;
        }
    }

    /** Only the throttled refusal's audit event; any other step would reach for the (absent) database. */
    private static final class RecordedAudit extends SignInRecords {
        final List<AuditAction> actions = new ArrayList<>();

        @Override
        public void throttled(String address, String client, Instant now) {
            actions.add(AuditAction.SIGN_IN_THROTTLED);
        }
    }

    @Test
    void aThrottledClientIsRefusedWithoutAnyArgon2idHash() {
        CountingPasswords passwords = new CountingPasswords();
        RecordedAudit audit = new RecordedAudit();
        ClientThrottle throttle = new ClientThrottle();
        Instant now = Instant.now();
        for (int i = 0; i < SignInPolicy.DEFAULT.maxFailuresPerClient(); i++) {
            throttle.recordFailure(CLIENT, now, SignInPolicy.DEFAULT);
        }
        SignInService service = new SignInService(passwords, throttle, audit);

        char[] password = "correct horse battery staple".toCharArray();
        SignInResult result =
                service.signIn("anna@client.example", password, new SigningInClient(CLIENT, null, Language.ENGLISH));

        assertThat(result.succeeded()).isFalse();
        assertThat(result).isEqualTo(SignInResult.refused());
        assertThat(passwords.uses).as("Argon2id runs for a throttled attempt").hasValue(0);
        assertThat(audit.actions).containsExactly(AuditAction.SIGN_IN_THROTTLED);
        assertThat(password).as("the password is wiped all the same").containsOnly('\0');
    }
}
