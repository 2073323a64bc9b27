package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.net.IpLiteral;

class ClientAllowListTest {

    private final ClientAllowList allowList =
            ClientAllowList.parse(List.of("127.0.0.0/8", "::1/128", "198.51.100.0/24"));

    @Test
    void clientInsideAnyBlockMayConnect() {
        assertThat(allowList.decide(IpLiteral.parse("127.0.0.1"))).isEqualTo(Decision.PROCEED);
        assertThat(allowList.decide(IpLiteral.parse("::1"))).isEqualTo(Decision.PROCEED);
        assertThat(allowList.decide(IpLiteral.parse("198.51.100.200"))).isEqualTo(Decision.PROCEED);
    }

    @Test
    void clientOutsideEveryBlockIsRefusedWith554AndItsAddress() {
        Decision decision = allowList.decide(IpLiteral.parse("203.0.113.9"));

        assertThat(decision.reply().line())
                .isEqualTo("554 5.7.1 Client host [203.0.113.9] is not allowed to use this mail bridge");
    }

    @Test
    void emptyListIsRefusedBecauseNobodyCouldConnect() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientAllowList.parse(List.of()))
                .withMessageContaining("nobody");
    }

    @Test
    void badEntryIsNamedInTheError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClientAllowList.parse(List.of("127.0.0.0/8", "10.0.0.0/40")))
                .withMessageContaining("10.0.0.0/40");
    }
}
