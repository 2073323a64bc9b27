package org.sealpost.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
