package org.sealpost.web.search;

import jakarta.faces.application.FacesMessage;
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
import org.sealpost.portal.search.MessageSearch;
import org.sealpost.portal.search.SearchLine;
import org.sealpost.portal.search.SearchResults;
import org.sealpost.portal.search.UnsearchableQueryException;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * search.xhtml?q=…: the signed-in recipient searches their messages. The query is run once
 * when the page opens, so a search the index cannot run becomes its one plain sentence in the
 * page's messages (HTTP 200, no table) instead of an error page; the table then pages lazily.
 */
@Named
@ViewScoped
public class SearchMessages implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageSearch search;

    @Inject
    private SignedInSession session;

    private String query;
    private boolean searched;
    private long total;
    private final LazyDataModel<SearchLine> lines = new Lines();

    /**
     * f:viewAction. No {@code q} at all is a page that has not searched yet; a {@code q} that
     * is blank is a search, and the index says why it cannot run.
     */
    public void run() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        if (!params.containsKey("q") || faces.isPostback()) {
            return;
        }
        query = params.get("q");
        try {
            total = search.count(session.accountId(), query);
            searched = true;
        } catch (UnsearchableQueryException e) {
            searched = false;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, problem(e), null));
        }
    }

    /** The reader's sentence for what is wrong with the search, from the bundle. */
    static String problem(UnsearchableQueryException e) {
        return new SearchProblemTexts(Texts.viewer()).sentence(e);
    }

    public String getQuery() {
        return query;
    }

    public boolean isSearched() {
        return searched;
    }

    public long getTotal() {
        return total;
    }

    public LazyDataModel<SearchLine> getLines() {
        return lines;
    }

    private final class Lines extends LazyDataModel<SearchLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(total, MessageSearch.MAX_RESULTS);
        }

        @Override
        public List<SearchLine> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            if (!searched) {
                return List.of();
            }
            int max = Math.min(pageSize, MessageSearch.MAX_RESULTS - first);
            if (max < 1) {
                return List.of();
            }
            try {
                SearchResults page = search.search(session.accountId(), query, first, max);
                total = page.total();
                return page.lines();
            } catch (UnsearchableQueryException e) {
                // run() already accepted this query; the index cannot change its mind
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getRowKey(SearchLine line) {
            return Long.toString(line.entryId());
        }

        @Override
        public SearchLine getRowData(String rowKey) {
            return null; // no row selection
        }
    }
}
