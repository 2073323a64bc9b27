package org.sealpost.web.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session rules from run-time configuration: the idle timeout ({@code SEALPOST_SESSION_IDLE},
 * ISO-8601 duration, default 15 minutes) and the Secure flag on the session cookie whenever the
 * portal's public address is HTTPS (in dev, over plain http://localhost, a Secure cookie would
 * never come back).
 */
@WebListener
public class SessionSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        var config = ConfigProvider.getConfig();
        String idle = config.getOptionalValue("sealpost.session.idle", String.class).orElse("PT15M");
        try {
            ctx.setSessionTimeout((int) Math.max(1, Duration.parse(idle).toMinutes()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("setting SEALPOST_SESSION_IDLE must be an ISO-8601 duration such as PT15M, got '"
                    + idle + "'", e);
        }
        String publicUrl = config.getOptionalValue("sealpost.public.url", String.class).orElse("http://localhost");
        ctx.getSessionCookieConfig().setSecure(publicUrl.startsWith("https:"));
        ctx.getSessionCookieConfig().setHttpOnly(true);
        ctx.getSessionCookieConfig().setAttribute("SameSite", "Strict");
    }
}
