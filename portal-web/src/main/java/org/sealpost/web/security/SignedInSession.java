package org.sealpost.web.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import org.sealpost.portal.session.SessionHandle;

/**
 * Who signed in in this session, and when, and the session's handle in the registry: the
 * session validity check needs all three.
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

    public void signedIn(long accountId, String email, String role, Instant at, SessionHandle handle) {
        this.accountId = accountId;
        this.email = email;
        this.role = role;
        this.signedInAt = at;
        this.handle = handle;
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
