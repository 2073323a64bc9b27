package org.sealpost.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.session.SessionRegistry;

/**
 * Session rules from run-time configuration: the idle timeout ({@code SEALPOST_SESSION_IDLE},
 * ISO-8601 duration, default 15 minutes) and the Secure flag on the session cookie whenever the
 * portal's public address is HTTPS (in dev, over plain http://localhost, a Secure cookie would
 * never come back).
 */
@WebListener
public class SessionSetup implements ServletContextListener {

    @Inject
    private PortalSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        Duration idle = SessionRegistry.idleTimeout(settings);
        ctx.setSessionTimeout((int) Math.max(1, idle.toMinutes()));
        ctx.getSessionCookieConfig().setSecure(settings.publicUrl().startsWith("https:"));
        ctx.getSessionCookieConfig().setHttpOnly(true);
        ctx.getSessionCookieConfig().setAttribute("SameSite", "Strict");
    }
}
