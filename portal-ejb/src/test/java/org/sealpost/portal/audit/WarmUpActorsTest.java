package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What counts as the warm-up's own doing (ADR 0039): what it does as the actor {@code warm-up},
 * and its readers' sign-ins and sign-outs; never a refused sign-in, nor an address that merely
 * looks like a reader's.
 */
class WarmUpActorsTest {

    @Test
    void theWarmUpsOwnDeedsAndItsReadersSignInsAndOutAreTheWarmUps() {
        assertThat(WarmUpActors.isWarmUp("warm-up", "REGISTERED")).isTrue();
        assertThat(WarmUpActors.isWarmUp("warm-up", "ACCOUNT_DELETED")).isTrue();
        assertThat(WarmUpActors.isWarmUp("reader-1@warm-up.invalid", "SIGNED_IN"))
                .isTrue();
        assertThat(WarmUpActors.isWarmUp("reader-1@warm-up.invalid", "SIGNED_OUT"))
                .isTrue();
    }

    @Test
    void aRefusedSignInWithAReadersAddressIsSomebodyElsesAndStaysInSight() {
        assertThat(WarmUpActors.isWarmUp("reader-1@warm-up.invalid", "SIGN_IN_FAILED"))
                .isFalse();
        assertThat(WarmUpActors.isWarmUp("reader-1@warm-up.invalid", "SIGN_IN_THROTTLED"))
                .isFalse();
    }

    @Test
    void lookAlikesAreNotTheWarmUps() {
        assertThat(WarmUpActors.isWarmUp("x@warm-up.invalid.example", "SIGNED_IN"))
                .isFalse();
        assertThat(WarmUpActors.isWarmUp("x@bench.invalid", "SIGNED_IN")).isFalse();
        assertThat(WarmUpActors.isWarmUp("warm-up.invalid", "POLICY_CHANGED")).isFalse();
        assertThat(WarmUpActors.isWarmUp("system", "SIGNED_IN")).isFalse();
        assertThat(WarmUpActors.isWarmUp(null, "SIGNED_IN")).isFalse();
    }
}
