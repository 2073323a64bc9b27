package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpDataInputStreamTest {

    @Test
    void endsAtCrLfDotCrLfAndLeavesWhatFollowsUnread() throws IOException {
        InputStream wire = stream("Subject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n");
        SmtpDataInputStream data = new SmtpDataInputStream(wire);

        assertThat(text(data)).isEqualTo("Subject: x\r\n\r\nbody\r\n");
        assertThat(data.endReached()).isTrue();
        assertThat(new String(wire.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
    }

    @Test
    void emptyMessageIsJustTheDot() throws IOException {
        assertThat(text(new SmtpDataInputStream(stream(".\r\n")))).isEmpty();
    }

    @Test
    void stuffedDotIsRemovedOnEveryLineIncludingTheFirst() throws IOException {
        // RFC 5321 §4.5.2; SubEthaSMTP's DotUnstuffingInputStream skips the first line.
        assertThat(text(new SmtpDataInputStream(stream("..first\r\n..\r\n...three\r\n.\r\n"))))
                .isEqualTo(".first\r\n.\r\n..three\r\n");
    }

    @Test
    void bareLineFeedDotIsDataNotTheEnd() throws IOException {
        // Only CRLF.CRLF ends the data (SMTP smuggling, CVE-2023-51764).
        assertThat(text(new SmtpDataInputStream(stream("a\n.\nb\r\n.\nc\n.\r\nd\r\n.\r\n"))))
                .isEqualTo("a\n.\nb\r\n\nc\n.\r\nd\r\n");
    }

    @Test
    void dotCrFollowedByOtherThanLfKeepsTheCr() throws IOException {
        assertThat(text(new SmtpDataInputStream(stream("x\r\n.\rtail\r\n.\r\n"))))
                .isEqualTo("x\r\n\rtail\r\n");
    }

    @Test
    void connectionClosedBeforeTheTerminatorIsAnEofException() {
        SmtpDataInputStream data = new SmtpDataInputStream(stream("half a message\r\n"));

        assertThatThrownBy(data::readAllBytes).isInstanceOf(EOFException.class);
    }

    @Test
    void afterTheEndEveryReadReturnsMinusOne() throws IOException {
        SmtpDataInputStream data = new SmtpDataInputStream(stream(".\r\nMORE"));
        data.readAllBytes();

        assertThat(data.read()).isEqualTo(-1);
        assertThat(data.read(new byte[10], 0, 10)).isEqualTo(-1);
    }

    private static InputStream stream(String wire) {
        return new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(InputStream data) throws IOException {
        return new String(data.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
