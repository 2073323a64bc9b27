package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.message.Folder;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexes;

/** From a decrypted message to what the index learns, and that a search then finds it. */
class SearchDocumentsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-30T10:15:00Z");

    private static final String MIXED = """
            From: Erika Advisor <advisor@bank.example>
            To: Anna Client <anna@client.example>, bob@client.example
            Cc: Carol <carol@client.example>
            Subject: =?UTF-8?Q?Quartalsbericht_M=C3=A4rz?=
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b1

            --b1
            Content-Type: multipart/alternative; boundary=b2

            --b2
            Content-Type: text/plain; charset=UTF-8

            Plain words only here: plaintextonly
            --b2
            Content-Type: text/html; charset=UTF-8

            <html><head><style>.x{color:red}</style></head><body><p>Dear Anna,</p><p>the <b>portfolio</b>&nbsp;review</p><script>evilscriptword()</script></body></html>
            --b2--
            --b1
            Content-Type: application/pdf; name="Kontoauszug 2026.pdf"
            Content-Disposition: attachment; filename="Kontoauszug 2026.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b1--
            """.replace("\n", "\r\n");

    private static final String PLAIN = """
            From: advisor@bank.example
            Subject: Plain
            Content-Type: text/plain; charset=UTF-8

            Just the plain body, with a kangaroo.
            """.replace("\n", "\r\n");

    @Test
    void headersBodyAndAttachmentNamesBecomeTheDocumentUnderTheEntryId() {
        IndexedMessage doc = document(MIXED, 42, Folder.INBOX);

        assertThat(doc.accountId()).isEqualTo(7);
        assertThat(doc.messageId()).isEqualTo("42");
        assertThat(doc.folder()).isEqualTo("INBOX");
        assertThat(doc.receivedAt()).isEqualTo(RECEIVED);
        assertThat(doc.from()).isEqualTo("Erika Advisor <advisor@bank.example>");
        assertThat(doc.to()).isEqualTo("Anna Client <anna@client.example>, bob@client.example");
        assertThat(doc.cc()).isEqualTo("Carol <carol@client.example>");
        assertThat(doc.subject()).isEqualTo("Quartalsbericht März");
        assertThat(doc.attachmentNames()).containsExactly("Kontoauszug 2026.pdf");
    }

    @Test
    void theHtmlBodyIsIndexedAsTheReaderSeesItWithoutScriptsOrStyles() {
        IndexedMessage doc = document(MIXED, 42, Folder.INBOX);

        assertThat(doc.bodyText())
                .contains("Dear Anna,")
                .contains("portfolio review")
                .doesNotContain("evilscriptword")
                .doesNotContain("color")
                .doesNotContain("<");
    }

    @Test
    void aTextOnlyMessageIsIndexedWithItsText() {
        assertThat(document(PLAIN, 1, Folder.TRASH).bodyText()).contains("kangaroo");
        assertThat(document(PLAIN, 1, Folder.TRASH).folder()).isEqualTo("TRASH");
    }

    @Test
    void theDocumentIsFoundByBodySubjectAttachmentAndFolderButOnlyInItsAccount() throws InvalidQueryException {
        try (MessageIndex index = MessageIndexes.inMemory(new byte[32])) {
            index.index(document(MIXED, 42, Folder.TRASH));

            assertThat(index.search(7, "portfolio", 0, 10).messageIds()).containsExactly("42");
            assertThat(index.search(7, "subject:marz", 0, 10).messageIds()).containsExactly("42");
            assertThat(index.search(7, "attachment:kontoauszug", 0, 10).messageIds())
                    .containsExactly("42");
            assertThat(index.search(7, "from:erika", 0, 10).messageIds()).containsExactly("42");
            assertThat(index.search(7, "portfolio in:trash", 0, 10).totalHits()).isEqualTo(1);
            assertThat(index.search(7, "portfolio in:inbox", 0, 10).totalHits()).isZero();
            assertThat(index.search(8, "portfolio", 0, 10).totalHits()).isZero();
        }
    }

    private static IndexedMessage document(String mime, long entryId, Folder folder) {
        byte[] raw = mime.getBytes(StandardCharsets.UTF_8);
        MimeReading reading = new MimeMetadataExtractor().extract(raw);
        MessageMetadata metadata = ((MimeReading.Readable) reading).metadata();
        return SearchDocuments.of(7, entryId, folder, RECEIVED, metadata, raw);
    }
}
