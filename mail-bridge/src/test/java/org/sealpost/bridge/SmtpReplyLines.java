package org.sealpost.bridge;

import java.util.List;

/**
 * One reply as the client read it: the code and every line, e.g. {@code 250-STARTTLS}.
 */
record SmtpReplyLines(int code, List<String> lines) {

    /** The last line, e.g. {@code 530 5.7.0 Must issue a STARTTLS command first}. */
    String line() {
        return lines.get(lines.size() - 1);
    }

    /** The EHLO keywords: every line but the first (the host name), without the code. */
    List<String> ehloKeywords() {
        return lines.stream().skip(1).map(line -> line.substring(4)).toList();
    }

    @Override
    public String toString() {
        return String.join(" | ", lines);
    }
}
