package org.sealpost.mailformat.internal;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;

/**
 * A window on the one array that holds a whole message. Jakarta Mail's {@code MimeMultipart}
 * and {@code MimeBodyPart} see a {@link jakarta.mail.internet.SharedInputStream} and so cut
 * their parts as further windows on the same array instead of copying them; this subclass
 * keeps doing so at every nesting level and says where its window lies, so a part's content
 * is an (array, offset, length) and never a copy.
 */
public final class SharedSlice extends SharedByteArrayInputStream {

    public SharedSlice(byte[] buffer, int offset, int length) {
        super(buffer, offset, length);
    }

    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        long end = to == -1 ? count - start : to;
        return new SharedSlice(buf, start + (int) from, (int) (end - from));
    }

    /** The array the whole message is in; never modify it. */
    public byte[] buffer() {
        return buf;
    }

    /** Where this window starts in {@link #buffer()}. */
    public int offset() {
        return start;
    }

    /** Where this window ends (exclusive) in {@link #buffer()}. */
    public int end() {
        return count;
    }

    /** Where the next {@code read} would read, in {@link #buffer()}. */
    public int readPosition() {
        return pos;
    }

    public int length() {
        return count - start;
    }
}
