package org.sealpost.web.mailbox;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sealpost.portal.message.Correspondent;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.MessageActions;
import org.sealpost.portal.message.MessageAttachment;
import org.sealpost.portal.message.MessageNotFoundException;
import org.sealpost.portal.message.MessageReading;
import org.sealpost.portal.message.OpenedMessage;
import org.sealpost.web.security.SignedInSession;

/** message.xhtml?id=N: one message, opened (and so marked read) by its recipient. */
@Named
@ViewScoped
public class MessagePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageReading reading;

    @Inject
    private MessageActions actions;

    @Inject
    private SignedInSession session;

    private Long id;
    private boolean showImages;
    /** Where the message was when opened: "move to trash" and "mark unread" return there. */
    private Folder folder = Folder.INBOX;

    private transient OpenedMessage message;

    /** f:viewAction: an id that is not one of the caller's messages answers 404, like a missing one. */
    public void open() throws IOException {
        if (id == null) {
            notFound();
            return;
        }
        String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/attachment?entry=" + id + "&cid=";
        try {
            message = opened(id, showImages, cid -> base + URLEncoder.encode(cid, StandardCharsets.UTF_8));
            folder = message.entry().folder();
        } catch (MessageNotFoundException e) {
            notFound();
        }
    }

    /** The message {@code id} as its signed-in recipient opens it (and so marks it read). */
    private OpenedMessage opened(long id, boolean showImages, Function<String, String> inlineImageUrl)
            throws MessageNotFoundException {
        return reading.open(id, session.accountId(), showImages, inlineImageUrl);
    }

    public void showRemoteImages() throws IOException {
        showImages = true;
        open();
    }

    public void markUnread() throws IOException {
        act(() -> actions.markRead(id, session.accountId(), false), folder, null);
    }

    public void moveToTrash() throws IOException {
        act(() -> actions.moveToTrash(id, session.accountId()), folder, "action.trashed");
    }

    /** Back to the folder it was in before the trash; the reader returns to the trash they came from. */
    public void restore() throws IOException {
        act(() -> actions.restore(id, session.accountId()), Folder.TRASH, "action.restored");
    }

    private interface Action {
        void run() throws MessageNotFoundException;
    }

    private void act(Action action, Folder returnTo, String outcomeKey) throws IOException {
        try {
            action.run();
            if (outcomeKey != null) {
                Texts.announceAfterRedirect(Texts.get(outcomeKey));
            }
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.redirect(ext.getRequestContextPath() + page(returnTo));
        } catch (MessageNotFoundException e) {
            notFound();
        }
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "No such message");
        faces.responseComplete();
    }

    private static String page(Folder folder) {
        return switch (folder) {
            case INBOX -> "/inbox.xhtml";
            case SENT -> "/sent.xhtml";
            case TRASH -> "/trash.xhtml";
        };
    }

    /** The outcome of the folder the message is in, for the page's "back" link. */
    public String getFolderOutcome() {
        return page(folder).replace(".xhtml", "");
    }

    public String getFolderName() {
        return Texts.get(
                switch (folder) {
                    case INBOX -> "inbox.title";
                    case SENT -> "sent.title";
                    case TRASH -> "trash.title";
                });
    }

    public boolean isInTrash() {
        return folder == Folder.TRASH;
    }

    public String getSubject() {
        String subject = message == null ? null : message.subject();
        return subject == null || subject.isBlank() ? Texts.get("message.noSubject") : subject;
    }

    /** The Date header's moment; the page shows it in the display zone. */
    public Instant getDate() {
        return message == null ? null : message.date();
    }

    public OpenedMessage getMessage() {
        return message;
    }

    public String getFrom() {
        return message == null || message.from() == null ? "" : format(List.of(message.from()));
    }

    public String getTo() {
        return message == null ? "" : format(message.to());
    }

    public String getCc() {
        return message == null ? "" : format(message.cc());
    }

    public List<MessageAttachment> getAttachments() {
        // Which parts are attachments is decided once (mail-format's MessageStructure, behind portal-ejb), for
        // the inbox and this page alike.
        return message == null ? List.of() : message.rendered().attachments();
    }

    /** One plain sentence for each reason part of the message is not shown (limits, damage). */
    public List<String> getNotShown() {
        return message == null
                ? List.of()
                : message.rendered().notShown().stream()
                        .map(reason -> Texts.get("message.notShown." + reason))
                        .toList();
    }

    public String attachmentUrl(MessageAttachment a) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/attachment?entry="
                + id + "&part=" + URLEncoder.encode(a.partId(), StandardCharsets.UTF_8);
    }

    private static String format(List<Correspondent> addresses) {
        return addresses.stream()
                .map(a -> a.displayName() == null || a.displayName().isBlank()
                        ? a.address()
                        : a.displayName() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
