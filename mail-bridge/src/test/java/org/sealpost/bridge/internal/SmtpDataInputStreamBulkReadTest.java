package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked read path must give exactly what the byte-wise state machine gives. */
class SmtpDataInputStreamBulkReadTest {

    private static final String WIRE = "..first line was stuffed\r\nmiddle\r\n.\rnot an end\r\n"
            + "bare\n.\nstill data\r\n..\r\nlast\r\n.\r\nQUIT\r\n";
    private static final String MESSAGE =
            ".first line was stuffed\r\nmiddle\r\n\rnot an end\r\n" + "bare\n.\nstill data\r\n.\r\nlast\r\n";

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7, 16, 8192})
    void everyReadSizeYieldsTheSameMessageAndLeavesTheNextCommandUnread(int readSize) throws IOException {
        InputStream session =
                new BufferedInputStream(new ByteArrayInputStream(WIRE.getBytes(StandardCharsets.US_ASCII)), 64);
        SmtpDataInputStream data = new SmtpDataInputStream(session);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        int n;
        while ((n = data.read(buffer, 0, buffer.length)) != -1) {
            out.write(buffer, 0, n);
        }

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(MESSAGE);
        assertThat(data.endReached()).isTrue();
        assertThat(new String(session.readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("QUIT\r\n");
    }

    @Test
    void bulkAndByteWiseReadingAgree() throws IOException {
        SmtpDataInputStream byteWise = new SmtpDataInputStream(
                new BufferedInputStream(new ByteArrayInputStream(WIRE.getBytes(StandardCharsets.US_ASCII))));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int b;
        while ((b = byteWise.read()) != -1) {
            expected.write(b);
        }
        SmtpDataInputStream bulk = new SmtpDataInputStream(
                new BufferedInputStream(new ByteArrayInputStream(WIRE.getBytes(StandardCharsets.US_ASCII))));

        assertThat(bulk.readAllBytes()).isEqualTo(expected.toByteArray());
    }
}
