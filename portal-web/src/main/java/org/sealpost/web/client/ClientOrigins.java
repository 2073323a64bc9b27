package org.sealpost.web.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sealpost.bridge.internal.IpLiteral;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The one place that says who the client of a request is ({@link ClientOrigin}). Without
 * {@code SEALPOST_TRUSTED_PROXIES} that is the socket's peer and nothing a request says is
 * believed; with it, a request whose peer is a trusted proxy is attributed to the rightmost
 * untrusted hop of {@code SEALPOST_FORWARDED_HEADER}, and its scheme to the proxy's
 * {@code X-Forwarded-Proto} (or the Forwarded element's {@code proto}). The answer is kept on
 * the request, so every part of one request sees the same client.
 */
@ApplicationScoped
public class ClientOrigins {

    private static final String ATTRIBUTE = ClientOrigin.class.getName();

    @Inject
    private PortalSettings settings;

    private TrustedProxies proxies;
    private ForwardedHeader header;

    @PostConstruct
    void readSettings() {
        List<String> cidrs = settings.list(Setting.TRUSTED_PROXIES, List.of());
        try {
            proxies = TrustedProxies.of(cidrs);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    Setting.TRUSTED_PROXIES,
                    String.join(",", cidrs),
                    "comma-separated CIDR blocks such as 10.0.0.5/32,fd00::/8");
        }
        String name = settings.get(Setting.FORWARDED_HEADER).orElse(ForwardedHeader.X_FORWARDED_FOR.headerName());
        try {
            header = ForwardedHeader.named(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Setting.FORWARDED_HEADER, name, "X-Forwarded-For or Forwarded");
        }
    }

    /**
     * Reads the settings when the application starts, so a mistyped
     * {@code SEALPOST_TRUSTED_PROXIES} stops the deployment with its message instead of failing
     * the first request.
     */
    void checkSettingsAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing is enough: the container creates the bean, and readSettings runs
    }

    /** The client of the request being served, for code without an injection point. */
    public static ClientOrigin current(HttpServletRequest request) {
        // Known already on nearly every request (the session filter asks first): the lookup
        // through CDI.current() costs more than the rest of a sign-in's bookkeeping (profiled,
        // issue 15).
        if (request.getAttribute(ATTRIBUTE) instanceof ClientOrigin known) {
            return known;
        }
        return CDI.current().select(ClientOrigins.class).get().of(request);
    }

    public ClientOrigin of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ClientOrigin known) {
            return known;
        }
        ClientOrigin origin = resolve(request);
        request.setAttribute(ATTRIBUTE, origin);
        return origin;
    }

    private ClientOrigin resolve(HttpServletRequest request) {
        String peerText = request.getRemoteAddr();
        InetAddress peer;
        try {
            peer = IpLiteral.parse(peerText);
        } catch (IllegalArgumentException notALiteral) {
            // A Unix socket or a container's own name: nothing to match proxies against.
            return new ClientOrigin(peerText, request.isSecure());
        }
        if (proxies.isEmpty() || !proxies.trusts(peer)) {
            return new ClientOrigin(peer.getHostAddress(), request.isSecure());
        }
        List<String> hops = header.hops(Collections.list(request.getHeaders(header.headerName())));
        InetAddress client = proxies.client(peer, hops);
        return new ClientOrigin(client.getHostAddress(), request.isSecure() || forwardedHttps(request));
    }

    private boolean forwardedHttps(HttpServletRequest request) {
        if (header == ForwardedHeader.FORWARDED) {
            return ForwardedHeader.lastProto(Collections.list(request.getHeaders("Forwarded")))
                    .equals("https");
        }
        // The proxy sets this header (nginx: proxy_set_header X-Forwarded-Proto $scheme); if a
        // list arrives, the rightmost value is the one the nearest proxy wrote.
        List<String> values = Collections.list(request.getHeaders("X-Forwarded-Proto"));
        if (values.isEmpty()) {
            return false;
        }
        String last = values.get(values.size() - 1);
        String proto = last.substring(last.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
        return proto.equals("https");
    }
}
