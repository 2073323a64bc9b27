package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.sealpost.portal.account.SignInService;
import org.sealpost.web.security.SignedInSession;

/** The sign-out button: ends the authentication and the session, whatever it held. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    private SignInService signIn;

    @Inject
    private SignedInSession signedIn;

    public void signOut() throws ServletException, IOException {
        if (signedIn.accountId() != null) {
            signIn.signedOut(signedIn.accountId(), signedIn.handle(), Pages.client());
        }
        Pages.request().logout();
        HttpSession session = Pages.request().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
