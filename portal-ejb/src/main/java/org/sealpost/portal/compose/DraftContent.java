package org.sealpost.portal.compose;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.sealpost.mailformat.storage.StoredStrings;

/**
 * What a draft holds that nobody but its writer may read, in the versioned binary form that is
 * sealed into {@code draft.content_ciphertext}: the typed fields, the threading headers taken
 * from the original when the draft was started (so they survive the original's deletion), and
 * the forwarded files the writer left out.
 *
 * @param inReplyTo         the original's Message-ID ({@code <...>}), or null
 * @param references        the References the answer carries (RFC 5322 section 3.6.4), or null
 * @param leftOutForwarded  part ids of the original's attachments not to forward
 */
record DraftContent(DraftFields fields, String inReplyTo, String references, List<String> leftOutForwarded) {

    private static final byte FORMAT_V1 = 1;

    DraftContent {
        leftOutForwarded = List.copyOf(leftOutForwarded);
    }

    DraftContent withFields(DraftFields newFields) {
        return new DraftContent(newFields, inReplyTo, references, leftOutForwarded);
    }

    DraftContent leavingOut(String partId) {
        List<String> more = new ArrayList<>(leftOutForwarded);
        if (!more.contains(partId)) {
            more.add(partId);
        }
        return new DraftContent(fields, inReplyTo, references, more);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(256 + fields.body().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            write(out, fields.to());
            write(out, fields.cc());
            write(out, fields.subject());
            write(out, fields.body());
            write(out, inReplyTo);
            write(out, references);
            out.writeInt(leftOutForwarded.size());
            for (String part : leftOutForwarded) {
                write(out, part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    static DraftContent decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("draft content has unknown format " + format);
            }
            DraftFields fields = new DraftFields(read(in), read(in), read(in), read(in));
            String inReplyTo = read(in);
            String references = read(in);
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                throw new IllegalArgumentException("draft content has an impossible count " + count);
            }
            List<String> leftOut = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                leftOut.add(read(in));
            }
            return new DraftContent(fields, inReplyTo, references, leftOut);
        } catch (IOException e) {
            throw new IllegalArgumentException("draft content is truncated", e);
        }
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        StoredStrings.write(out, value);
    }

    private static String read(DataInputStream in) throws IOException {
        return StoredStrings.read(in, "draft content");
    }
}
