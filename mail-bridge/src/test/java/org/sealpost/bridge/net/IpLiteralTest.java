package org.sealpost.bridge.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @Test
    void parsesIpv4AndIpv6Literals() {
        assertThat(IpLiteral.parse("192.0.2.1"))
                .isInstanceOf(Inet4Address.class)
                .extracting(address -> address.getHostAddress())
                .isEqualTo("192.0.2.1");
        assertThat(IpLiteral.parse("2001:db8::1"))
                .isInstanceOf(Inet6Address.class)
                .extracting(address -> address.getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "mail.example.org",
                "1.2.3",
                "1.2.3.4.5",
                "01.2.3.4",
                "1.2.3.256",
                "::g",
                "1:2:3:4:5:6:7:8:9",
                ""
            })
    void refusesHostNamesAndMalformedLiteralsWithoutAskingDns(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpLiteral.parse(text));
    }
}
