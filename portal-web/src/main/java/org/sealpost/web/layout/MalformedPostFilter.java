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

/**
 * A post whose CSP nonce is missing, malformed or not the page's is not what the portal's page
 * sent: PrimeFaces' script adds the page's nonce to every form it posts, and PrimeFaces refuses
 * to render an answer to a post without it (the nonce of a page that keeps no state on the
 * server, ADR 0034, comes only from the post). That is the client's error, so 400 Bad Request
 * (RFC 9110 §15.5.1) with the portal's page, not the 500 of a defect.
 *
 * <p>PrimeFaces checks when it renders the answer, after the post's action: this guards the
 * answer's scripts, not the action, which has its own guards (the view state kept on the
 * server, {@code CrossSiteFormFilter}).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class MalformedPostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!refusedNonce(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    static boolean refusedNonce(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CspException) {
                return true;
            }
        }
        return false;
    }
}
