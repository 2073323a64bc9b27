package org.sealpost.portal.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpSecretTest {

    @Test
    void aSecretIs160BitsShownAs32Base32CharactersInGroupsOfFour() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret.base32())).isEqualTo(secret.bytes());
        assertThat(secret.grouped()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(secret.grouped().replace(" ", "")).isEqualTo(secret.base32());
    }

    @Test
    void theProvisioningUriNamesIssuerAccountAndTheParametersAppsNeed() {
        TotpSecret secret = TotpSecret.of(new byte[20]);
        assertThat(secret.otpauthUri("Bank of Example & Co", "postmaster@bank.example"))
                .isEqualTo("otpauth://totp/Bank%20of%20Example%20%26%20Co:postmaster%40bank.example"
                        + "?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&issuer=Bank%20of%20Example%20%26%20Co"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void theTextOfASecretNeverShowsItsValue() {
        assertThat(TotpSecret.of(new byte[20]).toString()).doesNotContain("AAAA");
    }
}
