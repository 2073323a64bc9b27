package org.sealpost.web.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The portal's error pages (web.xml's error-page) are rendered as a fresh page, whatever
 * request failed. The container forwards the failed request itself to the error page: when it
 * was a JSF form's POST (a recipient's crafted POST to an admin page answered 403, say), JSF
 * saw the form's view state among the parameters, took the error page for a postback of a view
 * it never rendered, and answered 500 instead of the 403 page. Hiding the failed request's
 * parameters, and its method, from the error page avoids that; nothing of the request is
 * needed to render an error page.
 */
@WebFilter(urlPatterns = "/error/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorPageDispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }

                    @Override
                    public String getParameter(String name) {
                        return null;
                    }

                    @Override
                    public Map<String, String[]> getParameterMap() {
                        return Map.of();
                    }

                    @Override
                    public Enumeration<String> getParameterNames() {
                        return Collections.emptyEnumeration();
                    }

                    @Override
                    public String[] getParameterValues(String name) {
                        return null;
                    }
                },
                response);
    }
}
