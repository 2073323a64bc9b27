package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.operator.OperatorContext;
import org.sealpost.portal.secondfactor.SecondFactorsAtSignIn;
import org.sealpost.portal.session.SessionHandle;

/**
 * The sign-in against PostgreSQL, without Payara: the right password signs in and is recorded,
 * a wrong one is refused and counted, an unknown address is refused exactly as a wrong password
 * is and costs the same Argon2id check, a locked, pending or throttled account is refused even
 * with its right password, and an account with a second factor is not signed in by its
 * password alone.
 */
class SignInServiceIT {

    private static final String ANNA = "anna@client.example";
    private static final String PASSWORD = "violet kettle under the bridge";
    private static final SigningInClient CLIENT = new SigningInClient("192.0.2.7", "Test browser", Language.ENGLISH);

    private static PortalJpa db;

    private final TestPasswords passwords = new TestPasswords();
    private final ClientThrottle throttle = new ClientThrottle();
    private boolean production;
    private long anna;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("sign_in_service");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void anActiveAccount() throws Exception {
        db.execute("TRUNCATE account, audit_event, portal_session RESTART IDENTITY CASCADE");
        anna = TestAccounts.insert(
                db, ANNA, "RECIPIENT", "ACTIVE", passwords.hasher().hash(PASSWORD.toCharArray()));
        passwords.hasherUses.set(0);
    }

    @Test
    void theRightPasswordSignsInAndIsRecorded() throws Exception {
        char[] password = PASSWORD.toCharArray();

        SignInResult result = service().signIn(ANNA, password, CLIENT);

        assertThat(result.signedIn()).hasValueSatisfying(who -> {
            assertThat(who.accountId()).isEqualTo(anna);
            assertThat(who.email()).isEqualTo(EmailAddress.of(ANNA));
            assertThat(who.role()).isEqualTo(Role.RECIPIENT);
            assertThat(who.secondStep()).isEqualTo(SecondStep.NONE);
        });
        assertThat(db.string("SELECT last_login_at IS NOT NULL FROM account")).isEqualTo("t");
        assertThat(db.strings("SELECT action FROM audit_event")).containsExactly("SIGNED_IN");
        assertThat(password).as("the password is wiped").containsOnly('\0');
    }

    @Test
    void theRightPasswordOpensTheSessionAndRemembersThePageLanguageWithItsAuditEvent() throws Exception {
        SignInResult result = service()
                .signIn(
                        ANNA,
                        PASSWORD.toCharArray(),
                        new SigningInClient(
                                "192.0.2.7",
                                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                                Language.GERMAN));

        SignInResult.SignedIn who = result.signedIn().orElseThrow();
        assertThat(who.session()).as("the session the sign-in opened").isNotNull();
        assertThat(db.strings("SELECT account_id || ' ' || client_address || ' ' || device || ' ' || (ended_at IS NULL)"
                        + " FROM portal_session"))
                .containsExactly(anna + " 192.0.2.7 Firefox/Linux true");
        assertThat(db.string("SELECT language FROM account")).isEqualTo("de");
    }

    @Test
    void aSignInThatAwaitsItsSecondFactorOpensNoSession() throws Exception {
        db.execute(
                "INSERT INTO second_factor (account_id, seal_id, kek_version, wrapped_key, secret_ciphertext, started_at,"
                        + " confirmed_at) VALUES (" + anna + ", gen_random_uuid(), 1, '\\x00', '\\x00', now(), now())");

        SignInResult result = service().signIn(ANNA, PASSWORD.toCharArray(), CLIENT);

        assertThat(result.signedIn().orElseThrow().session()).isNull();
        assertThat(db.string("SELECT count(*) FROM portal_session")).isEqualTo("0");
        assertThat(db.string("SELECT language IS NULL FROM account"))
                .as("the language is remembered when the second step completes the sign-in")
                .isEqualTo("t");
    }

