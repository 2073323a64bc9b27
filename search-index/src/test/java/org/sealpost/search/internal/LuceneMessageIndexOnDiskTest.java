package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sealpost.search.TestMessages.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexContract;
import org.sealpost.search.MessageIndexes;

/** The contract on disk, through the public factory, plus what only a disk can show. */
class LuceneMessageIndexOnDiskTest implements MessageIndexContract {

    private static final byte[] KEY = LuceneMessageIndexTest.KEY;

    @TempDir
    Path directory;

    private MessageIndex index;

    @BeforeEach
    void openIndex() {
        index = MessageIndexes.openLucene(directory.resolve("index"), KEY);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Override
    public MessageIndex messageIndex() {
        return index;
    }

    @Override
    public Map<String, byte[]> indexFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    @Test
    void messagesSurviveCloseAndReopen() throws Exception {
        index.index(message(ALICE, "kept")
                .subject("Quarterly report")
                .folder("SENT")
                .build());
        index.index(message(ALICE, "deleted").subject("Quarterly report").build());
        index.delete(ALICE, "deleted");
        index.close();

        index = MessageIndexes.openLucene(directory.resolve("index"), KEY);

        assertThat(index.count(ALICE)).isEqualTo(1);
        assertThat(index.search(ALICE, "\"quarterly report\" in:sent", 0, 10).messageIds())
                .containsExactly("kept");
    }

    @Test
    void commitMakesWritesVisibleToAnotherReaderOfTheFiles() throws Exception {
        index.index(message(ALICE, "m1").build());
        assertThat(committedDocuments()).isZero();

        index.commit();

        assertThat(committedDocuments()).isEqualTo(1);
    }

    @Test
    void reopeningWithAnotherKeyIsRefused() {
        index.index(message(ALICE, "m1").body("invoice").build());
        index.close();
        byte[] otherKey = "another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> MessageIndexes.openLucene(directory.resolve("index"), otherKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another index key")
                .hasMessageContaining("rebuild");
        index = MessageIndexes.openLucene(directory.resolve("index"), KEY); // the right key still opens
        assertThat(index.count(ALICE)).isEqualTo(1);
    }

    /**
     * An index written before ADR 0025 holds each word as 16 base64url characters, one written
     * before ADR 0028 as 12 bytes of HMAC-SHA256; searched with format 3's SipHash terms either
     * would silently find nothing. It is refused by its recorded format, which is what makes the
     * portal rebuild it (ADR 0017).
     */
    @Test
    void anIndexOfFormatOneIsRefusedRatherThanSearchedForTermsItDoesNotHold() throws IOException {
        assertRefusedAsFormat("1", new BytesRef(formatOneTerm("invoice")));
    }

    @Test
    void anIndexOfFormatTwoIsRefusedRatherThanSearchedForTermsItDoesNotHold() throws IOException {
        assertRefusedAsFormat("2", KeyedHashAnalyzerTest.formatTwoTerm("invoice"));
    }

    private void assertRefusedAsFormat(String format, BytesRef invoiceTerm) throws IOException {
        Path older = directory.resolve("format-" + format);
        try (FSDirectory dir = FSDirectory.open(older);
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField(IndexFields.ACCOUNT, Long.toString(ALICE), Field.Store.NO));
            doc.add(new StringField("body", invoiceTerm, Field.Store.NO));
            doc.add(new StoredField(IndexFields.MESSAGE_ID, "m1"));
            doc.add(new NumericDocValuesField(IndexFields.RECEIVED_AT, 0));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of(
                            LuceneMessageIndex.FORMAT,
                            format,
                            LuceneMessageIndex.KEY_CHECK,
                            new TermHasher(KEY).keyCheckValue())
                    .entrySet());
            writer.commit();
        }

        assertThatThrownBy(() -> MessageIndexes.openLucene(older, KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format " + format)
                .hasMessageContaining("rebuild");
    }

    /** A term as format 1 wrote it: the same 12 hash bytes as 16 base64url characters. */
    private static String formatOneTerm(String normalisedWord) {
        BytesRef hash = KeyedHashAnalyzerTest.formatTwoTerm(normalisedWord);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(hash).bytes);
    }

    @Test
    void tooShortKeyIsRefused() {
        assertThatThrownBy(() -> MessageIndexes.openLucene(directory.resolve("other"), new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
        assertThat(List.of(directory.resolve("other").toFile().list())).isEmpty();
    }

    private int committedDocuments() throws IOException {
        try (FSDirectory dir = FSDirectory.open(directory.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }
}
