package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.account.AccountSettings;
import org.sealpost.portal.account.PasswordChange;
import org.sealpost.portal.account.SignInRecord;
import org.sealpost.web.security.SignedInSession;

/** account/settings.xhtml: change password, recent sign-ins, sign out everywhere. */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    private AccountSettings settings;

    @Inject
    private SignedInSession session;

    private String current;
    private String chosen;
    private String confirmation;

    public void changePassword() {
        PasswordChange outcome = settings.changePassword(session.accountId(), chars(current), chars(chosen),
                chars(confirmation), Pages.request().getRemoteAddr());
        switch (outcome) {
            case PasswordChange.Changed changed -> {
                // Other sessions end; this one, where the owner just proved the password, goes on.
                session.renewed(Instant.now());
                Pages.info("account.passwordChanged");
            }
            case PasswordChange.WrongCurrentPassword wrong -> Pages.error("account.wrongCurrent");
            case PasswordChange.ConfirmationMismatch mismatch -> Pages.error("password.mismatch");
            case PasswordChange.Refused refused -> refused.problems().forEach(p -> Pages.errorText(p.message()));
        }
        current = null;
        chosen = null;
        confirmation = null;
    }

    public void signOutEverywhere() throws ServletException, IOException {
        settings.signOutEverywhere(session.accountId(), Pages.request().getRemoteAddr());
        Pages.request().logout();
        Pages.request().getSession().invalidate();
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    public List<SignInRecord> getRecentSignIns() {
        return settings.recentSignIns(session.accountId(), 10);
    }

    public String getSignedInAs() {
        return session.email();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
