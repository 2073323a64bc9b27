package org.sealpost.web.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;

/** Who signed in in this session, and when: the session validity check needs both. */
@SessionScoped
public class SignedInSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long accountId;
    private String email;
    private Instant signedInAt;
    private String role;

    public void signedIn(long accountId, String email, String role, Instant at) {
        this.accountId = accountId;
        this.email = email;
        this.role = role;
        this.signedInAt = at;
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
}
