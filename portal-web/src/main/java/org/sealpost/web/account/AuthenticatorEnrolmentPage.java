package org.sealpost.web.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.secondfactor.CodeCheck;
import org.sealpost.portal.secondfactor.Enrolment;
import org.sealpost.portal.secondfactor.SecondFactorService;
import org.sealpost.web.security.SecondStepPages;
import org.sealpost.web.security.SignedInSession;
import org.sealpost.web.security.SignedInSession.PendingSignIn;

/**
 * Setting up an authenticator app: the QR code and the same secret as text (for people who
 * cannot scan), a code from the app to confirm it, then the ten recovery codes, shown once.
 *
 * <p>Two pages show it. {@code account/authenticator.xhtml} is for a signed-in account (a
 * recipient turning it on, an administrator offered it in development). {@code
 * sign-in/authenticator.xhtml} is the second step of an administrator's sign-in in production:
 * public, because the session is not signed in yet, and working only for the account whose
 * password this session just proved; confirming the code completes that sign-in.
 */
@Named
@ViewScoped
public class AuthenticatorEnrolmentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SignedInSession session;

    @Inject
    private SecondFactorService secondFactors;

    @Inject
    private SignInCompletion completion;

    private String secretText;
    private String qrCode;
    private String code;
    private List<String> recoveryCodes;
    /** Offered at sign-in (development): "Continue" goes on to the inbox. */
    private boolean offered;

    /** Starts the enrolment when the page opens (not on its own postbacks). */
    public void start() {
        if (secretText != null || recoveryCodes != null) {
            return;
        }
        offered = "true"
                .equals(FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .get("offered"));
        Long account = enrollingAccount();
        if (account == null) {
            Pages.info("secondStep.expired");
            Pages.redirect("/login.xhtml");
            return;
        }
        Optional<Enrolment> enrolment = secondFactors.startEnrolment(account);
        if (enrolment.isEmpty()) {
            Pages.info("enrolment.alreadyOn");
            Pages.redirect("/account/settings.xhtml");
            return;
        }
        secretText = enrolment.get().secretText();
        qrCode = QrCodeSvg.of(enrolment.get().otpauthUri(), Pages.text("enrolment.qrLabel"));
    }

    public void confirm() {
        Long account = enrollingAccount();
        if (account == null) {
            Pages.info("secondStep.expired");
            Pages.redirect("/login.xhtml");
            return;
        }
        PendingSignIn pending = duringSignIn() ? completion.pending(SecondStep.ENROL_REQUIRED) : null;
        CodeCheck check = secondFactors.confirmEnrolment(account, code, pending != null, Pages.client());
        code = null;
        switch (check) {
            case CodeCheck.Accepted accepted -> {
                if (pending != null) {
                    completion.complete(pending);
                }
                recoveryCodes = accepted.newRecoveryCodes();
                secretText = null;
                qrCode = null;
                Pages.info("enrolment.done");
            }
            case CodeCheck.Wrong wrong -> Pages.error("enrolment.wrongCode");
            default -> {
                Pages.info("secondStep.expired");
                Pages.redirect(duringSignIn() ? "/login.xhtml" : "/account/settings.xhtml");
            }
        }
    }

    /** After the recovery codes: on to the inbox, or back to the account page it came from. */
    public void finish() {
        Pages.redirect(duringSignIn() || offered ? "/inbox.xhtml" : "/account/settings.xhtml");
    }

    /**
     * Whose authenticator this is: on the sign-in page, only the account waiting for exactly
     * this step; elsewhere, only the signed-in account.
     */
    private Long enrollingAccount() {
        if (duringSignIn()) {
            PendingSignIn pending = completion.pending(SecondStep.ENROL_REQUIRED);
            return pending == null ? null : pending.accountId();
        }
        return session.accountId();
    }

    /** Shown on the sign-in's own page: the administrator must enrol to sign in at all. */
    public boolean isDuringSignIn() {
        return duringSignIn();
    }

    private static boolean duringSignIn() {
        return SecondStepPages.REQUIRED_ENROLMENT.equals(
                FacesContext.getCurrentInstance().getViewRoot().getViewId());
    }

    public boolean isOffered() {
        return offered;
    }

    public String getSecretText() {
        return secretText;
    }

    public String getQrCode() {
        return qrCode;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
