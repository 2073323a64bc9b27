package org.sealpost.portal.administration;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.search.IndexFollowers;

/** Gathers the {@link Overview} from each table's owner, in the caller's transaction. */
public final class PortalOverview {

    private final EntityManager em;

    public PortalOverview(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * "Today" and "this week" are the calendar's in {@code zone} (the portal's), a week starting
     * on Monday as ISO 8601 counts it.
     */
    public Overview at(Instant now, ZoneId zone) {
        return SharedConnection.run(em, "the overview's figures cannot be read now", c -> at(c, now, zone));
    }

    private Overview at(Connection c, Instant now, ZoneId zone) throws SQLException {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfDay = today.atStartOfDay(zone).toInstant();
        Instant startOfWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone)
                .toInstant();
        SearchIndexQueue.Lag index = IndexFollowers.lag(c);
        return new Overview(
                StoredMessages.receivedSince(em, startOfDay),
                StoredMessages.receivedSince(em, startOfWeek),
                OutboundQueue.figures(c),
                AccountDirectory.countByState(em),
                index.rows(),
                index.oldestQueuedAt().orElse(null));
    }
}
