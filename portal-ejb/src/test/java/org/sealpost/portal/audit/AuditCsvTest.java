package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithDoubledQuotes() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(AuditCsv.cell("line\nfeed")).isEqualTo("\"line\nfeed\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaStartWithAnApostrophe() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil.example/\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"");
        assertThat(AuditCsv.cell("anna@client.example")).isEqualTo("anna@client.example");
    }

    @Test
    void aRowHasEveryColumnOfTheHeaderAndEndsWithCrLf() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.row(new AuditEvent(
                5,
                3L,
                new byte[32],
                Instant.parse("2026-12-03T10:00:00.000001Z"),
                "=evil@x.example",
                "SIGN_IN_FAILED",
                "account",
                null,
                "127.0.0.1",
                "wrong password, 3rd",
                null,
                null,
                null));

        assertThat(out.toString())
                .isEqualTo(
                        "id,sequence,occurred_at,actor,action,target_type,target_id,client_address,detail,field,old_value,new_value,hash\r\n"
                                + "5,3,2026-12-03T10:00:00.000001Z,'=evil@x.example,SIGN_IN_FAILED,account,,127.0.0.1,"
                                + "\"wrong password, 3rd\",,,," + "0".repeat(64) + "\r\n");
    }
}
