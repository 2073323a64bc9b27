package org.sealpost.web.warmup;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sealpost.portal.client.LoopbackPeers;
import org.sealpost.portal.platform.WarmUpGate;

/**
 * Keeps the warm-up's own pages ({@code /warm-up/}, ADR 0027) to the warm-up: a request is
 * served only while the warm-up runs (readiness still DOWN), from the loopback address, not
 * relayed by a proxy (no forwarding header: a reverse proxy on the same machine also connects
 * from loopback), and with this start's key ({@link WarmUpGate#admitsPage}). Anything else gets
 * the 404 of a page that does not exist, before Faces sees it.
 */
@WebFilter(urlPatterns = WarmUpPageFilter.PAGES + "*")
public class WarmUpPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Where the warm-up's pages are. */
    public static final String PAGES = "/warm-up/";

    /** The request header that carries the warm-up's key. */
    public static final String KEY_HEADER = "Sealpost-Warm-Up";

    /**
     * The headers a relaying proxy adds: RFC 7239's {@code Forwarded}, the de-facto {@code
     * X-Forwarded-*} and {@code X-Real-IP}, and RFC 9110's {@code Via} (section 7.6.3).
     */
    static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via");

    @Inject
    private WarmUpGate gate;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (admits(request.getRemoteAddr(), request::getHeader, gate::admitsPage)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * Whether a request from {@code remoteAddress} with {@code headers} is the warm-up's own;
     * {@code keyAdmitted}: whether the warm-up runs and the key presented is its key.
     */
    static boolean admits(String remoteAddress, Function<String, String> headers, Predicate<String> keyAdmitted) {
        // A literal address only (the container reports one): never a name to look up.
        return LoopbackPeers.isLoopback(remoteAddress)
                && FORWARDING_HEADERS.stream().allMatch(h -> headers.apply(h) == null)
                && keyAdmitted.test(headers.apply(KEY_HEADER));
    }
}
