package org.sealpost.portal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.config.InvalidSettingException;

class MetricsAddressTest {

    @Test
    void anIpv4AndABracketedIpv6AddressWithTheirPorts() {
        assertThat(MetricsListener.MetricsAddress.parse("127.0.0.1:9464"))
                .isEqualTo(new MetricsListener.MetricsAddress("127.0.0.1", 9464));
        MetricsListener.MetricsAddress v6 = MetricsListener.MetricsAddress.parse("[::1]:9464");
        assertThat(v6).isEqualTo(new MetricsListener.MetricsAddress("::1", 9464));
        assertThat(v6).hasToString("[::1]:9464");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9464", "127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:metrics", "127.0.0.1:70000"})
    void anythingElseIsRefusedNamingTheSetting(String value) {
        assertThatThrownBy(() -> MetricsListener.MetricsAddress.parse(value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SEALPOST_METRICS_ADDRESS");
    }
}
