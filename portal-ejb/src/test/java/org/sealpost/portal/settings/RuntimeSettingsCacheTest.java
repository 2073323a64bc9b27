package org.sealpost.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The node's copy of the runtime settings: read once per signalled change, not once per page;
 * read again after a change signalled by the database or made on this node, and never kept
 * from a read during which a change was signalled.
 */
class RuntimeSettingsCacheTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final RuntimeSettingsCache cache = new RuntimeSettingsCache(generation::get, generation::incrementAndGet);

    private RuntimeSettingsView read() {
        return view(reads.incrementAndGet());
    }

    private static RuntimeSettingsView view(int version) {
        return new RuntimeSettingsView(null, null, null, Optional.empty(), null, version);
    }

    @Test
    void whileNoChangeIsSignalledTheRowIsReadOnce() {
        for (int page = 0; page < 5; page++) {
            assertThat(cache.current(this::read).version()).isEqualTo(1);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSignalledChangeIsReadOnTheNextUse() {
        cache.current(this::read);
        generation.incrementAndGet(); // another node's change, notified

        assertThat(cache.current(this::read).version()).isEqualTo(2);
        assertThat(cache.current(this::read).version()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeMadeOnThisNodeIsReadOnTheNextUseWithoutWaitingForTheNotification() {
        cache.current(this::read);

        cache.changed(new RuntimeSettingsChanged());

        assertThat(cache.current(this::read).version()).isEqualTo(2);
    }

    @Test
    void aReadDuringWhichAChangeWasSignalledIsNotKept() {
        cache.current(() -> {
            RuntimeSettingsView old = read();
            generation.incrementAndGet(); // committed and notified while the old row was being read
            return old;
        });

        assertThat(cache.current(this::read).version()).isEqualTo(2);
    }
}
