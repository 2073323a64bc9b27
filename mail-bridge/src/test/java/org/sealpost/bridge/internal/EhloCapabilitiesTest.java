package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EhloCapabilitiesTest {

    private final EhloCapabilities capabilities = new EhloCapabilities("bridge.example.org", 26_214_400);

    @Test
    void beforeTlsAdvertisesStartTlsSizeEightBitMimePipeliningAndEnhancedStatusCodes() {
        assertThat(capabilities.keywords(false))
                .containsExactly("STARTTLS", "SIZE 26214400", "8BITMIME", "PIPELINING", "ENHANCEDSTATUSCODES");
    }

    @Test
    void afterTlsNoLongerAdvertisesStartTls() {
        // RFC 3207 §4.2
        assertThat(capabilities.keywords(true))
                .containsExactly("SIZE 26214400", "8BITMIME", "PIPELINING", "ENHANCEDSTATUSCODES");
    }

    @Test
    void neverAdvertisesExtensionsThatWouldBypassTheRules() {
        assertThat(capabilities.keywords(false))
                .noneMatch(keyword ->
                        keyword.startsWith("CHUNKING") || keyword.startsWith("AUTH") || keyword.startsWith("SMTPUTF8"));
    }

    @Test
    void replyIsMultiLineWithHostNameFirstAndSpaceOnTheLastLine() {
        assertThat(capabilities.reply(true))
                .isEqualTo(
                        "250-bridge.example.org\r\n250-SIZE 26214400\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES");
    }
}
