package org.sealpost.web.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Who may render the warm-up's pages (ADR 0027): the warm-up itself, on loopback, while it runs. */
class WarmUpPageFilterTest {

    private static final String KEY = "this-start's-key";

    /** The gate while the warm-up runs: only its key. */
    private static final Predicate<String> RUNNING = KEY::equals;

    /** The gate once readiness is UP: nothing. */
    private static final Predicate<String> READY = key -> false;

    @Test
    void theWarmUpsOwnRequestOnLoopbackIsServedWhileTheWarmUpRuns() {
        assertThat(WarmUpPageFilter.admits("127.0.0.1", headers(), RUNNING)).isTrue();
        assertThat(WarmUpPageFilter.admits("::1", headers(), RUNNING)).isTrue();
    }

    @Test
    void afterReadinessEvenTheWarmUpsKeyIsRefused() {
        assertThat(WarmUpPageFilter.admits("127.0.0.1", headers(), READY)).isFalse();
    }

    @Test
    void aClientNotOnLoopbackIsRefusedEvenWithTheKey() {
        assertThat(WarmUpPageFilter.admits("192.0.2.7", headers(), RUNNING)).isFalse();
        assertThat(WarmUpPageFilter.admits("2001:db8::7", headers(), RUNNING)).isFalse();
        assertThat(WarmUpPageFilter.admits("localhost", headers(), RUNNING))
                .as("a name, not an address")
                .isFalse();
        assertThat(WarmUpPageFilter.admits(null, headers(), RUNNING)).isFalse();
    }

    @Test
    void aRequestRelayedByAProxyOnTheSameMachineIsRefusedEvenWithTheKey() {
        for (String forwarding : WarmUpPageFilter.FORWARDING_HEADERS) {
            Map<String, String> relayed = new HashMap<>(Map.of(WarmUpPageFilter.KEY_HEADER, KEY));
            relayed.put(forwarding, "198.51.100.9");
            assertThat(WarmUpPageFilter.admits("127.0.0.1", relayed::get, RUNNING))
                    .as(forwarding)
                    .isFalse();
        }
    }

    @Test
    void aRequestWithoutTheKeyOrWithAnotherIsRefused() {
        assertThat(WarmUpPageFilter.admits("127.0.0.1", name -> null, RUNNING)).isFalse();
        Map<String, String> guessed = Map.of(WarmUpPageFilter.KEY_HEADER, "guess");
        assertThat(WarmUpPageFilter.admits("127.0.0.1", guessed::get, RUNNING)).isFalse();
    }

    private static java.util.function.Function<String, String> headers() {
        Map<String, String> own = Map.of(WarmUpPageFilter.KEY_HEADER, KEY);
        return own::get;
    }
}
