package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sealpost.bridge.SinkVerdict;

class SinkRepliesTest {

    @Test
    void acceptedIs250WithTheQueueId() {
        assertThat(SinkReplies.forVerdict(SinkVerdict.accepted(), "abc123").line())
                .isEqualTo("250 2.0.0 Ok: queued as abc123");
    }

    @Test
    void temporaryFailureIs451WithTheReason() {
        assertThat(SinkReplies.forVerdict(SinkVerdict.temporaryFailure("Storage unavailable"), "id")
                        .line())
                .isEqualTo("451 4.3.0 Storage unavailable");
    }

    @Test
    void permanentFailureIs554WithTheReason() {
        assertThat(SinkReplies.forVerdict(SinkVerdict.permanentFailure("Unknown recipient"), "id")
                        .line())
                .isEqualTo("554 5.6.0 Unknown recipient");
    }

    @Test
    void missingVerdictCountsAsTemporaryFailure() {
        assertThat(SinkReplies.forVerdict(null, "id")).isEqualTo(SinkReplies.SINK_FAILED);
        assertThat(SinkReplies.SINK_FAILED.line()).startsWith("451 4.3.0 ");
    }

    @Test
    void reasonIsFlattenedToOnePrintableLineWithAFallback() {
        assertThat(SinkReplies.forVerdict(SinkVerdict.temporaryFailure("disk\r\n250 full \u00fc"), "id")
                        .line())
                .isEqualTo("451 4.3.0 disk 250 full ?");
        assertThat(SinkReplies.forVerdict(SinkVerdict.permanentFailure("  "), "id")
                        .line())
                .isEqualTo("554 5.6.0 Message refused");
        assertThat(SinkReplies.forVerdict(SinkVerdict.temporaryFailure("x".repeat(1000)), "id")
                        .text())
                .hasSize(200);
    }
}
