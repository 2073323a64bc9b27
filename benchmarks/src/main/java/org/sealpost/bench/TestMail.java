package org.sealpost.bench;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Synthetic mail of a given size, flagged for encryption, dot-stuffed and CRLF-terminated. */
final class TestMail {

    private static final String WORDS = "account balance statement transfer payment invoice clinic appointment "
            + "result report confidential review contract signature mortgage insurance policy claim number";

    private TestMail() {}

    static byte[] build(String messageId, String from, String to, String flagHeader, int approximateBytes) {
        StringBuilder m = new StringBuilder(approximateBytes + 512);
        m.append("From: Bank Advisor <").append(from).append(">\r\n");
        m.append("To: <").append(to).append(">\r\n");
        m.append("Subject: Your statement ")
                .append(messageId.hashCode() & 0xffff)
                .append("\r\n");
        m.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()))
                .append("\r\n");
        m.append("Message-ID: <").append(messageId).append(">\r\n");
        m.append(flagHeader).append("\r\n");
        m.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        String[] words = WORDS.split(" ");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int lineLength = 0;
        while (m.length() < approximateBytes) {
            String w = words[r.nextInt(words.length)];
            m.append(w).append(' ');
            lineLength += w.length() + 1;
            if (lineLength > 70) {
                m.append("\r\n");
                lineLength = 0;
            }
        }
        m.append("\r\n");
        // No line of the body starts with '.', so no dot-stuffing is needed (RFC 5321 §4.5.2).
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
