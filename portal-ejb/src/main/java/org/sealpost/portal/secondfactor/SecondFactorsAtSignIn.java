package org.sealpost.portal.secondfactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sealpost.portal.account.ConfirmedSecondFactors;

/** Tells the sign-in whether an account has a confirmed authenticator ({@link SecondFactors}). */
@ApplicationScoped
public class SecondFactorsAtSignIn implements ConfirmedSecondFactors {

    @Override
    public boolean confirmedFor(EntityManager em, long accountId) {
        return new SecondFactors(em).confirmedFor(accountId);
    }
}
