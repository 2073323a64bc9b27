package org.sealpost.web.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The one place where "the database cannot be reached now" becomes an answer: 503 with the
 * portal's "temporarily unavailable" page and a {@code Retry-After} (RFC 9110 §15.6.4, §10.2.3),
 * not the 500 of a defect. Services throw {@link StorageUnavailableException}; JSF and EL wrap it
 * on the way out, so the cause chain is searched.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class StorageUnavailableFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Seconds: long enough for a database fail-over, short enough for a person to try again. */
    static final String RETRY_AFTER = "30";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causedByStorage(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    static boolean causedByStorage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
