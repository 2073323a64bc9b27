package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondStepTest {

    @Test
    void anAdministratorWithoutAnAuthenticatorMustEnrolInProductionAndIsOfferedItInDevelopment() {
        assertThat(SecondStep.after(Role.ADMIN, false, true)).isEqualTo(SecondStep.ENROL_REQUIRED);
        assertThat(SecondStep.ENROL_REQUIRED.signsInAtOnce()).isFalse();
        assertThat(SecondStep.after(Role.ADMIN, false, false)).isEqualTo(SecondStep.ENROL_OFFERED);
        assertThat(SecondStep.ENROL_OFFERED.signsInAtOnce()).isTrue();
    }

    @Test
    void whoeverHasAnAuthenticatorGivesACodeAndARecipientWithoutOneSignsInWithThePassword() {
        for (Role role : Role.values()) {
            assertThat(SecondStep.after(role, true, true)).isEqualTo(SecondStep.CODE);
            assertThat(SecondStep.after(role, true, false)).isEqualTo(SecondStep.CODE);
        }
        assertThat(SecondStep.CODE.signsInAtOnce()).isFalse();
        assertThat(SecondStep.after(Role.RECIPIENT, false, true)).isEqualTo(SecondStep.NONE);
        assertThat(SecondStep.NONE.signsInAtOnce()).isTrue();
    }

    @Test
    void onlyAnAdministratorInProductionMustKeepIt() {
        assertThat(SecondStep.required(Role.ADMIN, true)).isTrue();
        assertThat(SecondStep.required(Role.ADMIN, false)).isFalse();
        assertThat(SecondStep.required(Role.RECIPIENT, true)).isFalse();
    }
}
