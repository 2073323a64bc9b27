package org.sealpost.web.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.sealpost.portal.client.ClientAttribution;
import org.sealpost.portal.client.ClientOrigin;
import org.sealpost.portal.client.ForwardedHeader;
import org.sealpost.portal.client.TrustedProxies;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The one place the web layer asks who the client of a request is ({@link ClientOrigin}):
 * portal-ejb's {@link ClientAttribution}, configured from {@code SEALPOST_TRUSTED_PROXIES} and
 * {@code SEALPOST_FORWARDED_HEADER}, decides from the socket's peer and the request's header
 * lines, which this class passes on unread. The answer is kept on the request, so every part of
 * one request sees the same client.
 */
@ApplicationScoped
public class ClientOrigins {

    private static final String ATTRIBUTE = ClientOrigin.class.getName();

    @Inject
    private PortalSettings settings;

    private ClientAttribution attribution;

    @PostConstruct
    void readSettings() {
        List<String> cidrs = settings.list(Setting.TRUSTED_PROXIES, List.of());
        TrustedProxies proxies;
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
            attribution = new ClientAttribution(proxies, ForwardedHeader.named(name));
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
        return attribution.origin(
                request.getRemoteAddr(), request.isSecure(), name -> Collections.list(request.getHeaders(name)));
    }
}