    @Test
    void aCompletedSecondStepOpensTheSessionAndRemembersThePageLanguage() throws Exception {
        SessionHandle handle = db.inTransaction(
                em -> new SignInRecords(em, false, new SecondFactorsAtSignIn(), SessionRegistries.on(em))
                        .secondStepDone(anna, new SigningInClient("192.0.2.8", null, Language.GERMAN), Instant.now()));

        assertThat(handle).isNotNull();
        assertThat(db.strings(
                        "SELECT account_id || ' ' || client_address || ' ' || (ended_at IS NULL) FROM portal_session"))
                .containsExactly(anna + " 192.0.2.8 true");
        assertThat(db.string("SELECT language FROM account")).isEqualTo("de");
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedForTheAccountAndTheClient() throws Exception {
        SignInResult result = service().signIn(ANNA, "not the password at all".toCharArray(), CLIENT);

        assertThat(result).isEqualTo(SignInResult.refused());
        assertThat(db.string("SELECT failed_logins FROM account")).isEqualTo("1");
        assertThat(db.strings("SELECT action || ': ' || detail FROM audit_event"))
                .containsExactly("SIGN_IN_FAILED: wrong password");
        assertThat(throttle.exhausted(CLIENT.address(), Instant.now(), tightClientLimit(1)))
                .as("the failure counts against the client")
                .isTrue();
    }

    @Test
    void anUnknownAddressIsRefusedLikeAWrongPasswordAfterTheSameArgon2idWork() throws Exception {
        SignInResult wrongPassword = service().signIn(ANNA, "not the password at all".toCharArray(), CLIENT);
        int hashesForWrongPassword = passwords.hasherUses.getAndSet(0);

        SignInResult unknown = service().signIn("nobody@client.example", PASSWORD.toCharArray(), CLIENT);

        assertThat(unknown).isEqualTo(wrongPassword).isEqualTo(SignInResult.refused());
        assertThat(passwords.hasherUses).as("Argon2id checks").hasValue(hashesForWrongPassword);
        assertThat(hashesForWrongPassword).isOne();
        assertThat(db.strings("SELECT action || ': ' || detail FROM audit_event ORDER BY id"))
                .containsExactly("SIGN_IN_FAILED: wrong password", "SIGN_IN_FAILED: unknown address");
    }

    @Test
    void anAccountLockedByWrongPasswordsIsRefusedEvenWithItsRightPassword() throws Exception {
        for (int i = 0; i < SignInPolicy.DEFAULT.maxFailures(); i++) {
            // From several clients, so that it is the account's lock and not a client's limit.
            service()
                    .signIn(
                            ANNA,
                            ("wrong guess number " + i).toCharArray(),
                            new SigningInClient("198.51.100." + i, null, Language.ENGLISH));
        }

        SignInResult right = service().signIn(ANNA, PASSWORD.toCharArray(), CLIENT);

        assertThat(right.succeeded()).isFalse();
        assertThat(db.string("SELECT locked_until > now() FROM account")).isEqualTo("t");
        assertThat(passwords.hasherUses)
                .as("the locked account's refusal still costs an Argon2id check")
                .hasValue(SignInPolicy.DEFAULT.maxFailures() + 1);
        assertThat(db.string("SELECT detail FROM audit_event ORDER BY id DESC LIMIT 1"))
                .isEqualTo("account ACTIVE, locked");
    }

    @Test
    void aPendingAccountIsRefusedWhateverPasswordIsTried() throws Exception {
        TestAccounts.insert(db, "new@client.example", "RECIPIENT", "PENDING", null);

        assertThat(service().signIn("new@client.example", "".toCharArray(), CLIENT))
                .isEqualTo(SignInResult.refused());
        assertThat(db.string("SELECT detail FROM audit_event")).isEqualTo("account PENDING");
    }

    @Test
    void aThrottledClientIsRefusedWhileAnotherClientSignsInToTheSameAccount() throws Exception {
        for (int i = 0; i < SignInPolicy.DEFAULT.maxFailuresPerClient(); i++) {
            throttle.recordFailure(CLIENT.address(), Instant.now(), SignInPolicy.DEFAULT);
        }

        assertThat(service().signIn(ANNA, PASSWORD.toCharArray(), CLIENT)).isEqualTo(SignInResult.refused());
        assertThat(service()
                        .signIn(
                                ANNA,
                                PASSWORD.toCharArray(),
                                new SigningInClient("203.0.113.9", null, Language.ENGLISH))
                        .succeeded())
                .isTrue();
        assertThat(db.strings("SELECT action FROM audit_event ORDER BY id"))
                .containsExactly("SIGN_IN_THROTTLED", "SIGNED_IN");
    }

    @Test
    void anAccountWithAConfirmedSecondFactorIsNotSignedInByItsPasswordAlone() throws Exception {
        db.execute("UPDATE account SET failed_logins = 2");
        db.execute(
                "INSERT INTO second_factor (account_id, seal_id, kek_version, wrapped_key, secret_ciphertext, started_at,"
                        + " confirmed_at) VALUES (" + anna + ", gen_random_uuid(), 1, '\\x00', '\\x00', now(), now())");

        SignInResult result = service().signIn(ANNA, PASSWORD.toCharArray(), CLIENT);

        assertThat(result.signedIn()).map(SignInResult.SignedIn::secondStep).contains(SecondStep.CODE);
        assertThat(db.strings("SELECT action FROM audit_event")).containsExactly("SIGN_IN_AWAITS_SECOND_FACTOR");
        assertThat(db.string("SELECT failed_logins || ' ' || (last_login_at IS NULL) FROM account"))
                .as("neither the failures reset nor a sign-in recorded before the code")
                .isEqualTo("2 true");
    }

    @Test
    void anAdministratorWithoutASecondFactorIsSignedInAndOfferedOneInDevelopment() throws Exception {
        TestAccounts.insert(
                db, "admin@bank.example", "ADMIN", "ACTIVE", passwords.hasher().hash(PASSWORD.toCharArray()));

        SignInResult.SignedIn who = service()
                .signIn("admin@bank.example", PASSWORD.toCharArray(), CLIENT)
                .signedIn()
                .orElseThrow();

        assertThat(who.secondStep()).isEqualTo(SecondStep.ENROL_OFFERED);
        assertThat(who.session())
                .as("signed in at once, so its session is open")
                .isNotNull();
    }

    @Test
    void anAdministratorWithoutASecondFactorMustEnrolOneInProduction() throws Exception {
        TestAccounts.insert(
                db, "admin@bank.example", "ADMIN", "ACTIVE", passwords.hasher().hash(PASSWORD.toCharArray()));
        production = true;

        SignInResult result = service().signIn("admin@bank.example", PASSWORD.toCharArray(), CLIENT);

        assertThat(result.signedIn()).map(SignInResult.SignedIn::secondStep).contains(SecondStep.ENROL_REQUIRED);
    }

    private SignInService service() {
        return new SignInService(passwords, throttle, new RecordsInTransactions());
    }

    private static SignInPolicy tightClientLimit(int failures) {
        return new SignInPolicy(
                SignInPolicy.DEFAULT.maxFailures(),
                SignInPolicy.DEFAULT.lockDuration(),
                failures,
                SignInPolicy.DEFAULT.clientWindow());
    }

    /**
     * The records as the container runs them: each call its own transaction, the password
     * check between them outside any.
     */
    private final class RecordsInTransactions extends SignInRecords {

        @Override
        public Optional<String> passwordHashToCheck(String address, Instant now) {
            return inTransaction(r -> r.passwordHashToCheck(address, now));
        }

        @Override
        public void throttled(String address, String client, Instant now) {
            inTransaction(r -> {
                r.throttled(address, client, now);
                return null;
            });
        }

        @Override
        public SignInResult settle(
                String address,
                String checkedHash,
                boolean right,
                SigningInClient client,
                Instant now,
                SignInPolicy policy) {
            return inTransaction(r -> r.settle(address, checkedHash, right, client, now, policy));
        }

        private <T> T inTransaction(java.util.function.Function<SignInRecords, T> work) {
            OperatorContext.Work<T> onRecords = em -> work.apply(
                    new SignInRecords(em, production, new SecondFactorsAtSignIn(), SessionRegistries.on(em)));
            try {
                return db.inTransaction(onRecords);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
