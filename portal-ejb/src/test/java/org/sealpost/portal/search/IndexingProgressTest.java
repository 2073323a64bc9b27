package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IndexingProgressTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aLongRunReportsEveryTenThousandRowsWithRateAndTimeLeft() {
        IndexingProgress progress = new IndexingProgress(100_000, clock::get);
        for (int i = 0; i < 199; i++) {
            clock.addAndGet(10_000_000); // 50 rows every 10 ms: 5,000 rows/s
            assertThat(progress.advance(50)).as("after %d rows", (i + 1) * 50).isEmpty();
        }
        clock.addAndGet(10_000_000);

        assertThat(progress.advance(50))
                .hasValue(
                        "search index: 10,000 of 100,000 queued entries indexed (10 %), 5,000 entries/s, about 18 s left");
    }

    @Test
    void theEverySecondTrickleSaysNothing() {
        IndexingProgress progress = new IndexingProgress(9_999, clock::get);
        for (int i = 0; i < 400; i++) {
            clock.addAndGet(1_000_000);
            assertThat(progress.advance(50)).isEmpty();
        }
    }

    @Test
    void theSummaryGivesTheWholeRun() {
        IndexingProgress progress = new IndexingProgress(1_000_000, clock::get);
        progress.advance(600_000);
        clock.addAndGet(300_000_000_000L);

        assertThat(progress.summary()).isEqualTo("search index: 600,000 entries indexed in 5 min, 2,000 entries/s");
    }
}
