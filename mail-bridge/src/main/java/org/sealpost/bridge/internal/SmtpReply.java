package org.sealpost.bridge.internal;

import java.util.Objects;
import java.util.regex.Pattern;
import org.subethamail.smtp.RejectException;

/**
 * One single-line SMTP reply: a code (RFC 5321 §4.2), an enhanced status code (RFC 3463; we
 * advertise ENHANCEDSTATUSCODES, so RFC 2034 §3 wants it on every 2xx/4xx/5xx) and a text.
 *
 * @param code the three-digit reply code
 * @param enhancedStatus e.g. {@code 5.7.1}; empty only for replies RFC 2034 exempts
 * @param text human-readable text; printable ASCII only, since it goes on the wire as is
 */
public record SmtpReply(int code, String enhancedStatus, String text) {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final int MAX_UNTRUSTED_TEXT = 200;

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code out of range: " + code);
        }
        Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        if (!enhancedStatus.isEmpty()
                && (!ENHANCED.matcher(enhancedStatus).matches()
                        || enhancedStatus.charAt(0) != Integer.toString(code).charAt(0))) {
            throw new IllegalArgumentException(
                    "enhanced status " + enhancedStatus + " does not fit reply code " + code);
        }
        Objects.requireNonNull(text, "text");
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("SMTP reply text must be printable ASCII: " + text);
        }
    }

    /** The reply line without its CRLF, e.g. {@code 550 5.7.1 text}. */
    public String line() {
        return enhancedStatus.isEmpty() ? code + " " + text : code + " " + enhancedStatus + " " + text;
    }

    /** The same reply as SubEthaSMTP's exception, for {@code MessageHandler} methods. */
    public RejectException toRejectException() {
        return new RejectException(code, enhancedStatus.isEmpty() ? text : enhancedStatus + " " + text);
    }

    public boolean isPositive() {
        return code < 400;
    }

    /**
     * Makes text from elsewhere (a sink's reason) safe for a reply line: printable ASCII, one
     * line, bounded length. Anything else could break the protocol or smuggle a second reply.
     */
    public static String printable(String untrusted, String fallback) {
        if (untrusted == null) {
            return fallback;
        }
        StringBuilder clean = new StringBuilder();
        boolean lastWasSpace = false;
        for (int i = 0; i < untrusted.length() && clean.length() < MAX_UNTRUSTED_TEXT; i++) {
            char c = untrusted.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c);
            if (space) {
                if (!lastWasSpace && !clean.isEmpty()) {
                    clean.append(' ');
                }
                lastWasSpace = true;
            } else {
                clean.append(c < 0x7F ? c : '?');
                lastWasSpace = false;
            }
        }
        String result = clean.toString().strip();
        return result.isEmpty() ? fallback : result;
    }

    @Override
    public String toString() {
        return line();
    }
}
