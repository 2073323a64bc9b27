package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.web.security.SignedInSession;

/** The sign-in page. */
@Named
@RequestScoped
public class SignInForm {

    @Inject
    private SecurityContext security;

    @Inject
    private SignedInSession session;

    @Inject
    private AccountDirectory accounts;

    @Inject
    private SessionRegistry sessions;

    private String email;
    private String password;

    public void signIn() {
        if (signInAs(email, password)) {
            Pages.redirect("/inbox.xhtml");
        } else if (!FacesContext.getCurrentInstance().getResponseComplete()) {
            // One message for every refusal: the form must not tell which addresses have accounts.
            Pages.error("signin.refused");
        }
    }

    /** Also used right after registration, with the password just chosen. */
    boolean signInAs(String address, String secret) {
        HttpServletRequest request = Pages.request();
        AuthenticationStatus status = security.authenticate(request, Pages.response(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(address == null ? "" : address.trim(),
                                new Password(secret == null ? "" : secret))));
        if (status != AuthenticationStatus.SUCCESS) {
            if (status == AuthenticationStatus.SEND_CONTINUE) {
                FacesContext.getCurrentInstance().responseComplete();
            }
            return false;
        }
        // A new session id at sign-in: an id planted before it is worth nothing (session fixation).
        request.changeSessionId();
        EmailAddress who = EmailAddress.of(request.getUserPrincipal().getName());
        var account = accounts.find(who).orElseThrow();
        Instant now = Instant.now();
        if (session.handle() != null) {
            // Signing in again in a signed-in browser replaces that sign-in.
            sessions.end(session.handle(), EndReason.SIGNED_OUT, now);
        }
        SessionHandle handle = sessions.register(account.id(), Pages.client(),
                request.getHeader("User-Agent"), now);
        request.getSession().setAttribute(SignedInSession.HANDLE_ATTRIBUTE, handle);
        session.signedIn(account.id(), who.value(), account.role().name(), now, handle);
        return true;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
