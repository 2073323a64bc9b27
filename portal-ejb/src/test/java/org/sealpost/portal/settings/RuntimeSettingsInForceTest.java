package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What every page's header reads: this node's copy while it is current, the service only when it is not. */
class RuntimeSettingsInForceTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger serviceCalls = new AtomicInteger();
    private final RuntimeSettingsCache copy = new RuntimeSettingsCache(generation::get, generation::incrementAndGet);
    private final RuntimeSettingsInForce inForce = new RuntimeSettingsInForce(
            copy,
            () -> new RuntimeSettingsView(null, null, null, Optional.empty(), null, serviceCalls.incrementAndGet()));

    @Test
    void pagesWhileTheCopyIsCurrentDoNotCallTheService() {
        inForce.current();
        for (int page = 0; page < 5; page++) {
            assertThat(inForce.current().version()).isEqualTo(1);
        }
        assertThat(serviceCalls).hasValue(1);
    }

    @Test
    void aChangeSignalledAfterwardsIsReadThroughTheServiceOnTheNextPage() {
        inForce.current();
        generation.incrementAndGet(); // a change committed on another node, notified

        assertThat(inForce.current().version()).isEqualTo(2);
        assertThat(serviceCalls).hasValue(2);
    }

    @Test
    void aChangeMadeOnThisNodeIsShownOnTheNextPage() {
        inForce.current();
        copy.changed(new RuntimeSettingsChanged());

        assertThat(inForce.current().version()).isEqualTo(2);
    }
}
