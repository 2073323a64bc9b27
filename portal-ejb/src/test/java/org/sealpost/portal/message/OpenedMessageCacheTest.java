package org.sealpost.portal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.MessageRendering;

/** The opened messages kept for their pages' images and downloads: bounded in bytes, count and time. */
class OpenedMessageCacheTest {

    private static final MessageMetadata METADATA =
            new MessageMetadata(null, List.of(), List.of(), List.of(), null, null, null, List.of(), 0, true, false);

    private static OpenedMessageCache.Opened opened(int size) {
        byte[] raw = new byte[size];
        byte[] head = "Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, raw, 0, head.length);
        return new OpenedMessageCache.Opened(METADATA, MessageRendering.parse(raw));
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aMessageIsFoundOnlyByItsEntryAndAccount() {
        OpenedMessageCache cache = new OpenedMessageCache(new MovableClock());
        OpenedMessageCache.Opened message = opened(1000);
        cache.put(7, 1, message);

        assertThat(cache.get(7, 1)).containsSame(message);
        assertThat(cache.get(7, 2)).as("another account").isEmpty();
        assertThat(cache.get(8, 1)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBytesWouldPassTheBudget() {
        OpenedMessageCache cache = new OpenedMessageCache(new MovableClock());
        int third = (int) (OpenedMessageCache.MAX_BYTES / 3);
        cache.put(1, 1, opened(third));
        cache.put(2, 1, opened(third));
        cache.get(1, 1); // 1 is now more recent than 2
        cache.put(3, 1, opened(third));
        cache.put(4, 1, opened(third));

        assertThat(cache.get(2, 1)).isEmpty();
        assertThat(cache.get(1, 1)).isPresent();
        assertThat(cache.get(4, 1)).isPresent();
        assertThat(cache.bytesHeld()).isLessThanOrEqualTo(OpenedMessageCache.MAX_BYTES);
    }

    @Test
    void aMessageOverTheWholeBudgetIsNotKept() {
        OpenedMessageCache cache = new OpenedMessageCache(new MovableClock());
        cache.put(1, 1, opened((int) OpenedMessageCache.MAX_BYTES + 1));
        assertThat(cache.get(1, 1)).isEmpty();
        assertThat(cache.bytesHeld()).isZero();
    }

    @Test
    void messagesUnusedForTheIdleTimeAreDropped() {
        MovableClock clock = new MovableClock();
        OpenedMessageCache cache = new OpenedMessageCache(clock);
        cache.put(1, 1, opened(1000));
        clock.now = clock.now.plus(OpenedMessageCache.IDLE).minusSeconds(1);
        assertThat(cache.get(1, 1)).isPresent();
        clock.now = clock.now.plus(OpenedMessageCache.IDLE).plus(Duration.ofSeconds(1));
        assertThat(cache.get(1, 1)).isEmpty();
        assertThat(cache.bytesHeld()).isZero();
    }

    @Test
    void aForgottenMessageIsGoneAtOnce() {
        OpenedMessageCache cache = new OpenedMessageCache(new MovableClock());
        cache.put(1, 1, opened(1000));
        cache.put(2, 1, opened(1000));
        cache.forget(1, 1);
        assertThat(cache.get(1, 1)).isEmpty();
        assertThat(cache.get(2, 1)).isPresent();
        assertThat(cache.bytesHeld()).isEqualTo(1000);
    }

    @Test
    void atMostSoManyMessagesAreKept() {
        OpenedMessageCache cache = new OpenedMessageCache(new MovableClock());
        for (int i = 0; i <= OpenedMessageCache.MAX_ENTRIES; i++) {
            cache.put(i, 1, opened(100));
        }
        assertThat(cache.get(0, 1)).isEmpty();
        assertThat(cache.get(OpenedMessageCache.MAX_ENTRIES, 1)).isPresent();
    }
}
