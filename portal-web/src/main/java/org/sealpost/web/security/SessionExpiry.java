package org.sealpost.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;

/**
 * Closes a session's registry row when the container discards the session: idle past the
 * timeout, or invalidated. Sign-out and the remote ends close the row first with their own
 * reason, so here the update finds it closed and changes nothing; what is left is expiry.
 */
@WebListener
public class SessionExpiry implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());

    @Inject
    private SessionRegistry sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SignedInSession.HANDLE_ATTRIBUTE) instanceof SessionHandle handle) {
            try {
                sessions.end(handle, EndReason.EXPIRED, Instant.now());
            } catch (RuntimeException e) {
                // The row then drops out of the account page once it is idle too long (Activity).
                LOG.log(Level.WARNING, "could not close the registry row of an expired session", e);
            }
        }
    }
}
