package org.sealpost.web.administration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.List;
import org.sealpost.portal.administration.OutboundQueueReport;
import org.sealpost.portal.administration.UndeliveredMail;

/** admin/outbound.xhtml: mail the portal could not deliver yet, or gave up on. */
@Named
@RequestScoped
public class UndeliveredMailView {

    static final int SHOWN = 200;

    @Inject
    private OutboundQueueReport report;

    private List<UndeliveredMail> rows = List.of();

    @PostConstruct
    void load() {
        try {
            rows = report.undelivered(SHOWN);
        } catch (SQLException e) {
            throw new IllegalStateException("the outbound queue cannot be read now", e);
        }
    }

    public List<UndeliveredMail> getRows() {
        return rows;
    }
}
