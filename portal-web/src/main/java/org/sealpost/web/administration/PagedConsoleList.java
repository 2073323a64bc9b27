package org.sealpost.web.administration;

import java.io.Serializable;
import org.sealpost.portal.administration.AdministrationRefusedException;
import org.sealpost.portal.administration.ListPage;

/**
 * What the console's paged lists (accounts, mail queue) share: the page shown, moving to the
 * next or previous one, and keeping the last good page when a fetch is refused. The service
 * clamps the page number (rows may have gone since), so the page number is taken back from
 * what it returned. Public, though only this package extends it: EL calls the getters by
 * reflection, and a public method of a package-private class is not accessible from jakarta.el.
 */
public abstract class PagedConsoleList<L extends ListPage> implements Serializable {

    private static final long serialVersionUID = 1L;

    private int page;
    private L list;

    /** The rows of {@code page} as the service sees them now. */
    abstract L fetch(int page) throws AdministrationRefusedException;

    void refresh() {
        list = Console.call(() -> fetch(page)).orElse(list);
        if (list != null) {
            page = list.page();
        }
    }

    /** Back to the first page, for a new filter or search. */
    void firstPage() {
        page = 0;
        refresh();
    }

    /** f:viewAction on the first GET. */
    public void load() {
        refresh();
    }

    public String next() {
        page++;
        refresh();
        return null;
    }

    public String previous() {
        page = Math.max(0, page - 1);
        refresh();
        return null;
    }

    public L getList() {
        return list;
    }

    public boolean isHasPrevious() {
        return list != null && list.hasPrevious();
    }

    public boolean isHasNext() {
        return list != null && list.hasNext();
    }
}
