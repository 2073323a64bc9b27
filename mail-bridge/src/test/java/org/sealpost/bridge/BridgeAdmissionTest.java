package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values an administrator may give the running bridge, checked before they reach it. */
class BridgeAdmissionTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Sealpost-Encrypt", "X-Gateway.Flag_1", "Encrypt!"})
    void rfc5322FieldNamesAreAccepted(String name) {
        assertThat(BridgeAdmission.isFieldName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Flag", "X-Flag:", "X-Fläg", "X-Flag\r\nBcc"})
    void namesWithSpaceColonNonAsciiOrLineBreaksAreNotFieldNames(String name) {
        assertThat(BridgeAdmission.isFieldName(name)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeAdmission(List.of("127.0.0.1/32"), name, "yes", false))
                .withMessageStartingWith("flagHeaderName: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.0/24", "192.0.2.7", "2001:db8::/32", "::1/128", "0.0.0.0/0"})
    void ipv4AndIpv6BlocksAreAccepted(String cidr) {
        BridgeAdmission.checkClientBlock(cidr);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.1.2.3/24", "10.0.0.0/33", "2001:db8::/129", "gateway.bank.example", "10.0.0/8", "10.0.0.0/"})
    void aBadBlockIsRefusedNamingTheEntry(String cidr) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeAdmission(List.of("127.0.0.1/32", cidr), "X-F", "yes", false))
                .withMessageContaining(cidr.endsWith("/") ? "has no valid prefix" : cidr);
    }

    @Test
    void anEmptyAllowListIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeAdmission(List.of(), "X-F", "yes", false))
                .withMessageContaining("nobody could connect");
    }
}
