package org.sealpost.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.portal.session.SessionVerdict;
import org.sealpost.web.client.ClientOrigins;

/**
 * Ends a session whose account changed its password (or was disabled) after the session
 * signed in, or that another session of the account signed out, on whichever node the request
 * lands: the account row says since when sessions are valid, the session registry's row whether
 * this session was ended. Both come from one query per request ({@link SessionRegistry#check}),
 * which also keeps the session's last-seen time (written at most once a minute). Also sets the
 * response headers every page needs.
 */
@WebFilter(urlPatterns = "/*")
public class SessionValidityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Every fetch directive but scripts (CSP Level 3, section 6.1), and no {@code default-src}:
     * a default would also govern scripts, and this policy cannot know the nonce PrimeFaces
     * writes into its own policy for the same response, so it would have to allow every inline
     * script to stay out of the way. Scripts are governed by PrimeFaces' policy alone.
     */
    static final String CONTENT_SECURITY_POLICY = "style-src 'self' 'unsafe-inline'; img-src 'self' https:; "
            + "font-src 'self'; connect-src 'self'; media-src 'none'; frame-src 'self'; worker-src 'none'; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    private SignedInSession session;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private ClientOrigins clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        // PrimeFaces sends its own policy with the per-response script nonces; a browser
        // enforces every policy it receives, so this one adds the rest without loosening
        // scripts: nothing from other origins but images the recipient chose to show, no
        // plugins, no <base>, forms only to the portal, and no framing of the portal.
        response.addHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // No page may stay in a shared computer's browser cache or its back-forward history:
        // a signed-in page shows mail and account details, and the sign-in, registration and
        // reset pages carry their form's state and link token (RFC 9111 §5.2.2.5, OWASP ASVS
        // 4.0 V8.2.1). Scripts, style sheets and icons are the same for everyone.
        String path = request.getServletPath();
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        // HTTPS as the client sees it: the socket's, or a trusted proxy's X-Forwarded-Proto.
        if (clients.of(request).secure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        // Scripts, style sheets and icons (jakarta.faces.resource) are the same for everyone and
        // several come with every page: the page itself is checked, they need no database query.
        if (request.getUserPrincipal() != null
                && request.getSession(false) != null
                && session.accountId() != null
                && !path.startsWith("/jakarta.faces.resource/")) {
            SessionVerdict verdict =
                    sessions.check(session.accountId(), session.handle(), session.signedInAt(), Instant.now());
            if (verdict != SessionVerdict.GOES_ON) {
                request.logout();
                request.getSession().invalidate();
                response.sendRedirect(request.getContextPath() + "/login.xhtml?ended="
                        + switch (verdict) {
                            case ENDED_FROM_OTHER_SESSION -> "remotely";
                            case REACHED_MAX_AGE -> "lifetime";
                            default -> "true";
                        });
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
