package org.sealpost.web.compose;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.sealpost.portal.compose.ComposeService;
import org.sealpost.portal.compose.DraftLine;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/** drafts.xhtml: the account's drafts, most recently saved first, a page at a time; each opens in compose.xhtml. */
@Named
@ViewScoped
public class DraftsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ComposeService compose;

    @Inject
    private SignedInSession session;

    private final LazyDataModel<DraftLine> lines = new Lines();

    public LazyDataModel<DraftLine> getLines() {
        return lines;
    }

    /** The table's description for screen readers. */
    public String caption(String title) {
        return Texts.format("inbox.caption", title, lines.getRowCount());
    }

    public String recipients(DraftLine line) {
        return line.to() == null || line.to().isBlank() ? Texts.get("drafts.noRecipient") : line.to();
    }

    /** Never an empty link: a draft without a subject still needs a name to be opened by. */
    public String subject(DraftLine line) {
        return line.subject() == null || line.subject().isBlank() ? Texts.get("inbox.noSubject") : line.subject();
    }

    public String draftLink(DraftLine line) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/compose.xhtml?draft="
                + line.id();
    }

    private final class Lines extends LazyDataModel<DraftLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) compose.draftCount(session.accountId());
        }

        @Override
        public List<DraftLine> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return compose.drafts(session.accountId(), first, pageSize);
        }

        @Override
        public String getRowKey(DraftLine line) {
            return Long.toString(line.id());
        }

        @Override
        public DraftLine getRowData(String rowKey) {
            return null; // no row selection on this page
        }
    }
}
