package org.sealpost.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.session.SessionHandle;

class SignedInSessionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aSessionWaitingForItsSecondStepIsNotSignedInAndForgetsWhoAfterTenMinutes() {
        SignedInSession session = new SignedInSession();
        session.awaitSecondStep(7, "anna@client.example", "RECIPIENT", SecondStep.CODE, T0);

        assertThat(session.accountId()).isNull();
        assertThat(session.role()).isNull();
        assertThat(session.pendingSignIn(T0.plusSeconds(599)).accountId()).isEqualTo(7);
        assertThat(session.pendingSignIn(T0.plusSeconds(601))).isNull();
        assertThat(session.pendingSignIn(T0)).as("gone for good once expired").isNull();
    }

    @Test
    void aNewPasswordStepEndsTheEarlierSignInOfTheBrowserAndCompletingTheSecondStepEndsTheWait() {
        SignedInSession session = new SignedInSession();
        session.signedIn(3, "bob@client.example", "RECIPIENT", T0, SessionHandle.random());
        session.awaitSecondStep(7, "anna@client.example", "ADMIN", SecondStep.ENROL_REQUIRED, T0);
        assertThat(session.accountId()).isNull();
        assertThat(session.handle()).isNull();

        session.signedIn(7, "anna@client.example", "ADMIN", T0.plusSeconds(20), SessionHandle.random());
        assertThat(session.accountId()).isEqualTo(7);
        assertThat(session.pendingSignIn(T0.plusSeconds(20))).isNull();
    }
}
