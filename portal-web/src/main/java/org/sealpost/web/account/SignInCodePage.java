package org.sealpost.web.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.secondfactor.CodeCheck;
import org.sealpost.portal.secondfactor.SecondFactorService;
import org.sealpost.web.security.SignedInSession.PendingSignIn;

/**
 * sign-in/code.xhtml: the second step of a sign-in, "Authentication code", or one of the
 * recovery codes instead. The page is public (the session is not signed in yet); it works only
 * for the account whose password this session just proved, kept on the server in
 * {@link org.sealpost.web.security.SignedInSession}, never for an account named by the request.
 */
@Named
// View scoped: which of the two forms shows (?recovery=true) must be known while a postback is
// decoded, before the view parameter would reach a request-scoped bean.
@ViewScoped
public class SignInCodePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Below this many recovery codes left, the person is told to make new ones. */
    static final int FEW_RECOVERY_CODES = 3;

    @Inject
    private SecondFactorService secondFactors;

    @Inject
    private SignInCompletion completion;

    private String code;
    private String recoveryCode;
    /** "Use a recovery code": the page shows that form instead (?recovery=true). */
    private boolean recovery;

    /** Opening the page without a password just proved (or too long after it) leads to the sign-in page. */
    public void requirePendingSignIn() {
        if (pending() == null) {
            Pages.info("secondStep.expired");
            Pages.redirect("/login.xhtml");
        }
    }

    public void submitCode() {
        PendingSignIn who = pending();
        if (who == null) {
            requirePendingSignIn();
            return;
        }
        answer(who, secondFactors.signInWithCode(who.accountId(), code, Pages.client()), false);
        code = null;
    }

    public void submitRecoveryCode() {
        PendingSignIn who = pending();
        if (who == null) {
            requirePendingSignIn();
            return;
        }
        answer(who, secondFactors.signInWithRecoveryCode(who.accountId(), recoveryCode, Pages.client()), true);
        recoveryCode = null;
    }

    private void answer(PendingSignIn who, CodeCheck check, boolean recovery) {
        switch (check) {
            case CodeCheck.Accepted accepted -> {
                completion.complete(who);
                if (recovery) {
                    if (accepted.recoveryCodesLeft() <= FEW_RECOVERY_CODES) {
                        Pages.info("secondStep.recoveryCodesLow", accepted.recoveryCodesLeft());
                    } else {
                        Pages.info("secondStep.recoveryCodeUsed", accepted.recoveryCodesLeft());
                    }
                }
                Pages.redirect("/inbox.xhtml");
            }
            case CodeCheck.Wrong wrong ->
                Pages.error(recovery ? "secondStep.wrongRecoveryCode" : "secondStep.wrongCode");
            case CodeCheck.Replayed replayed -> Pages.error("secondStep.replayed");
            case CodeCheck.Locked locked -> {
                completion.abandon();
                Pages.error("secondStep.locked");
                Pages.redirect("/login.xhtml");
            }
            case CodeCheck.NoSecondFactor none -> {
                completion.abandon();
                Pages.info("secondStep.expired");
                Pages.redirect("/login.xhtml");
            }
        }
    }

    private PendingSignIn pending() {
        return completion.pending(SecondStep.CODE);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isRecovery() {
        return recovery;
    }

    public void setRecovery(boolean recovery) {
        this.recovery = recovery;
    }

    public String getRecoveryCode() {
        return recoveryCode;
    }

    public void setRecoveryCode(String recoveryCode) {
        this.recoveryCode = recoveryCode;
    }
}
