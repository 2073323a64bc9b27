package org.sealpost.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.sealpost.portal.secondfactor.SecondFactorService;
import org.sealpost.portal.secondfactor.SecondFactorStatus;
import org.sealpost.web.security.SignedInSession;

/**
 * The account page's "Two-step sign-in" section: on or off, recovery codes left, new recovery
 * codes and turning it off, each with a current code or the password as proof.
 */
@Named
@RequestScoped
public class AuthenticatorSettings {

    @Inject
    private SignedInSession session;

    @Inject
    private SecondFactorService secondFactors;

    private SecondFactorStatus status;
    private String proof;
    private List<String> newRecoveryCodes;

    public SecondFactorStatus getStatus() {
        if (status == null) {
            status = secondFactors.status(session.accountId());
        }
        return status;
    }

    public void replaceRecoveryCodes() {
        secondFactors
                .replaceRecoveryCodes(session.accountId(), proof, Pages.client())
                .ifPresentOrElse(
                        codes -> {
                            newRecoveryCodes = codes;
                            Pages.info("authenticator.newCodesMade");
                        },
                        () -> Pages.error("authenticator.wrongProof"));
        proof = null;
        status = null;
    }

    public void turnOff() {
        switch (secondFactors.turnOff(session.accountId(), proof, Pages.client())) {
            case TURNED_OFF -> Pages.info("authenticator.turnedOff");
            case WRONG_PROOF -> Pages.error("authenticator.wrongProof");
            case REQUIRED -> Pages.error("authenticator.required");
            case NOT_ON -> Pages.error("authenticator.notOn");
        }
        proof = null;
        status = null;
    }

    public List<String> getNewRecoveryCodes() {
        return newRecoveryCodes;
    }

    public String getProof() {
        return proof;
    }

    public void setProof(String proof) {
        this.proof = proof;
    }
}
