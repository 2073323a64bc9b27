package org.sealpost.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds {@link IndexedMessage}s for tests; each new message is a minute newer than the last. */
public final class TestMessages {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final AtomicLong MINUTES = new AtomicLong();

    private TestMessages() {}

    public static Builder message(long accountId, String messageId) {
        return new Builder(accountId, messageId);
    }

    public static final class Builder {
        private final long accountId;
        private final String messageId;
        private String folder = "INBOX";
        private String from = "";
        private String to = "";
        private String cc = "";
        private String subject = "";
        private String body = "";
        private List<String> attachments = List.of();
        private Instant receivedAt = START.plus(Duration.ofMinutes(MINUTES.incrementAndGet()));

        private Builder(long accountId, String messageId) {
            this.accountId = accountId;
            this.messageId = messageId;
        }

        public Builder folder(String value) {
            folder = value;
            return this;
        }

        public Builder from(String value) {
            from = value;
            return this;
        }

        public Builder to(String value) {
            to = value;
            return this;
        }

        public Builder cc(String value) {
            cc = value;
            return this;
        }

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder body(String value) {
            body = value;
            return this;
        }

        public Builder attachments(String... names) {
            attachments = List.of(names);
            return this;
        }

        public Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        public IndexedMessage build() {
            return new IndexedMessage(
                    accountId, messageId, folder, from, to, cc, subject, body, attachments, receivedAt);
        }
    }
}
