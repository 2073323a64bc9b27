package org.sealpost.bridge.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @Test
    void ipv4BlockContainsItsAddressesOnly() {
        CidrBlock block = CidrBlock.parse("10.0.0.0/8");

        assertThat(block.contains(IpLiteral.parse("10.255.1.2"))).isTrue();
        assertThat(block.contains(IpLiteral.parse("11.0.0.1"))).isFalse();
        assertThat(block.contains(IpLiteral.parse("::1"))).isFalse();
    }

    @Test
    void ipv6BlockContainsItsAddressesOnly() {
        CidrBlock block = CidrBlock.parse("2001:db8:abcd::/48");

        assertThat(block.contains(IpLiteral.parse("2001:db8:abcd:12::1"))).isTrue();
        assertThat(block.contains(IpLiteral.parse("2001:db8:abce::1"))).isFalse();
        assertThat(block.contains(IpLiteral.parse("10.0.0.1"))).isFalse();
    }

    @Test
    void prefixBoundaryInsideAByteIsRespected() {
        CidrBlock block = CidrBlock.parse("192.168.4.0/22");

        assertThat(block.contains(IpLiteral.parse("192.168.7.255"))).isTrue();
        assertThat(block.contains(IpLiteral.parse("192.168.8.0"))).isFalse();
        assertThat(block.contains(IpLiteral.parse("192.168.3.255"))).isFalse();
    }

    @Test
    void bareAddressIsASingleHost() {
        CidrBlock block = CidrBlock.parse("192.0.2.7");

        assertThat(block.contains(IpLiteral.parse("192.0.2.7"))).isTrue();
        assertThat(block.contains(IpLiteral.parse("192.0.2.8"))).isFalse();
    }

    @Test
    void zeroPrefixMatchesEveryAddressOfItsFamily() {
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(IpLiteral.parse("203.0.113.9")))
                .isTrue();
        assertThat(CidrBlock.parse("::/0").contains(IpLiteral.parse("2001:db8::1")))
                .isTrue();
    }

    @Test
    void ipv4MappedIpv6ClientCountsAsIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 5;
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(CidrBlock.parse("10.0.0.0/8").contains(client)).isTrue();
    }

    @Test
    void hostBitsAfterThePrefixAreRefusedWithASuggestion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CidrBlock.parse("10.1.2.3/8"))
                .withMessageContaining("host bits set")
                .withMessageContaining("10.0.0.0/8");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/",
                "10.0.0.0/x",
                "10.0.0/8",
                "256.0.0.0/8",
                "010.0.0.0/8",
                "gateway.example/32",
                "",
                " ",
                "fe80::1%eth0/128"
            })
    void malformedBlocksAreRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.parse(text));
    }
}
