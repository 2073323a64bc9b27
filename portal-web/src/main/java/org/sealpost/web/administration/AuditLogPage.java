package org.sealpost.web.administration;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.sealpost.portal.administration.AuditLog;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditChain;
import org.sealpost.portal.audit.AuditCsv;
import org.sealpost.portal.audit.AuditEvent;
import org.sealpost.portal.audit.AuditFilter;
import org.sealpost.portal.audit.AuditUnavailableException;
import org.sealpost.portal.audit.ChainBreak;
import org.sealpost.portal.audit.ChainCheck;
import org.sealpost.portal.audit.ChainVerdict;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.web.client.ClientOrigins;
import org.sealpost.web.format.Formats;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/audit.xhtml: the audit log filtered by account, kind and time, a page at a time from
 * the database, exported as CSV, and the "verify chain" button with its result sentence.
 */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog log;

    @Inject
    private AuditChain chain;

    @Inject
    private SignedInSession session;

    @Inject
    private PortalSettings settings;

    @Inject
    private Formats fmt;

    private String account;
    private AuditAction kind;
    private LocalDateTime from;
    private LocalDateTime until;
    private boolean warmUp;
    private AuditFilter applied = AuditFilter.EVERYTHING_BUT_WARM_UP;
    private boolean capped;
    private final LazyDataModel<AuditEvent> events = new Events();

    /** "Show": the typed filter becomes the table's (and the export's); a wrong range changes nothing. */
    public void apply() {
        try {
            applied = log.filter(account, kind, instant(from), instant(until), warmUp);
        } catch (IllegalArgumentException wrongRange) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "filter:until",
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("admin.audit.rangeInvalid"), null));
        }
    }

    public void clear() {
        account = null;
        kind = null;
        from = null;
        until = null;
        warmUp = false;
        applied = AuditFilter.EVERYTHING_BUT_WARM_UP;
    }

    /** Verifies the chain now (linking what is committed first) and shows the result as a sentence. */
    public void verify() {
        try {
            ChainVerdict result = chain.verify(session.email(), client());
            // In the page's announced message area: green when intact, red naming the break.
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    result.intact() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                                    sentence(result),
                                    null));
        } catch (AuditUnavailableException e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("admin.audit.unavailable"), null));
        }
    }

    /** The CSV of what the table shows (all its pages), written as it is read. */
    public StreamedContent getExport() {
        AuditFilter filter = applied;
        String actor = session.email();
        String client = client();
        return DefaultStreamedContent.builder()
                .name("sealpost-audit-log.csv")
                .contentType(AuditCsv.CONTENT_TYPE)
                .writer(out -> log.export(filter, out, actor, client))
                .build();
    }

    static String sentence(ChainVerdict result) {
        String waiting =
                result.waiting() == 0 ? "" : " " + Texts.format("admin.audit.verify.waiting", result.waiting());
        if (result.intact()) {
            return Texts.format(
                            "admin.audit.verify.intact",
                            result.checked(),
                            result.headSeq(),
                            result.headSeq() + ":" + result.headHash())
                    + waiting;
        }
        ChainBreak b = result.breakage();
        String key = switch (b.kind()) {
            case CHANGED -> "admin.audit.verify.changed";
            case INSERTED -> "admin.audit.verify.inserted";
            case REMOVED -> "admin.audit.verify.removed";
            case REWRITTEN -> "admin.audit.verify.rewritten";
        };
        return Texts.format(
                        key,
                        Long.toString(b.seq()),
                        b.eventId() == null ? "" : b.eventId().toString())
                + waiting;
    }

    /** The sentence under the button: the last check by anyone (this page, another node, the command line). */
    public String getLastCheck() {
        try {
            Optional<ChainCheck> last = chain.lastCheck();
            return last.map(c -> Texts.format(
                            "admin.audit.lastCheck",
                            fmtFull(c.at()),
                            c.by(),
                            Texts.get(c.intact() ? "admin.audit.lastCheck.intact" : "admin.audit.lastCheck.broken")))
                    .orElseGet(() -> Texts.get("admin.audit.lastCheck.none"));
        } catch (AuditUnavailableException e) {
            return Texts.get("admin.audit.unavailable");
        }
    }

    /** Above the table when the count was capped: only the newest events can be paged to. */
    public boolean isCapped() {
        return capped;
    }

    public String getCappedText() {
        return Texts.format("admin.audit.capped", AuditLog.COUNT_CAP);
    }

    public List<AuditAction> getKinds() {
        return List.of(AuditAction.values());
    }

    /** A kind's name for people; a kind added without a text yet shows its constant. */
    public String kindLabel(String action) {
        try {
            return Texts.get("admin.audit.kind." + action);
        } catch (MissingResourceException e) {
            return action;
        }
    }

    public String target(AuditEvent e) {
        if (e.targetType() == null) {
            return "";
        }
        return e.targetId() == null ? e.targetType() : e.targetType() + " " + e.targetId();
    }

    /** The detail, or for a recorded change "field: old → new". */
    public String detail(AuditEvent e) {
        if (!e.isChange()) {
            return e.detail() == null ? "" : e.detail();
        }
        String none = Texts.get("admin.audit.none");
        return Texts.format(
                "admin.audit.change",
                e.field(),
                e.oldValue() == null ? none : e.oldValue(),
                e.newValue() == null ? none : e.newValue());
    }

    public String sequence(AuditEvent e) {
        return e.linked() ? e.chainSeq().toString() : Texts.get("admin.audit.unlinked");
    }

    public String caption() {
        return Texts.format("admin.audit.caption", events.getRowCount());
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(settings.displayZone()).toInstant();
    }

    private String fmtFull(Instant at) {
        return fmt.full(at);
    }

    private static String client() {
        return ClientOrigins.current((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .address();
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public boolean isWarmUp() {
        return warmUp;
    }

    public void setWarmUp(boolean warmUp) {
        this.warmUp = warmUp;
    }

    public AuditAction getKind() {
        return kind;
    }

    public void setKind(AuditAction kind) {
        this.kind = kind;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getUntil() {
        return until;
    }

    public void setUntil(LocalDateTime until) {
        this.until = until;
    }

    private final class Events extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            long matching = log.count(applied);
            capped = matching > AuditLog.COUNT_CAP;
            return (int) Math.min(matching, AuditLog.COUNT_CAP);
        }

        @Override
        public List<AuditEvent> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return log.page(applied, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return Long.toString(event.id());
        }

        @Override
        public AuditEvent getRowData(String rowKey) {
            return null; // no row selection on this page
        }
    }
}
