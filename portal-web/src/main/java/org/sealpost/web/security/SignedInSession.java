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

    public void signedIn(long accountId, String email, Instant at) {
        this.accountId = accountId;
        this.email = email;
        this.signedInAt = at;
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
