package org.sealpost.web.warmup;

import jakarta.enterprise.inject.Typed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sealpost.portal.message.MailboxLine;
import org.sealpost.web.mailbox.FolderPage;

/**
 * The inbox's page bean for the warm-up's copy of the inbox ({@code /warm-up/inbox.xhtml}, ADR
 * 0027): the same bean, data model and table, but its lines are {@link #SAMPLES}, made in
 * memory and belonging to no account; nothing is read from the database. {@code @Typed} keeps it
 * out of every injection point of {@link FolderPage}.
 */
@Named("warmUpFolder")
@ViewScoped
@Typed(WarmUpFolder.class)
public class WarmUpFolder extends FolderPage {

    private static final long serialVersionUID = 1L;

    /** More than a page, so the paginator has a next page, as a real inbox usually does. */
    static final int TOTAL = 40;

    /**
     * A page of lines with every variation a row renders differently for: read and unread,
     * with and without attachments, without sender or subject (the placeholders), received
     * today and long ago (time or date), small and large. Ids are negative: no entry has one.
     */
    static final List<MailboxLine> SAMPLES = samples(Instant.parse("2026-12-03T12:00:00Z"));

    @Override
    protected long count() {
        return TOTAL;
    }

    @Override
    protected List<MailboxLine> page(int first, int pageSize) {
        return SAMPLES.subList(0, Math.min(pageSize, SAMPLES.size()));
    }

    static List<MailboxLine> samples(Instant newest) {
        List<MailboxLine> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add(new MailboxLine(
                    -1 - i,
                    i % 7 == 6 ? "" : "Client Service " + i + " <service" + i + "@bank.invalid>",
                    i % 9 == 8 ? null : "Your statement " + i,
                    newest.minus(Duration.ofHours(7L * i * i)),
                    i % 3 != 0,
                    i % 2 == 0,
                    2_000L << i % 12));
        }
        return List.copyOf(lines);
    }
}
