package org.sealpost.web.administration;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sealpost.portal.administration.AdministrationRefusedException;
import org.sealpost.portal.administration.MailQueueService;
import org.sealpost.portal.administration.QueueList;
import org.sealpost.portal.outbound.PortalFailure;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;
import org.sealpost.web.format.BundleTexts;
import org.sealpost.web.mailbox.Texts;

/**
 * admin/outbound.xhtml, the mail queue: queued, deferred and given-up mail, a page at a time,
 * with retry now, give up and delete.
 */
@Named
@ViewScoped
public class MailQueuePage extends PagedConsoleList<QueueList> {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    @Inject
    private MailQueueService queue;

    /** Null: every undelivered state. */
    private QueueState shown;

    @Override
    QueueList fetch(int page) throws AdministrationRefusedException {
        Set<QueueState> states = shown == null ? EnumSet.allOf(QueueState.class) : EnumSet.of(shown);
        return queue.list(states, page, PAGE_SIZE);
    }

    public String filter() {
        firstPage();
        return null;
    }

    public String retry(QueueEntry row) {
        Console.call(() -> queue.retryNow(row.id(), Console.client()))
                .ifPresent(e -> Console.info("admin.queue.retried", e.recipient()));
        refresh();
        return null;
    }

    public String giveUp(QueueEntry row) {
        Console.call(() -> queue.giveUp(row.id(), Console.client()))
                .ifPresent(e -> Console.info("admin.queue.givenUp", e.recipient()));
        refresh();
        return null;
    }

    public String delete(QueueEntry row) {
        Console.call(() -> queue.delete(row.id(), Console.client()))
                .ifPresent(e -> Console.info("admin.queue.deleted", e.recipient()));
        refresh();
        return null;
    }

    /** The last error column: the portal's own reason in the reader's language, else the smarthost's words. */
    public String lastError(QueueEntry row) {
        return lastError(row.lastError(), Texts.viewer());
    }

    static String lastError(String kept, BundleTexts texts) {
        return PortalFailure.of(kept)
                .map(failure -> texts.format("admin.queue.failure." + failure.name(), PortalFailure.detail(kept)))
                .orElse(kept);
    }

    public List<QueueState> getStates() {
        return List.of(QueueState.values());
    }

    public QueueState getShown() {
        return shown;
    }

    public void setShown(QueueState shown) {
        this.shown = shown;
    }
}
