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
import org.sealpost.portal.session.EndOutcome;
import org.sealpost.portal.session.OpenSession;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * account/settings.xhtml: change password, recent sign-ins, the account's sessions with a
 * sign-out for each other one, sign out everywhere.
 */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    private AccountSettings settings;

    @Inject
    private SignedInSession session;

    @Inject
    private SessionRegistry sessions;

    /** Read once per request; the session list's row forms read it while decoding, too. */
    private List<OpenSession> openSessions;

    /** Minutes are enough to recognise a sign-in; UTC until the portal knows the reader's zone. */
    private String current;

    private String chosen;
    private String confirmation;

    public void changePassword() {
        PasswordChange outcome = settings.changePassword(
                session.accountId(),
                session.handle(),
                chars(current),
                chars(chosen),
                chars(confirmation),
                Pages.client());
        switch (outcome) {
            case PasswordChange.Changed changed -> {
                // Other sessions end; this one, where the owner just proved the password, goes on.
                session.renewed(Instant.now());
                Pages.info("account.passwordChanged");
            }
            case PasswordChange.WrongCurrentPassword wrong -> Pages.error("account.wrongCurrent");
            case PasswordChange.ConfirmationMismatch mismatch -> Pages.error("password.mismatch");
            case PasswordChange.Refused refused ->
                refused.problems()
                        .forEach(p -> Pages.error(p.messageKey(), p.arguments().toArray()));
        }
        current = null;
        chosen = null;
        confirmation = null;
    }

    public void signOutEverywhere() throws ServletException, IOException {
        settings.signOutEverywhere(session.accountId(), Pages.client());
        Pages.request().logout();
        Pages.request().getSession().invalidate();
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    /**
     * A session row's "Sign out" button: the handle comes from the posted form, so it is only
     * a claim; the registry ends it only if it is another open session of this account, and
     * answers a forged or stale handle exactly like a session that is already gone.
     */
    public void endSession() {
        String handle = Pages.request().getParameter("handle");
        EndOutcome outcome = sessions.endOther(
                session.accountId(), session.email(), handle, session.handle(), Pages.client(), Instant.now());
        switch (outcome) {
            case EndOutcome.Ended ended ->
                Pages.info(
                        "sessions.ended",
                        device(ended.session()),
                        ended.session().clientAddress());
            case EndOutcome.NoSuchSession missing -> Pages.error("sessions.noSuchSession");
        }
        openSessions = null;
    }

    public List<OpenSession> getOpenSessions() {
        if (openSessions == null) {
            openSessions = sessions.openSessions(session.accountId(), session.handle(), Instant.now());
        }
        return openSessions;
    }

    /** The button's accessible name says which session it signs out ("Sign out Firefox on Windows at …"). */
    public String signOutLabel(OpenSession other) {
        return Pages.text("sessions.signOutLabel", device(other), other.clientAddress());
    }

    /** The session's browser and system, in the reader's language. */
    public String device(OpenSession session) {
        return new DeviceTexts(Texts.viewer()).of(session.device());
    }

    public List<SignInRecord> getRecentSignIns() {
        return settings.recentSignIns(session.accountId(), 10);
    }

    /** "Signed in", "Wrong password" or "Wrong code" for a line of the recent sign-ins. */
    public String outcome(SignInRecord attempt) {
        return Pages.text(
                switch (attempt.outcome()) {
                    case SIGNED_IN -> "account.succeeded";
                    case WRONG_PASSWORD -> "account.failed";
                    case WRONG_CODE -> "account.wrongCode";
                });
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
