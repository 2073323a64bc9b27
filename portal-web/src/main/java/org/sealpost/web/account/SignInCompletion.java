package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.account.SignInResult;
import org.sealpost.portal.account.SignInService;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.web.security.PortalIdentityStore;
import org.sealpost.web.security.SignedInSession;
import org.sealpost.web.security.SignedInSession.PendingSignIn;

/**
 * Makes this browser's session signed in, once every step of the sign-in is done: the
 * password alone, or the password and then the second factor (or its enrolment).
 */
@RequestScoped
public class SignInCompletion {

    @Inject
    private SignedInSession session;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private SignInService signIn;

    /**
     * The password alone signed in: the sign-in's own transaction opened the session's registry
     * row and remembered the page's language ({@code SignInRecords}); this browser's session
     * takes that row.
     */
    void signedIn(SignInResult.SignedIn who) {
        adopt(who.accountId(), who.email().value(), who.role().name(), who.session());
    }

    /**
     * The sign-in this browser has begun that waits for exactly {@code step}; {@code null} when
     * there is none, it waits for another step, or it began too long ago. The pages of the
     * second step act only for this account, never for one named by the request.
     */
    PendingSignIn pending(SecondStep step) {
        PendingSignIn pending = session.pendingSignIn(Instant.now());
        return pending != null && pending.step() == step ? pending : null;
    }

    /** The second step can no longer be done (locked out, or the factor is gone): back to the password. */
    void abandon() {
        session.forgetPendingSignIn();
    }

    /**
     * The second step of {@code pending} (code, recovery code, enrolment) is done: the browser is
     * signed in as its account, and its session opens now.
     */
    void complete(PendingSignIn pending) {
        SessionHandle handle =
                signIn.secondStepDone(pending.accountId(), PortalIdentityStore.signingIn(Pages.request()));
        adopt(pending.accountId(), pending.email(), pending.role(), handle);
    }

    private void adopt(long accountId, String email, String role, SessionHandle handle) {
        HttpServletRequest request = Pages.request();
        freshSessionId(request);
        Instant now = Instant.now();
        if (session.handle() != null) {
            // Signing in again in a signed-in browser replaces that sign-in.
            sessions.end(session.handle(), EndReason.SIGNED_OUT, now);
        }
        request.getSession().setAttribute(SignedInSession.HANDLE_ATTRIBUTE, handle);
        session.signedIn(accountId, email, role, now, handle);
    }

    /** The password was right and a second step is due: not signed in until it is done. */
    void awaitSecondStep(long accountId, String email, String role, SecondStep step) {
        HttpServletRequest request = Pages.request();
        freshSessionId(request);
        Instant now = Instant.now();
        if (session.handle() != null) {
            sessions.end(session.handle(), EndReason.SIGNED_OUT, now);
        }
        request.getSession().removeAttribute(SignedInSession.HANDLE_ATTRIBUTE);
        session.awaitSecondStep(accountId, email, role, step, now);
    }

    /**
     * A new session id at sign-in: an id planted before it, or seen while the second step was
     * open, is worth nothing (session fixation, OWASP Session Management Cheat Sheet). The
     * sign-in page keeps nothing on the server (ADR 0034), so a browser usually arrives with no
     * session at all, and the one made here is new.
     */
    private static void freshSessionId(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
    }
}
