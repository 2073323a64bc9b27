package org.sealpost.web.compose;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.sealpost.portal.compose.ActionDisabledException;
import org.sealpost.portal.compose.ComposeService;
import org.sealpost.portal.compose.Draft;
import org.sealpost.portal.compose.DraftAttachment;
import org.sealpost.portal.compose.DraftFields;
import org.sealpost.portal.compose.DraftOrigin;
import org.sealpost.portal.compose.NotFoundException;
import org.sealpost.portal.compose.SendOutcome;
import org.sealpost.portal.compose.UploadOutcome;
import org.sealpost.portal.policy.AddressField;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.Refusal;
import org.sealpost.portal.policy.RefusalReason;
import org.sealpost.portal.policy.SendDecision;
import org.sealpost.web.format.BundleTexts;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * compose.xhtml: a new message ({@code compose.xhtml}), a reply, reply all or forward of one of
 * the signed-in account's messages ({@code ?reply=}, {@code ?replyAll=}, {@code ?forward=} with
 * its entry id) or one of its drafts ({@code ?draft=}). Any other id answers 404, like a message
 * that does not exist. What the message answers is fixed when the page opens; the server
 * decides every send (and every upload) against the policy as it is then.
 */
@Named
@ViewScoped
public class ComposePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where each field's refusals are shown: next to the field (compose.xhtml's ids). */
    private static final String TO = "compose:to";

    private static final String CC = "compose:cc";
    private static final String ATTACHMENTS = "compose:attachments";

    @Inject
    private ComposeService compose;

    @Inject
    private SignedInSession session;

    private Long reply;
    private Long replyAll;
    private Long forward;
    private Long draft;

    private boolean opened;
    private DraftOrigin origin;
    private Long draftId;
    private String to;
    private String cc;
    private String subject;
    private String body;
    private List<DraftAttachment> attachments = List.of();
    private Instant savedAt;
    /** The fields as last saved (or as prepared): the automatic save only writes a change. */
    private DraftFields lastSaved;

    private int unchangedAutoSaves;
    /**
     * Sent or discarded: a save still on its way (the 30-second one) must not bring the draft
     * back. The writing methods are synchronized, so such a save runs wholly before or after.
     */
    private boolean finished;
    /** What the last upload or removal did, for screen readers (the page's live region). */
    private String attachmentNotice;

    /** f:viewAction on the first request of the view: prepares or loads what is to be written. */
    public void open() throws IOException {
        if (opened) {
            return;
        }
        long account = session.accountId();
        try {
            Draft d;
            if (draft != null) {
                d = compose.loadDraft(account, draft);
            } else if (reply != null) {
                d = compose.prepare(account, DraftOrigin.of(PortalAction.REPLY, reply));
            } else if (replyAll != null) {
                d = compose.prepare(account, DraftOrigin.of(PortalAction.REPLY_ALL, replyAll));
            } else if (forward != null) {
                d = compose.prepare(account, DraftOrigin.of(PortalAction.FORWARD, forward));
            } else {
                d = compose.prepare(account, DraftOrigin.newMessage());
            }
            take(d);
            opened = true;
        } catch (NotFoundException | ActionDisabledException e) {
            // A forged id, another account's id and an action the policy turns off look alike: the
            // page offered none of them.
            notFound();
        }
    }

    private void take(Draft d) {
        origin = d.origin();
        draftId = d.id();
        to = d.fields().to();
        cc = d.fields().cc();
        subject = d.fields().subject();
        body = d.fields().body();
        attachments = d.attachments();
        savedAt = d.savedAt();
        lastSaved = d.fields();
    }

    private DraftFields fields() {
        return new DraftFields(to, cc, subject, body);
    }

    /** Send: gone to the Sent folder, or back on this page with every refusal next to its field. */
    public synchronized void send() throws IOException {
        try {
            SendOutcome outcome = compose.send(session.accountId(), draftId, origin, fields(), clientAddress());
            switch (outcome) {
                case SendOutcome.Sent sent -> {
                    finished = true;
                    Texts.announceAfterRedirect(Texts.get("compose.sent"));
                    redirect("/sent.xhtml");
                }
                case SendOutcome.Refused refused -> {
                    draftId = refused.draftId();
                    lastSaved = fields();
                    savedAt = Instant.now();
                    show(refused.decision());
                }
            }
        } catch (NotFoundException e) {
            notFound();
        }
    }

    private void show(SendDecision decision) {
        error(null, Texts.get("compose.refusedSummary"));
        for (Refusal refusal : decision.refusals()) {
            refuse(refusal.field(), refusal);
        }
    }

    /** A refusal next to its field; those of the whole message beside the attachments, or (the action) at the top. */
    private void refuse(AddressField field, Refusal refusal) {
        String where = field == AddressField.TO
                ? TO
                : field == AddressField.CC
                        ? CC
                        : refusal.reason() == RefusalReason.ACTION_DISABLED ? null : ATTACHMENTS;
        error(where, texts().line(refusal));
    }

    /** Save draft: stored, and the page's address becomes the draft's, so a reload opens it again. */
    public synchronized void saveDraft() throws IOException {
        if (save()) {
            Texts.announceAfterRedirect(Texts.get("compose.draftSaved"));
            redirect("/compose.xhtml?draft=" + draftId);
        }
    }

    /** Every 30 s while the page is open: saves the draft if anything changed since the last save. */
    public synchronized void autoSave() throws IOException {
        if (finished) {
            return;
        }
        if (opened && !fields().equals(lastSaved)) {
            unchangedAutoSaves = 0;
            save();
        } else {
            unchangedAutoSaves++;
        }
    }

    /**
     * The 30-second save stops after a minute without a change, so a compose page left open does
     * not keep an idle session alive for ever (SEALPOST_SESSION_IDLE); typing in a field starts
     * it again.
     */
    public boolean isAutoSaveIdle() {
        return unchangedAutoSaves >= 2;
    }

    private boolean save() throws IOException {
        try {
            Draft saved = compose.saveDraft(session.accountId(), draftId, origin, fields());
            draftId = saved.id();
            savedAt = saved.savedAt();
            lastSaved = fields();
            return true;
        } catch (NotFoundException e) {
            notFound();
            return false;
        }
    }

    /** Discard (after the confirmation): the draft and its files are deleted for good. */
    public synchronized void discard() throws IOException {
        try {
            if (draftId != null) {
                compose.discardDraft(session.accountId(), draftId, clientAddress());
            }
        } catch (NotFoundException alreadyGone) {
            // sent or discarded in another tab: nothing is left to discard
        }
        finished = true;
        Texts.announceAfterRedirect(Texts.get("compose.discarded"));
        redirect(
                origin != null && origin.originalEntryId() != null
                        ? "/message.xhtml?id=" + origin.originalEntryId()
                        : "/inbox.xhtml");
    }

    /**
     * One file, as soon as it is chosen: streamed from the container's temporary file into sealed
     * storage with the draft (saved first if it never was). The server refuses it over the
     * policy's limits while it reads.
     */
    public synchronized void upload(FileUploadEvent event) throws IOException {
        UploadedFile file = event.getFile();
        try {
            if (draftId == null && !save()) {
                return;
            }
            UploadOutcome outcome;
            try (InputStream content = file.getInputStream()) {
                outcome = compose.addAttachment(
                        session.accountId(), draftId, file.getFileName(), file.getContentType(), content);
            }
            switch (outcome) {
                case UploadOutcome.Stored stored -> {
                    attachments = append(attachments, stored.attachment());
                    attachmentNotice = Texts.format(
                            "compose.attachment.added", stored.attachment().fileName());
                }
                case UploadOutcome.Refused refused ->
                    error(
                            ATTACHMENTS,
                            Texts.format(
                                    "compose.refused.address",
                                    file.getFileName(),
                                    texts().sentence(refused.refusal())));
            }
        } catch (NotFoundException e) {
            notFound();
        } finally {
            file.delete();
        }
    }

    private static List<DraftAttachment> append(List<DraftAttachment> list, DraftAttachment added) {
        List<DraftAttachment> all = new java.util.ArrayList<>(list);
        all.add(added);
        return List.copyOf(all);
    }

    /** Remove, before sending: an upload is deleted, a forwarded file left out. */
    public synchronized void removeAttachment(String attachmentId) throws IOException {
        if (draftId == null) {
            if (!save()) {
                return;
            }
        }
        try {
            Draft d = compose.removeAttachment(session.accountId(), draftId, attachmentId);
            String name = attachments.stream()
                    .filter(a -> a.id().equals(attachmentId))
                    .map(DraftAttachment::fileName)
                    .findFirst()
                    .orElse("");
            attachments = d.attachments();
            attachmentNotice = Texts.format("compose.attachment.removed", name);
        } catch (NotFoundException e) {
            notFound();
        }
    }

    public String removeLabel(DraftAttachment attachment) {
        return Texts.format("compose.attachment.removeLabel", attachment.fileName());
    }

    /** Completion for the address being typed (after the last comma), from the account's correspondents. */
    public List<String> completeAddress(String fieldText) {
        AddressCompletion completion = AddressCompletion.of(fieldText);
        if (completion.typing().length() < 2) {
            return List.of();
        }
        return completion.complete(compose.completeAddress(session.accountId(), completion.typing(), 8));
    }

    public String getTitle() {
        PortalAction action = origin == null ? PortalAction.COMPOSE : origin.action();
        return Texts.get(
                switch (action) {
                    case REPLY -> "compose.title.reply";
                    case REPLY_ALL -> "compose.title.replyAll";
                    case FORWARD -> "compose.title.forward";
                    default -> "compose.title.new";
                });
    }

    private RefusalTexts texts() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        return new RefusalTexts(BundleTexts.of(locale));
    }

    private static void error(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static void redirect(String path) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + path);
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "No such message");
        faces.responseComplete();
    }

    private static String clientAddress() {
        return ((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
    }

    public boolean isOpened() {
        return opened;
    }

    public List<DraftAttachment> getAttachments() {
        return attachments;
    }

    public String getAttachmentNotice() {
        return attachmentNotice;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    // The view parameters count only on the page's first request: what a message answers never
    // changes on a later post (a crafted ?forward= on a reply's post is ignored).
    public Long getReply() {
        return reply;
    }

    public void setReply(Long reply) {
        if (!opened) {
            this.reply = reply;
        }
    }

    public Long getReplyAll() {
        return replyAll;
    }

    public void setReplyAll(Long replyAll) {
        if (!opened) {
            this.replyAll = replyAll;
        }
    }

    public Long getForward() {
        return forward;
    }

    public void setForward(Long forward) {
        if (!opened) {
            this.forward = forward;
        }
    }

    public Long getDraft() {
        return draft;
    }

    public void setDraft(Long draft) {
        if (!opened) {
            this.draft = draft;
        }
    }
}
