package org.sealpost.portal.crypto;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.sealpost.portal.crypto.internal.AesGcm;

/**
 * AES-GCM over a stream of any length, in 64 KiB chunks, so a file is encrypted and decrypted
 * without ever being whole in memory (a single GCM seal cannot be verified before its last
 * byte, so its decryption buffers everything).
 *
 * <p>The construction is the "STREAM" online AEAD of Hoang, Reyhanitabar, Rogaway and Vizár
 * (CRYPTO 2015), as used by Tink and age: every chunk is its own seal whose associated data
 * names the stream, the chunk's index and whether it is the last. Chunks therefore cannot be
 * reordered, dropped, duplicated, moved to another stream, and the stream cannot be cut short
 * (the last chunk says so, and a stream that ends without it is refused).
 *
 * <p>Layout: per chunk {@code last(1) | length(4, big-endian) | AesGcm seal of the chunk}.
 */
final class ChunkedSeal {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final String CONTEXT_PREFIX = "sealpost/v1|chunk|";

    private ChunkedSeal() {}

    private static byte[] context(UUID streamId, long index, boolean last) {
        return (CONTEXT_PREFIX + streamId + "|" + index + "|" + (last ? "last" : "more"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The ciphertext of {@code plaintext}, produced as it is read. */
    static InputStream sealing(SecretKey key, UUID streamId, InputStream plaintext, SecureRandom random) {
        return new Sealing(key, streamId, plaintext, random);
    }

    /** The plaintext of a stream {@link #sealing} wrote; a failed chunk throws {@link SealBrokenIOException}. */
    static InputStream opening(SecretKey key, UUID streamId, InputStream ciphertext) {
        return new Opening(key, streamId, ciphertext);
    }

    /** A chunk failed authentication, or the stream was cut short or extended. */
    static final class SealBrokenIOException extends IOException {
        private static final long serialVersionUID = 1L;

        SealBrokenIOException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private abstract static class Chunks extends InputStream {
        private InputStream current = InputStream.nullInputStream();
        private boolean done;

        /** The next piece of output, or null at the end. */
        abstract byte[] next() throws IOException;

        private boolean fill() throws IOException {
            while (!done && current.available() == 0) {
                byte[] piece = next();
                if (piece == null) {
                    done = true;
                } else {
                    current = new ByteArrayInputStream(piece);
                }
            }
            return !done || current.available() > 0;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current.read() : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            return fill() ? current.read(b, off, len) : -1;
        }
    }

    private static final class Sealing extends Chunks {
        private final SecretKey key;
        private final UUID streamId;
        private final InputStream source;
        private final SecureRandom random;
        private byte[] ahead;
        private long index;
        private boolean finished;

        Sealing(SecretKey key, UUID streamId, InputStream source, SecureRandom random) {
            this.key = key;
            this.streamId = streamId;
            this.source = source;
            this.random = random;
        }

        @Override
        byte[] next() throws IOException {
            if (finished) {
                return null;
            }
            byte[] chunk = ahead != null ? ahead : source.readNBytes(CHUNK_BYTES);
            // One chunk read ahead tells whether this one is the last; an empty stream is one
            // empty last chunk.
            ahead = chunk.length < CHUNK_BYTES ? new byte[0] : source.readNBytes(CHUNK_BYTES);
            boolean last = ahead.length == 0;
            byte[] sealed = AesGcm.seal(key, chunk, context(streamId, index++, last), random);
            finished = last;
            return ByteBuffer.allocate(5 + sealed.length)
                    .put((byte) (last ? 1 : 0))
                    .putInt(sealed.length)
                    .put(sealed)
                    .array();
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private static final class Opening extends Chunks {
        private final SecretKey key;
        private final UUID streamId;
        private final DataInputStream source;
        private long index;
        private boolean sawLast;

        Opening(SecretKey key, UUID streamId, InputStream source) {
            this.key = key;
            this.streamId = streamId;
            this.source = new DataInputStream(source);
        }

        @Override
        byte[] next() throws IOException {
            int flag = source.read();
            if (flag < 0) {
                if (!sawLast) {
                    throw new SealBrokenIOException("sealed stream " + streamId + " ends before its last chunk", null);
                }
                return null;
            }
            if (sawLast) {
                throw new SealBrokenIOException("sealed stream " + streamId + " goes on after its last chunk", null);
            }
            boolean last = flag == 1;
            try {
                int length = source.readInt();
                if (length < AesGcm.OVERHEAD_BYTES || length > CHUNK_BYTES + AesGcm.OVERHEAD_BYTES) {
                    throw new SealBrokenIOException(
                            "sealed stream " + streamId + " has a chunk of impossible length " + length, null);
                }
                byte[] sealed = new byte[length];
                source.readFully(sealed);
                byte[] plain = AesGcm.open(key, sealed, context(streamId, index++, last));
                sawLast = last;
                return plain;
            } catch (EOFException e) {
                throw new SealBrokenIOException("sealed stream " + streamId + " is truncated inside a chunk", e);
            } catch (AEADBadTagException | AesGcm.MalformedSealException e) {
                throw new SealBrokenIOException(
                        "chunk " + (index - 1) + " of sealed stream " + streamId + " failed authentication", e);
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
