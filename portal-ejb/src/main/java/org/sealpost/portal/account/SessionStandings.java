package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.sealpost.portal.session.AccountStandings;

/** The account owner's answer to the session check: {@link AccountDirectory#sessionStanding}. */
@ApplicationScoped
public class SessionStandings implements AccountStandings {

    @Override
    public Optional<Standing> standing(EntityManager em, long accountId) {
        return AccountDirectory.sessionStanding(em, accountId);
    }
}
