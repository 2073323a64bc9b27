package org.sealpost.mailformat.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A string in a stored binary record: a big-endian 32-bit byte count, then that many bytes of
 * UTF-8; the count -1 is {@code null}. Not {@link DataOutputStream#writeUTF}: that stops at 64 KB
 * and writes modified UTF-8.
 */
public final class StoredStrings {

    private StoredStrings() {}

    public static void write(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * Reads one string from a record held in memory; a count the remaining bytes cannot hold is
     * refused before anything is allocated, so a corrupt record cannot ask for gigabytes.
     *
     * @param record what is being read, for the message: "metadata record", "draft content"
     * @throws IllegalArgumentException for a count below -1 or beyond the remaining bytes
     */
    public static String read(DataInputStream in, String record) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException(record + " has a string of impossible length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
