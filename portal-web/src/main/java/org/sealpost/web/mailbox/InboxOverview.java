package org.sealpost.web.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.List;
import org.sealpost.portal.message.Mailbox;
import org.sealpost.portal.message.MailboxLine;
import org.sealpost.web.security.SignedInSession;

/** inbox.xhtml: the newest messages of the signed-in recipient. */
@Named
@RequestScoped
public class InboxOverview {

    @Inject
    private Mailbox mailbox;

    @Inject
    private SignedInSession session;

    private List<MailboxLine> lines = List.of();
    private long unread;

    @PostConstruct
    void load() {
        if (session.accountId() == null) {
            return;
        }
        try {
            lines = mailbox.inbox(session.accountId(), 0, 50);
            unread = mailbox.unreadInInbox(session.accountId());
        } catch (SQLException e) {
            throw new IllegalStateException("the inbox cannot be read now", e);
        }
    }

    public List<MailboxLine> getLines() {
        return lines;
    }

    public long getUnread() {
        return unread;
    }

    public boolean isAdministrator() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    }

    public String getSignedInAs() {
        return session.email();
    }
}
