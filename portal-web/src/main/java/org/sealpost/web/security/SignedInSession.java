package org.sealpost.web.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.session.SessionHandle;

/**
 * Who signed in in this session, and when, and the session's handle in the registry: the
 * session validity check needs all three.
 *
 * <p>A session whose password was right but whose second factor is still due (ADR 0013) is
 * <em>not</em> signed in: {@link #accountId()} stays null, so the authentication mechanism
 * states no caller and no role to the container and every protected page stays shut, whatever
 * the request. Only {@link #pendingSignIn} knows the account, for the second step's pages, and
 * only for {@link #PENDING_VALIDITY}.
 */
@SessionScoped
public class SignedInSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The handle is also kept as a plain attribute of the servlet session, where the expiry
     * listener can read it without a CDI session context ({@link SessionExpiry}).
     */
    public static final String HANDLE_ATTRIBUTE = "org.sealpost.session.handle";

    private Long accountId;
    private String email;
    private Instant signedInAt;
    private String role;
    private SessionHandle handle;
    private PendingSignIn pending;

    /** How long the second step may take after the password; then the password is asked again. */
    public static final Duration PENDING_VALIDITY = Duration.ofMinutes(10);

    /** A sign-in whose password was right and whose second step is due. */
    public record PendingSignIn(long accountId, String email, String role, SecondStep step, Instant since)
            implements Serializable {}

    public void signedIn(long accountId, String email, String role, Instant at, SessionHandle handle) {
        this.accountId = accountId;
        this.email = email;
        this.role = role;
        this.signedInAt = at;
        this.handle = handle;
        this.pending = null;
    }

    /**
     * The password was right; the second step is due. Whoever was signed in in this browser
     * before is no longer (the caller ends that registry row).
     */
    public void awaitSecondStep(long accountId, String email, String role, SecondStep step, Instant at) {
        this.accountId = null;
        this.email = null;
        this.role = null;
        this.signedInAt = null;
        this.handle = null;
        this.pending = new PendingSignIn(accountId, email, role, step, at);
    }

    /** The sign-in waiting for its second step, if it is not older than {@link #PENDING_VALIDITY}. */
    public PendingSignIn pendingSignIn(Instant now) {
        if (pending != null && now.isAfter(pending.since().plus(PENDING_VALIDITY))) {
            pending = null;
        }
        return pending;
    }

    /** The second step was given up (locked account, expired, cancelled). */
    public void forgetPendingSignIn() {
        pending = null;
    }

    /** A new sign-in time for the same person (after they proved their password again). */
    public void renewed(Instant at) {
        this.signedInAt = at;
    }

    public String role() {
        return role;
    }

    public Long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    /** The registry's handle of this session; null before sign-in. */
    public SessionHandle handle() {
        return handle;
    }
}
