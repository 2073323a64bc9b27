package org.sealpost.bridge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What EHLO advertises (RFC 5321 §4.1.1.1), which depends on whether TLS is already active.
 *
 * <p>RFC 3207 §4.2: after the handshake "the server MUST NOT return the STARTTLS extension in
 * response to an EHLO command received after a TLS handshake has completed" (SubEthaSMTP 7.2.2
 * still does, hence this class). CHUNKING, SMTPUTF8 and AUTH are deliberately absent: the
 * gateway needs none, and each would be one more path around the rules.
 */
public final class EhloCapabilities {

    private final String hostName;
    private final long maxMessageBytes;

    public EhloCapabilities(String hostName, long maxMessageBytes) {
        this.hostName = hostName;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The extension keywords, in the order they are advertised. */
    public List<String> keywords(boolean tlsActive) {
        List<String> keywords = new ArrayList<>();
        if (!tlsActive) {
            keywords.add("STARTTLS");
        }
        keywords.add("SIZE " + maxMessageBytes); // RFC 1870
        keywords.add("8BITMIME"); // RFC 6152
        keywords.add("PIPELINING"); // RFC 2920
        keywords.add("ENHANCEDSTATUSCODES"); // RFC 2034
        return List.copyOf(keywords);
    }

    /** The whole multi-line 250 reply, lines joined by CRLF, without the final CRLF. */
    public String reply(boolean tlsActive) {
        List<String> lines = new ArrayList<>();
        lines.add(hostName);
        lines.addAll(keywords(tlsActive));
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            reply.append("250").append(last ? ' ' : '-').append(lines.get(i));
            if (!last) {
                reply.append("\r\n");
            }
        }
        return reply.toString();
    }
}
