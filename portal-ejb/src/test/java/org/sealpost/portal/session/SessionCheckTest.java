package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCheckTest {

    private final Instant signedIn = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void anOpenSessionOfAnActiveAccountGoesOn() {
        assertThat(new SessionCheck(true, null, true, null).verdict(signedIn)).isEqualTo(SessionVerdict.GOES_ON);
        assertThat(new SessionCheck(true, signedIn, true, null).verdict(signedIn))
                .isEqualTo(SessionVerdict.GOES_ON);
    }

    @Test
    void aSessionSignedOutFromAnotherSessionSaysSo() {
        assertThat(new SessionCheck(true, null, true, EndReason.ENDED_FROM_OTHER_SESSION).verdict(signedIn))
                .isEqualTo(SessionVerdict.ENDED_FROM_OTHER_SESSION);
    }

    @Test
    void aSessionWhoseRowEndedOtherwiseEnds() {
        for (EndReason reason : new EndReason[] {
            EndReason.SIGNED_OUT, EndReason.EXPIRED, EndReason.SIGNED_OUT_EVERYWHERE, EndReason.PASSWORD_REPLACED
        }) {
            assertThat(new SessionCheck(true, null, true, reason).verdict(signedIn))
                    .as(reason.name())
                    .isEqualTo(SessionVerdict.ENDED);
        }
    }

    @Test
    void aSessionThatSignedInBeforeThePasswordChangedEndsWhateverItsRowSays() {
        Instant changed = signedIn.plusSeconds(60);

        assertThat(new SessionCheck(true, changed, true, null).verdict(signedIn))
                .isEqualTo(SessionVerdict.ENDED);
        assertThat(new SessionCheck(true, changed, true, EndReason.ENDED_FROM_OTHER_SESSION).verdict(signedIn))
                .isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void aSessionTheRegistryDoesNotKnowEnds() {
        assertThat(new SessionCheck(true, null, false, null).verdict(signedIn)).isEqualTo(SessionVerdict.ENDED);
        assertThat(new SessionCheck(true, null, true, null).verdict(null)).isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void aSessionOfAnAccountThatIsNoLongerActiveEnds() {
        assertThat(new SessionCheck(false, null, true, null).verdict(signedIn)).isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void anActiveSessionEndsOnceItsRowIsAsOldAsTheAbsoluteLifetimeHoweverRecentlyItProvedItsPassword() {
        java.time.Duration twelveHours = java.time.Duration.ofHours(12);
        SessionCheck check = new SessionCheck(true, null, true, null, signedIn);
        Instant renewed = signedIn.plus(java.time.Duration.ofHours(11));

        assertThat(check.verdict(renewed, signedIn.plus(twelveHours).minusSeconds(1), twelveHours))
                .isEqualTo(SessionVerdict.GOES_ON);
        assertThat(check.verdict(renewed, signedIn.plus(twelveHours), twelveHours))
                .isEqualTo(SessionVerdict.REACHED_MAX_AGE);
        assertThat(new SessionCheck(true, null, true, EndReason.ENDED_FROM_OTHER_SESSION, signedIn)
                        .verdict(signedIn, signedIn.plus(twelveHours), twelveHours))
                .as("an ended session keeps its own reason")
                .isEqualTo(SessionVerdict.ENDED_FROM_OTHER_SESSION);
    }
}
