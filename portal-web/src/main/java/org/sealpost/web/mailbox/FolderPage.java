package org.sealpost.web.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.Mailbox;
import org.sealpost.portal.message.MailboxLine;
import org.sealpost.portal.message.MessageActions;
import org.sealpost.portal.message.MessageNotFoundException;
import org.sealpost.web.security.SignedInSession;

/**
 * inbox.xhtml, sent.xhtml and trash.xhtml: one folder, a page at a time (the database pages;
 * a mailbox of 10,000 messages decrypts 25 lines for a page, not 10,000), and the actions a
 * folder offers. Which folder is the page's {@code f:viewParam}-free choice: each page sets it.
 */
@Named
@ViewScoped
public class FolderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Mailbox mailbox;

    @Inject
    private MessageActions actions;

    @Inject
    private SignedInSession session;

    private Folder folder = Folder.INBOX;
    private final LazyDataModel<MailboxLine> lines = new Lines();

    @PostConstruct
    void open() {
        String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        folder = view.endsWith("/sent.xhtml")
                ? Folder.SENT
                : view.endsWith("/trash.xhtml") ? Folder.TRASH : Folder.INBOX;
    }

    public LazyDataModel<MailboxLine> getLines() {
        return lines;
    }

    public boolean isTrash() {
        return folder == Folder.TRASH;
    }

    public String getFolderName() {
        return folder.name();
    }

    /** The table's description for screen readers: which folder, in which order, how many. */
    public String caption(String title) {
        return Texts.format("inbox.caption", title, getLines().getRowCount());
    }

    public String sender(MailboxLine line) {
        return line.sender() == null || line.sender().isBlank() ? Texts.get("inbox.noSender") : line.sender();
    }

    /** Never an empty link: a message without a subject still needs a name to be opened by. */
    public String subject(MailboxLine line) {
        return line.subject() == null || line.subject().isBlank() ? Texts.get("inbox.noSubject") : line.subject();
    }

    /** Where a line's subject leads: the message page of that entry. */
    public String messageLink(MailboxLine line) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/message.xhtml?id="
                + line.entryId();
    }

    public void moveToTrash(long entryId) throws IOException {
        act(() -> actions.moveToTrash(entryId, session.accountId()), "action.trashed");
    }

    public void restore(long entryId) throws IOException {
        act(() -> actions.restore(entryId, session.accountId()), "action.restored");
    }

    public void deleteForever(long entryId) throws IOException {
        act(
                () -> actions.deleteForever(entryId, session.accountId(), session.email(), clientAddress()),
                "action.deleted");
    }

    public void emptyTrash() {
        int deleted = actions.emptyTrash(session.accountId(), session.email(), clientAddress());
        Texts.announce(Texts.format("action.trashEmptied", deleted));
    }

    private interface Action {
        void run() throws MessageNotFoundException;
    }

    /** A forged or stale id answers 404, exactly like a message that never existed. */
    private static void act(Action action, String outcomeKey) throws IOException {
        try {
            action.run();
            Texts.announce(Texts.get(outcomeKey));
        } catch (MessageNotFoundException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such message");
            faces.responseComplete();
        }
    }

    private long count() {
        return mailbox.count(session.accountId(), folder);
    }

    private List<MailboxLine> page(int first, int pageSize) {
        return mailbox.folder(session.accountId(), folder, first, pageSize);
    }

    private static String clientAddress() {
        return org.sealpost.web.client.ClientOrigins.current((jakarta.servlet.http.HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .address();
    }

    private final class Lines extends LazyDataModel<MailboxLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) FolderPage.this.count();
        }

        @Override
        public List<MailboxLine> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return page(first, pageSize);
        }

        @Override
        public String getRowKey(MailboxLine line) {
            return Long.toString(line.entryId());
        }

        @Override
        public MailboxLine getRowData(String rowKey) {
            return null; // no row selection on these pages
        }
    }
}
