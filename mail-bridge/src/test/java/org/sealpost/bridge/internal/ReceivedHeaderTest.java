package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.net.IpLiteral;

class ReceivedHeaderTest {

    private final ReceivedHeader header = new ReceivedHeader("bridge.example.org", "Sealpost");
    private final Instant when = Instant.parse("2025-06-03T11:05:30Z");

    @Test
    void namesEsmtpsWithTlsProtocolAndCipherAndAnRfc5322Date() {
        ConnectionFacts facts = new ConnectionFacts(
                IpLiteral.parse("192.0.2.1"), "gw.customer.example", "TLSv1.3", "TLS_AES_256_GCM_SHA384");

        assertThat(header.build(facts, "0123456789abcdef0123", when))
                .isEqualTo("Received: from gw.customer.example ([192.0.2.1])\r\n"
                        + "\tby bridge.example.org (Sealpost) with ESMTPS (TLSv1.3 TLS_AES_256_GCM_SHA384)\r\n"
                        + "\tid 0123456789abcdef0123; Tue, 3 Jun 2025 11:05:30 +0000\r\n");
    }

    @Test
    void ipv6ClientIsAnIpv6AddressLiteral() {
        ConnectionFacts facts = new ConnectionFacts(
                IpLiteral.parse("2001:db8::7"), "gw", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

        assertThat(header.build(facts, "id", when)).startsWith("Received: from gw ([IPv6:2001:db8:0:0:0:0:0:7])\r\n");
    }

    @Test
    void withoutTlsItWouldSayPlainEsmtp() {
        ConnectionFacts facts = new ConnectionFacts(IpLiteral.parse("192.0.2.1"), "gw", "", "");

        assertThat(header.build(facts, "id", when)).contains("with ESMTP\r\n").doesNotContain("ESMTPS");
    }

    @Test
    void untrustedHeloCannotBreakOrForgeTheField() {
        ConnectionFacts facts = new ConnectionFacts(
                IpLiteral.parse("192.0.2.1"), "evil)\r\nX-Forged: yes (", "TLSv1.3", "TLS_AES_128_GCM_SHA256");

        String field = header.build(facts, "id", when);

        assertThat(field).startsWith("Received: from evil???X-Forged:?yes?? ([192.0.2.1])\r\n");
        assertThat(field.split("\r\n")).hasSize(3);
    }

    @Test
    void missingHeloIsUnknown() {
        ConnectionFacts facts =
                new ConnectionFacts(IpLiteral.parse("192.0.2.1"), "", "TLSv1.3", "TLS_AES_128_GCM_SHA256");

        assertThat(header.build(facts, "id", when)).startsWith("Received: from unknown ([192.0.2.1])");
    }
}
