package org.sealpost.web.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The warm-up's number of workers: at least one, or the start is refused and names the setting. */
class PageWarmUpTest {

    @Test
    void anyPositiveNumberOfWorkersIsTaken() {
        assertThat(PageWarmUp.workers(1)).isEqualTo(1);
        assertThat(PageWarmUp.workers(4)).isEqualTo(4);
    }

    @Test
    void noWorkerAtAllRefusesTheStartAndNamesTheSetting() {
        assertThatThrownBy(() -> PageWarmUp.workers(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEALPOST_WARM_UP_WORKERS")
                .hasMessageContaining("not 0");
    }
}
