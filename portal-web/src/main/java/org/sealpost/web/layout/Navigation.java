package org.sealpost.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.message.Mailbox;
import org.sealpost.web.security.SignedInSession;

/**
 * The page frame's navigation (WEB-INF/templates/page.xhtml): shown only to a signed-in
 * person, with the inbox's unread count read once per request.
 */
@Named
@RequestScoped
public class Navigation {

    @Inject
    private SignedInSession session;

    @Inject
    private Mailbox mailbox;

    private Long unread;

    public boolean isSignedIn() {
        // No servlet session, nobody signed in: asking the session-scoped bean would make one.
        return FacesContext.getCurrentInstance().getExternalContext().getSession(false) != null
                && session.accountId() != null;
    }

    public String getSignedInAs() {
        return session.email();
    }

    public long getUnread() {
        if (unread == null) {
            unread = isSignedIn() ? mailbox.unreadInInbox(session.accountId()) : 0L;
        }
        return unread;
    }

    public boolean isAdministrator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    }

    /**
     * {@code aria-current="true"} for the link to the section being shown (the administration
     * console's pages are under /admin/), else nothing.
     */
    public String currentSection(String prefix) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null && faces.getViewRoot().getViewId().startsWith(prefix) ? "true" : null;
    }

    /** {@code aria-current="page"} for the link to the page being shown (WAI-ARIA 1.2), else nothing. */
    public String current(String viewId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null && viewId.equals(faces.getViewRoot().getViewId()) ? "page" : null;
    }
}
