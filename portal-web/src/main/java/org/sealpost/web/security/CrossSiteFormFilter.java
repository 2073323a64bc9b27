package org.sealpost.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.sealpost.portal.config.PortalSettings;

/**
 * Refuses a form that another site's page made the browser send (403): cross-site request
 * forgery. The pages that keep their state on the server are safe from it already (a forged
 * post has no session cookie, SameSite=Strict, so its view state is unknown); the pages that
 * keep nothing on the server, above all the sign-in page (ADR 0034), need this instead, or a
 * hostile page could sign its visitor in to an account of the attacker's choosing (login CSRF)
 * and read whatever the visitor then writes.
 *
 * <p>A browser says where a request comes from in two headers, and this filter trusts them in
 * the order of the OWASP Cross-Site Request Forgery Prevention Cheat Sheet:
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site} (W3C Fetch Metadata Request Headers, §2.4), sent by every
 *       current browser: only {@code same-origin} and {@code none} (the person's own action,
 *       such as a bookmark) pass. {@code same-site} does not: a sibling host under the same
 *       registrable domain is another party.
 *   <li>Otherwise {@code Origin} (RFC 6454 §7; the Fetch standard sends it with every POST):
 *       its host and port must be the ones the browser addressed ({@code Host}, RFC 9110 §7.2)
 *       or the portal's public address ({@code SEALPOST_PUBLIC_URL}, for a proxy that does not
 *       pass {@code Host} on). {@code Origin: null}, which a sandboxed frame sends, fails.
 * </ol>
 *
 * A request with neither header is not from a browser that could be tricked into sending it,
 * and passes: the benchmarks', the warm-up's and an operator's scripts.
 */
@WebFilter(urlPatterns = "/*")
public class CrossSiteFormFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The methods a page may use to change something (RFC 9110 §9.2.1: not safe). */
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Inject
    private PortalSettings settings;

    /** {@code SEALPOST_PUBLIC_URL}'s host and port, read once: the setting is fixed at start. */
    private String publicAuthority;

    @Override
    public void init() {
        publicAuthority = authorityOf(settings.publicUrl());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (UNSAFE.contains(request.getMethod()) && !fromThisSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromThisSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return OWN_SITE.contains(fetchSite.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String authority = authorityOf(origin);
        return authority != null
                && (authority.equals(normalised(request.getHeader("Host"))) || authority.equals(publicAuthority));
    }

    /** {@code host[:port]} of a serialised origin or URL, lower case; null when it has none ("null"). */
    static String authorityOf(String originOrUrl) {
        try {
            URI uri = URI.create(originOrUrl.trim());
            return uri.getScheme() == null ? null : normalised(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalised(String authority) {
        return authority == null || authority.isBlank()
                ? null
                : authority.trim().toLowerCase(Locale.ROOT);
    }
}
