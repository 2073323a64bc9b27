package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionLogTest {

    @Test
    void aReasonThatNamesAnAddressIsLoggedWithTheAddressMasked() {
        assertThat(
                        SessionLog.maskAddresses(
                                "554 5.6.0 Recipient address not usable: Alice.Smith+tax@client.example is not valid; <bob@x.example>"))
                .isEqualTo("554 5.6.0 Recipient address not usable: <address> is not valid; <<address>>")
                .doesNotContain("@");
    }

    @Test
    void aReasonWithoutAddressIsLoggedAsItIs() {
        assertThat(SessionLog.maskAddresses("530 5.7.0 Must issue a STARTTLS command first"))
                .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
    }

    @Test
    void onlyTransientAndPermanentNegativeRepliesAreRefusals() {
        assertThat(SessionLog.isRefusal("250 2.0.0 Ok")).isFalse();
        assertThat(SessionLog.isRefusal("354 End data with <CR><LF>.<CR><LF>")).isFalse();
        assertThat(SessionLog.isRefusal("451 4.3.0 Local error")).isTrue();
        assertThat(SessionLog.isRefusal("530 5.7.0 Must issue a STARTTLS command first"))
                .isTrue();
        assertThat(SessionLog.isRefusal("5")).isFalse();
    }
}
