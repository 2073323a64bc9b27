package org.sealpost.bridge.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace field the bridge prepends, as every SMTP server must (RFC 5321 §4.4):
 *
 * <pre>
 * Received: from gw.example.org ([192.0.2.1])
 *         by bridge.example.org (Sealpost) with ESMTPS (TLSv1.3 TLS_AES_256_GCM_SHA384)
 *         id 3f2a...; Tue, 3 Jun 2025 11:05:30 +0000
 * </pre>
 *
 * <p>{@code with ESMTPS} is the RFC 3848 protocol name for ESMTP with STARTTLS (SubEthaSMTP
 * writes {@code with SMTP}, which hides that the hop was encrypted); STARTTLS is itself an ESMTP
 * extension, so a TLS session is ESMTPS even if the client said HELO afterwards. The comment
 * after it records the protocol and cipher suite, as Postfix does. The client is named by its
 * address literal (RFC 5321 §4.4 TCP-info), never by reverse DNS, which the client's operator
 * controls. The field is folded (RFC 5322 §2.2.3) to stay well within line limits.
 */
public final class ReceivedHeader {

    /** RFC 5322 §3.3 date-time with a numeric zone. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final int MAX_HELO = 255;

    private final String hostName;
    private final String softwareName;

    public ReceivedHeader(String hostName, String softwareName) {
        this.hostName = hostName;
        this.softwareName = softwareName;
    }

    /** The complete field including its final CRLF, ready to put in front of the message. */
    public String build(ConnectionFacts facts, String id, Instant when) {
        String protocol =
                facts.tlsActive() ? "ESMTPS (" + facts.tlsProtocol() + " " + facts.tlsCipherSuite() + ")" : "ESMTP";
        return "Received: from " + heloForTrace(facts.helo()) + " (" + addressLiteral(facts.clientAddress()) + ")\r\n"
                + "\tby " + hostName + " (" + softwareName + ") with " + protocol + "\r\n"
                + "\tid " + id + "; " + DATE.format(when) + "\r\n";
    }

    /** RFC 5321 §4.1.3 address-literal: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    /**
     * The client's EHLO argument is untrusted text that ends up inside a header; keep only what a
     * domain or address literal may contain so it cannot break the field or forge another.
     */
    static String heloForTrace(String helo) {
        if (helo.isEmpty()) {
            return "unknown";
        }
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < helo.length() && i < MAX_HELO; i++) {
            char c = helo.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == ':'
                    || c == '['
                    || c == ']';
            clean.append(allowed ? c : '?');
        }
        return clean.toString();
    }
}
