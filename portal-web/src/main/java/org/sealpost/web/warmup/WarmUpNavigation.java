package org.sealpost.web.warmup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import org.sealpost.web.layout.Navigation;

/**
 * The page frame's navigation as a signed-in recipient sees it, for the warm-up's copy of the
 * inbox (ADR 0027): the header's sign-out form and the folder links render as on the real
 * page, for a sample address that is no account's; nothing is read from the database.
 * {@code @Typed} keeps it out of every injection point of {@link Navigation}.
 */
@Named("warmUpNavigation")
@RequestScoped
@Typed(WarmUpNavigation.class)
public class WarmUpNavigation extends Navigation {

    @Override
    public boolean isSignedIn() {
        return true;
    }

    @Override
    public String getSignedInAs() {
        return "reader@warm-up.invalid";
    }

    @Override
    public long getUnread() {
        return 12;
    }

    @Override
    public boolean isAdministrator() {
        return false;
    }
}
