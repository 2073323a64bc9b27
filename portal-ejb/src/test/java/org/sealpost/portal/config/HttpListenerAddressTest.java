package org.sealpost.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpListenerAddressTest {

    @Test
    void theDefaultListensOnLoopbackOnlyAndTheNodeReachesItThere() {
        HttpListenerAddress listener = HttpListenerAddress.parse(HttpListenerAddress.DEFAULT);

        assertThat(listener.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(listener.selfUrl(8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(listener.reachableOverLoopback()).isTrue();
    }

    @Test
    void everyInterfaceIsReachedOverLoopbackByTheNodeItself() {
        for (String any : new String[] {"0.0.0.0", "::", "[::]"}) {
            HttpListenerAddress listener = HttpListenerAddress.parse(any);

            assertThat(listener.address().isAnyLocalAddress()).as(any).isTrue();
            assertThat(listener.selfUrl(8080)).as(any).isEqualTo("http://127.0.0.1:8080");
        }
    }

    @Test
    void oneNonLoopbackAddressIsReachedAtThatAddressBecauseLoopbackIsNotListenedOn() {
        assertThat(HttpListenerAddress.parse("10.0.0.11").selfUrl(8080)).isEqualTo("http://10.0.0.11:8080");
        assertThat(HttpListenerAddress.parse("fd00::11").selfUrl(8443)).isEqualTo("http://[fd00:0:0:0:0:0:0:11]:8443");
        assertThat(HttpListenerAddress.parse("10.0.0.11").reachableOverLoopback())
                .isFalse();
    }

    @Test
    void localhostMeansLoopback() {
        assertThat(HttpListenerAddress.parse("localhost").reachableOverLoopback())
                .isTrue();
    }

    @Test
    void aHostNameOrAMalformedAddressIsRefusedNamingTheSettingWithoutAskingDns() {
        for (String bad :
                new String[] {"portal.bank.example", "10.0.0.256", "1.2.3.4.5", "10.0.0", "fd00:::1::2", "", " "}) {
            assertThatThrownBy(() -> HttpListenerAddress.parse(bad))
                    .as("'" + bad + "'")
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("SEALPOST_HTTP_BIND")
                    .hasMessageContaining("an IP address");
        }
    }
}
