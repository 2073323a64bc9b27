package org.sealpost.portal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClientAttributionTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/24"));
    private final ClientAttribution xForwardedFor = new ClientAttribution(proxies, ForwardedHeader.X_FORWARDED_FOR);
    private final ClientAttribution forwarded = new ClientAttribution(proxies, ForwardedHeader.FORWARDED);

    private static Function<String, List<String>> headers(Map<String, List<String>> lines) {
        return name -> lines.getOrDefault(name, List.of());
    }

    @Test
    void anUntrustedPeerIsTheClientAndItsHeadersAreNeverRead() {
        Function<String, List<String>> unread = name -> {
            throw new AssertionError("read " + name + " from an untrusted peer");
        };

        assertThat(xForwardedFor.origin("198.51.100.9", false, unread))
                .isEqualTo(new ClientOrigin("198.51.100.9", false));
    }

    @Test
    void behindATrustedProxyTheForwardedClientAndTheProxysSchemeCount() {
        ClientOrigin origin = xForwardedFor.origin(
                "10.0.0.5",
                false,
                headers(Map.of(
                        "X-Forwarded-For", List.of("192.0.2.66, 203.0.113.7"),
                        "X-Forwarded-Proto", List.of("http, https"))));

        assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.7", true));
    }

    @Test
    void aSchemeHeaderFromAnUntrustedPeerIsNotBelieved() {
        assertThat(xForwardedFor.origin("198.51.100.9", false, headers(Map.of("X-Forwarded-Proto", List.of("https")))))
                .isEqualTo(new ClientOrigin("198.51.100.9", false));
    }

    @Test
    void withForwardedChosenTheSchemeIsTheRightmostElementsProtoAndXForwardedHeadersAreIgnored() {
        ClientOrigin origin = forwarded.origin(
                "10.0.0.5",
                false,
                headers(Map.of(
                        "Forwarded", List.of("for=203.0.113.7;proto=https"),
                        "X-Forwarded-For", List.of("192.0.2.66"),
                        "X-Forwarded-Proto", List.of("http"))));

        assertThat(origin).isEqualTo(new ClientOrigin("203.0.113.7", true));
    }

    @Test
    void aPeerThatIsNoAddressLiteralIsTakenAsItIs() {
        assertThat(xForwardedFor.origin("local-socket", true, headers(Map.of())))
                .isEqualTo(new ClientOrigin("local-socket", true));
    }
}
