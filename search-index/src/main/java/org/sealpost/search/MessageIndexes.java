package org.sealpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.sealpost.search.internal.LuceneMessageIndex;

/**
 * Opens a {@link MessageIndex}.
 *
 * <p>The index key is a secret of at least 16 bytes (32 random bytes recommended), kept with
 * the installation's other keys and never in the index directory. The same key must be given
 * every time an index is opened: opening an index with another key is refused, and a new key
 * means a new, rebuilt index.
 */
public final class MessageIndexes {

    private MessageIndexes() {}

    /**
     * Opens the Lucene index in the directory, creating the directory and an empty index if
     * needed.
     *
     * @throws IllegalArgumentException if the key is too short or the index there was built with
     *     another key
     * @throws UncheckedIOException if the directory cannot be used
     */
    public static MessageIndex openLucene(Path directory, byte[] indexKey) {
        try {
            Files.createDirectories(directory);
            return open(FSDirectory.open(directory), indexKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + directory, e);
        }
    }

    /** An index held in memory only, for tests and tools. */
    public static MessageIndex inMemory(byte[] indexKey) {
        return open(new ByteBuffersDirectory(), indexKey);
    }

    private static MessageIndex open(Directory directory, byte[] indexKey) {
        try {
            return new LuceneMessageIndex(directory, indexKey);
        } catch (RuntimeException e) {
            try {
                directory.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
