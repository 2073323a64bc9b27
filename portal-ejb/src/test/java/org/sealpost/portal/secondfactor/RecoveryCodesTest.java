package org.sealpost.portal.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfSixteenBase32CharactersInFourGroups() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());
        assertThat(codes)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
    }

    @Test
    void caseSpacesAndDashesDoNotMatterButOtherCharactersDo() {
        assertThat(RecoveryCodes.normalise(" ABCD-efgh ijkm-nop2 ")).isEqualTo("abcdefghijkmnop2");
        assertThat(RecoveryCodes.normalise("abcd-efgh-ijkm-nop1")).isNull();
        assertThat(RecoveryCodes.normalise("abcd-efgh-ijkm")).isNull();
        assertThat(RecoveryCodes.normalise(null)).isNull();
    }

    @Test
    void theStoredHashDependsOnTheAccount() {
        assertThat(RecoveryCodes.hash(1, "abcdefghijkmnop2"))
                .hasSize(32)
                .isNotEqualTo(RecoveryCodes.hash(2, "abcdefghijkmnop2"))
                .isEqualTo(RecoveryCodes.hash(1, "abcdefghijkmnop2"));
    }
}
