package org.sealpost.mailformat.metadata;

import java.util.List;
import java.util.Objects;
import org.sealpost.mailformat.MimeProblem;

/** What {@link MimeMetadataExtractor#extract(byte[])} made of a message. */
public sealed interface MimeReading permits MimeReading.Readable, MimeReading.Unreadable {

    /**
     * The bytes are a message, possibly a damaged one: here is what could be read, and what was
     * wrong. Store it; the problems are for the log and the audit trail.
     */
    record Readable(MessageMetadata metadata, List<MimeProblem> problems) implements MimeReading {
        public Readable {
            Objects.requireNonNull(metadata, "metadata");
            problems = List.copyOf(problems);
        }
    }

    /**
     * The bytes are not a message at all (empty, or no header field could be read). The reason
     * quotes no content and is fit for an SMTP 5xx reply.
     */
    record Unreadable(String reason) implements MimeReading {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
