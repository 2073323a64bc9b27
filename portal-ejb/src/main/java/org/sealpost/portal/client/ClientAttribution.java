package org.sealpost.portal.client;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.sealpost.bridge.net.IpLiteral;

/**
 * Who the client of a request is (ADR 0010), from what the web layer passes on unread: the
 * socket's peer, whether the socket was TLS, and the request's header lines by name. If the
 * peer is not a trusted proxy, the peer is the client and no header is read; if it is, the
 * client is the rightmost untrusted hop of the one chosen forwarding header, and the scheme the
 * proxy's {@code X-Forwarded-Proto} (or the rightmost Forwarded element's {@code proto}).
 */
public final class ClientAttribution {

    private final TrustedProxies proxies;
    private final ForwardedHeader header;

    public ClientAttribution(TrustedProxies proxies, ForwardedHeader header) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
        this.header = Objects.requireNonNull(header, "header");
    }

    /**
     * @param peer         the socket's remote address as the container gives it
     * @param secure       whether the request arrived over TLS on the portal's own socket
     * @param headerLines  every line of a request header by its name, in order; empty when absent
     */
    public ClientOrigin origin(String peer, boolean secure, Function<String, List<String>> headerLines) {
        InetAddress peerAddress;
        try {
            peerAddress = IpLiteral.parse(peer);
        } catch (IllegalArgumentException notALiteral) {
            // A Unix socket or a container's own name: nothing to match proxies against.
            return new ClientOrigin(peer, secure);
        }
        if (proxies.isEmpty() || !proxies.trusts(peerAddress)) {
            return new ClientOrigin(peerAddress.getHostAddress(), secure);
        }
        List<String> hops = header.hops(headerLines.apply(header.headerName()));
        InetAddress client = proxies.client(peerAddress, hops);
        return new ClientOrigin(client.getHostAddress(), secure || forwardedHttps(headerLines));
    }

    private boolean forwardedHttps(Function<String, List<String>> headerLines) {
        if (header == ForwardedHeader.FORWARDED) {
            return ForwardedHeader.lastProto(headerLines.apply("Forwarded")).equals("https");
        }
        // The proxy sets this header (nginx: proxy_set_header X-Forwarded-Proto $scheme); if a
        // list arrives, the rightmost value is the one the nearest proxy wrote.
        List<String> values = headerLines.apply("X-Forwarded-Proto");
        if (values.isEmpty()) {
            return false;
        }
        String last = values.get(values.size() - 1);
        String proto = last.substring(last.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
        return proto.equals("https");
    }
}
