package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealpost.search.TestMessages.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.MessageIndexContract;

/** The contract on an in-memory directory, as the portal's fast tests would use it. */
class LuceneMessageIndexTest implements MessageIndexContract {

    static final byte[] KEY = "test-index-key-32-bytes-long!!!!".getBytes(StandardCharsets.US_ASCII);

    private ByteBuffersDirectory directory;
    private MessageIndex index;

    @BeforeEach
    void openIndex() {
        directory = new ByteBuffersDirectory();
        index = new LuceneMessageIndex(directory, KEY);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Override
    public MessageIndex messageIndex() {
        return index;
    }

    /**
     * Index format 2 (ADR 0025): every term of the text fields and the folder is the 12 raw bytes
     * of its word's keyed hash, computed here from the format's definition; no other term.
     */
    @Test
    void everyTextAndFolderTermIsTheEightBytesOfItsWordsSipHash() throws IOException {
        index.index(message(ALICE, "m1")
                .folder("Sent")
                .from("Zoë <zoe@example.com>")
                .to("bob@example.org")
                .subject("Quarterly report")
                .body("Grüße, Zoë")
                .attachments("Q3-figures.pdf")
                .build());
        index.commit();

        Map<String, Set<BytesRef>> expected = new LinkedHashMap<>();
        expected.put("from", terms("zoe", "zoe", "example", "com"));
        expected.put("to", terms("bob", "example", "org"));
        expected.put("subject", terms("quarterly", "report"));
        expected.put("body", terms("grusse", "zoe"));
        expected.put("attachment", terms("q3", "figures", "pdf"));
        expected.put(IndexFields.FOLDER, terms("sent"));
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (Map.Entry<String, Set<BytesRef>> field : expected.entrySet()) {
                assertThat(indexedTerms(reader, field.getKey()))
                        .as("terms of %s", field.getKey())
                        .allMatch(term -> term.length == TermHasher.TERM_BYTES)
                        .containsExactlyInAnyOrderElementsOf(field.getValue());
            }
        }
    }

    private static Set<BytesRef> terms(String... normalisedWords) {
        Set<BytesRef> terms = new HashSet<>();
        for (String word : normalisedWords) {
            terms.add(KeyedHashAnalyzerTest.formatThreeTerm(word));
        }
        return terms;
    }

    private static List<BytesRef> indexedTerms(DirectoryReader reader, String field) throws IOException {
        List<BytesRef> terms = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms fieldTerms = leaf.reader().terms(field);
            if (fieldTerms != null) {
                TermsEnum each = fieldTerms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    terms.add(BytesRef.deepCopyOf(term));
                }
            }
        }
        return terms;
    }

    @Override
    public Map<String, byte[]> indexFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : directory.listAll()) {
            try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                byte[] bytes = new byte[Math.toIntExact(in.length())];
                in.readBytes(bytes, 0, bytes.length);
                files.put(name, bytes);
            }
        }
        return files;
    }
}
