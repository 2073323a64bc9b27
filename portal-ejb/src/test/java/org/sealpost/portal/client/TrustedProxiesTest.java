package org.sealpost.portal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.net.IpLiteral;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/24", "fd00::/8"));

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text);
    }

    private InetAddress clientOf(String peer, ForwardedHeader header, String... lines) {
        return proxies.client(ip(peer), header.hops(List.of(lines)));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertThat(clientOf("198.51.100.9", ForwardedHeader.X_FORWARDED_FOR, "203.0.113.1"))
                .isEqualTo(ip("198.51.100.9"));
        assertThat(TrustedProxies.none().client(ip("10.0.0.1"), List.of("203.0.113.1")))
                .isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void theRightmostUntrustedHopIsTheClientSoAPrependedSpoofIsNeverRead() {
        // The client sent "X-Forwarded-For: 192.0.2.66"; nginx appended the address it saw.
        assertThat(clientOf("10.0.0.5", ForwardedHeader.X_FORWARDED_FOR, "192.0.2.66, 203.0.113.7"))
                .isEqualTo(ip("203.0.113.7"));
        // Two proxies of ours in a row.
        assertThat(clientOf("10.0.0.5", ForwardedHeader.X_FORWARDED_FOR, "192.0.2.66, 203.0.113.7", "10.0.0.9"))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsItselfTheClient() {
        assertThat(clientOf("10.0.0.5", ForwardedHeader.X_FORWARDED_FOR)).isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void anUnknownHopStopsTheWalkAtTheProxyThatWroteIt() {
        assertThat(clientOf("10.0.0.5", ForwardedHeader.X_FORWARDED_FOR, "203.0.113.7, unknown"))
                .isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void rfc7239ElementsWithPortsQuotesAndIpv6() {
        assertThat(clientOf(
                        "10.0.0.5",
                        ForwardedHeader.FORWARDED,
                        "for=192.0.2.66;proto=https, for=\"[2001:db8:cafe::17]:4711\";proto=https"))
                .isEqualTo(ip("2001:db8:cafe::17"));
        assertThat(clientOf("fd00::1", ForwardedHeader.FORWARDED, "For=\"203.0.113.7:443\", for=10.0.0.7;by=fd00::2"))
                .isEqualTo(ip("203.0.113.7"));
        assertThat(clientOf("10.0.0.5", ForwardedHeader.FORWARDED, "for=_hidden"))
                .isEqualTo(ip("10.0.0.5"));
        assertThat(ForwardedHeader.lastProto(List.of("for=1.2.3.4;proto=http", "for=5.6.7.8;proto=HTTPS")))
                .isEqualTo("https");
    }

    @Test
    void theHeaderNotChosenIsNotRead() {
        // A proxy that writes X-Forwarded-For passes the client's own Forwarded header on.
        assertThat(ForwardedHeader.X_FORWARDED_FOR.hops(List.of())).isEmpty();
        assertThat(ForwardedHeader.named("forwarded")).isEqualTo(ForwardedHeader.FORWARDED);
        assertThatThrownBy(() -> ForwardedHeader.named("X-Real-IP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostNameIsNotACidrBlock() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
