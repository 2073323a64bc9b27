package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptFlagRuleTest {

    private final EncryptFlagRule rule = new EncryptFlagRule("X-Sealpost-Encrypt", "yes", false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-Sealpost-Encrypt: yes\r\n\r\nbody",
                "Subject: s\r\nx-sealpost-encrypt:YES\r\n\r\nbody",
                "X-Sealpost-Encrypt:   yes   \r\n\r\n",
                "X-Sealpost-Encrypt:\r\n yes\r\n\r\n",
                "X-Sealpost-Encrypt: no\r\nX-Sealpost-Encrypt: yes\r\n\r\n",
                "X-Sealpost-Encrypt: yes\nSubject: bare LF\n\nbody"
            })
    void flaggedMessageProceeds(String message) {
        assertThat(rule.decide(bytes(message))).isEqualTo(Decision.PROCEED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Subject: no flag\r\n\r\nbody",
                "X-Sealpost-Encrypt: no\r\n\r\nbody",
                "X-Sealpost-Encrypt: yes please\r\n\r\n",
                "X-Sealpost-Encrypted: yes\r\n\r\n",
                "Subject: s\r\n\r\nX-Sealpost-Encrypt: yes\r\n",
                ""
            })
    void messageWithoutTheFlagInItsHeaderIsRefusedWith550(String message) {
        Decision decision = rule.decide(bytes(message));

        assertThat(decision.reply().code()).isEqualTo(550);
        assertThat(decision.reply().enhancedStatus()).isEqualTo("5.7.1");
        assertThat(decision.reply().text()).contains("encrypt-flag header", "'X-Sealpost-Encrypt: yes'", "missing");
    }

    @Test
    void acceptUnflaggedLetsEverythingThrough() {
        EncryptFlagRule lenient = new EncryptFlagRule("X-Sealpost-Encrypt", "yes", true);

        assertThat(lenient.decide(bytes("Subject: no flag\r\n\r\nbody"))).isEqualTo(Decision.PROCEED);
    }

    @Test
    void configuredNameAndValueAreUsed() {
        EncryptFlagRule custom = new EncryptFlagRule("X-Secure", " Encrypt ", false);

        assertThat(custom.decide(bytes("X-Secure: encrypt\r\n\r\n"))).isEqualTo(Decision.PROCEED);
        assertThat(custom.decide(bytes("X-Sealpost-Encrypt: yes\r\n\r\n"))
                        .reply()
                        .text())
                .contains("'X-Secure: Encrypt'");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
