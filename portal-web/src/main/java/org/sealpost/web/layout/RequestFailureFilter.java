package org.sealpost.web.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.primefaces.csp.CspException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The one place where a request's failure that is not a defect of the portal becomes the status
 * that says what it is, with the portal's page for it, instead of the 500 of a defect. JSF and EL
 * wrap what was thrown on the way out, so the cause chain is searched.
 *
 * <ul>
 *   <li><b>The database cannot be reached now</b> ({@link StorageUnavailableException}, which the
 *       services throw): 503 with the "temporarily unavailable" page and a {@code Retry-After}
 *       (RFC 9110 §15.6.4, §10.2.3).
 *   <li><b>A post without the page's CSP nonce</b>, or with one that is malformed or not the
 *       page's ({@link CspException}): PrimeFaces' script adds the page's nonce to every form it
 *       posts, and PrimeFaces refuses to render an answer without it (the nonce of a page that
 *       keeps no state on the server, ADR 0034, comes only from the post). Such a post was
 *       crafted: 400 Bad Request (RFC 9110 §15.5.1). PrimeFaces checks when it renders the answer,
 *       after the post's action, so this guards the answer's scripts, not the action, which has
 *       its own guards (the view state kept on the server, {@code CrossSiteFormFilter}).
 * </ul>
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestFailureFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Seconds: long enough for a database fail-over, short enough for a person to try again. */
    static final String RETRY_AFTER = "30";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (causedBy(e, StorageUnavailableException.class)) {
                response.resetBuffer();
                response.setHeader("Retry-After", RETRY_AFTER);
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else if (causedBy(e, CspException.class)) {
                response.resetBuffer();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            } else {
                throw e;
            }
        }
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
