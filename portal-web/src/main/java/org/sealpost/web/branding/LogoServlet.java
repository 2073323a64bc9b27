package org.sealpost.web.branding;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.sealpost.portal.settings.LogoImage;
import org.sealpost.portal.settings.RuntimeSettingsService;

/**
 * The organisation's logo, for the header of every page (the sign-in page too, so no sign-in is
 * needed). Served with the type it was checked as, never sniffed, and with a policy that lets
 * nothing in it run or load even if it were opened on its own (CSP {@code sandbox}, {@code
 * default-src 'none'}): the SVG was cleaned when it was uploaded, and this is the second wall.
 */
@WebServlet(urlPatterns = LogoServlet.PATH)
public class LogoServlet extends HttpServlet {

    static final String PATH = "/branding/logo";

    private static final long serialVersionUID = 1L;

    @Inject
    private RuntimeSettingsService settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LogoImage> logo = settings.logo();
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = logo.get().bytes();
        response.setContentType(logo.get().mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        // The address names the logo's digest (?v=…): a new logo is a new address.
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
