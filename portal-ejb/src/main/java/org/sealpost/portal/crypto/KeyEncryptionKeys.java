package org.sealpost.portal.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned AES-256 key-encryption keys (KEKs), kept as secret-key entries {@code kek-v1},
 * {@code kek-v2}, … in a password-protected PKCS#12 keystore; the highest version wraps new data
 * keys, every older one stays available to unwrap what it wrapped.
 *
 * <p>The keystore is the only place the KEKs live, so a database dump without it reveals nothing.
 * Writes go to a fresh owner-only temporary file that is then moved over the keystore, so a crash
 * never leaves a half-written keystore and the file is never readable by others, not even briefly.
 *
 * <p>Thread-safe. Several instances (cluster nodes, the operator's {@code ./sealpost keys}) may
 * share one keystore file: {@link #rotate()} and {@link #retire} re-read the file before changing
 * it, a node asked for a version it does not know yet re-reads the file once before giving up,
 * and every instance looks at the file's modification time, size and identity at most every
 * {@link #FILE_CHECK_INTERVAL} when asked for the current version, re-reading it when another
 * process replaced it: a rotation is used for new data keys within seconds on every node, and a
 * retired version is gone from every node's memory as soon.
 */
public final class KeyEncryptionKeys {

    private static final Logger LOG = System.getLogger(KeyEncryptionKeys.class.getName());
    private static final Pattern ALIAS = Pattern.compile("kek-v([1-9][0-9]{0,8})");
    private static final String KEYSTORE_TYPE = "PKCS12";
    private static final int KEY_BITS = 256;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * How often an instance looks whether another process replaced the keystore file. Short, so
     * that every node wraps with a new version seconds after a rotation; a look is one
     * {@code stat} of the file, not a read.
     */
    public static final Duration FILE_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final Path path;
    private final char[] password;
    private final SecureRandom random = new SecureRandom();
    private final long checkIntervalNanos;
    private volatile NavigableMap<Integer, SecretKey> keys;
    private volatile FileStamp stamp;
    private volatile long nextCheckNanos;

    private KeyEncryptionKeys(
            Path path,
            char[] password,
            FileStamp stamp,
            NavigableMap<Integer, SecretKey> keys,
            Duration checkInterval) {
        this.path = path;
        this.password = password;
        this.stamp = stamp;
        this.keys = keys;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nextCheckNanos = System.nanoTime() + checkIntervalNanos;
    }

    /**
     * Opens an existing keystore.
     *
     * @throws KeyStoreUnusableException when the file is absent or unreadable, the password is
     *                                   wrong, or it holds no {@code kek-vN} AES-256 entry
     */
    public static KeyEncryptionKeys open(Path keystore, char[] password) {
        return open(keystore, password, FILE_CHECK_INTERVAL);
    }

    /** {@link #open(Path, char[])} with another interval between looks at the file (tests). */
    static KeyEncryptionKeys open(Path keystore, char[] password, Duration checkInterval) {
        Path path = keystore.toAbsolutePath();
        char[] pw = password.clone();
        FileStamp stamp = FileStamp.of(path);
        return new KeyEncryptionKeys(path, pw, stamp, load(path, pw), checkInterval);
    }

    /**
     * Opens the keystore, first creating it with a fresh {@code kek-v1} when the file does not
     * exist (development mode; production should provision and back up the keystore explicitly,
     * because losing it loses every message).
     */
    public static KeyEncryptionKeys openOrCreate(Path keystore, char[] password) {
        Path path = keystore.toAbsolutePath();
        char[] pw = password.clone();
        if (!Files.exists(path)) {
            KeyStore store = emptyKeyStore();
            SecureRandom random = new SecureRandom();
            addKey(store, 1, pw, random);
            try {
                Files.createDirectories(path.getParent());
                Path temp = writeOwnerOnlyTemp(path, store, pw);
                try {
                    // A hard link fails if another process created the keystore meanwhile; a
                    // move would silently replace that one and strand its messages.
                    Files.createLink(path, temp);
                    LOG.log(Level.INFO, "Created KEK keystore {0} with kek-v1", path);
                } catch (FileAlreadyExistsException raced) {
                    LOG.log(Level.INFO, "KEK keystore {0} was created concurrently; using that one", path);
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(path)) {
                        Files.move(temp, path);
                        LOG.log(Level.INFO, "Created KEK keystore {0} with kek-v1", path);
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (FileAlreadyExistsException raced) {
                LOG.log(Level.INFO, "KEK keystore {0} was created concurrently; using that one", path);
            } catch (IOException e) {
                throw new KeyStoreUnusableException("Cannot create KEK keystore " + path + ": " + e, e);
            }
        }
        FileStamp stamp = FileStamp.of(path);
        return new KeyEncryptionKeys(path, pw, stamp, load(path, pw), FILE_CHECK_INTERVAL);
    }

    /** The version that wraps new data keys: the highest one in the keystore. */
    public int currentVersion() {
        refreshIfReplaced();
        return keys.lastKey();
    }

    /** All versions this instance can unwrap with, ascending. */
    public SortedSet<Integer> versions() {
        refreshIfReplaced();
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    /**
     * Re-reads the keystore file now, whatever its modification time says: for the operator's
     * commands and the re-wrap worker, which must not act on a version list two seconds old.
     */
    public synchronized void reload() {
        FileStamp before = FileStamp.of(path);
        keys = load(path, password);
        stamp = before;
        nextCheckNanos = System.nanoTime() + checkIntervalNanos;
    }

    /** The keystore file. */
    public Path path() {
        return path;
    }

    /**
     * Adds the next version, saves the keystore and makes the new version current. Existing
     * versions are kept: messages wrapped under them still open (and can be re-wrapped with
     * {@link MessageSealer#rewrap} at leisure).
     *
     * @return the new current version
     */
    public synchronized int rotate() {
        // Re-read first so a version another node added is neither lost nor reused.
        NavigableMap<Integer, SecretKey> onDisk = load(path, password);
        KeyStore store = emptyKeyStore();
        for (Map.Entry<Integer, SecretKey> entry : onDisk.entrySet()) {
            setEntry(store, entry.getKey(), entry.getValue(), password);
        }
        int next = onDisk.lastKey() + 1;
        SecretKey added = addKey(store, next, password, random);
        replaceFile(store, "after adding kek-v" + next);
        NavigableMap<Integer, SecretKey> updated = new TreeMap<>(onDisk);
        updated.put(next, added);
        keys = Collections.unmodifiableNavigableMap(updated);
        stamp = FileStamp.of(path);
        LOG.log(Level.INFO, "Rotated KEK keystore {0}: kek-v{1} is now current", path, next);
        return next;
    }

    /**
     * Removes {@code version} from the keystore file, atomically as {@link #rotate()} writes it:
     * from then on nothing wrapped under it opens, here or from any backup of the database, as
     * long as no copy of the keystore that still holds it survives (ADR 0012). The caller checks
     * first that nothing is wrapped under it any more; this method only refuses what would break
     * the keystore itself.
     *
     * @throws IllegalArgumentException when the keystore has no such version
     * @throws IllegalStateException    when {@code version} is the current one (new data keys are
     *                                  wrapped under it)
     */
    public synchronized void retire(int version) {
        NavigableMap<Integer, SecretKey> onDisk = load(path, password);
        if (!onDisk.containsKey(version)) {
            throw new IllegalArgumentException("keystore " + path + " holds no kek-v" + version);
        }
        if (version == onDisk.lastKey()) {
            throw new IllegalStateException("kek-v" + version + " is the current version of " + path);
        }
        KeyStore store = emptyKeyStore();
        NavigableMap<Integer, SecretKey> kept = new TreeMap<>(onDisk);
        kept.remove(version);
        for (Map.Entry<Integer, SecretKey> entry : kept.entrySet()) {
            setEntry(store, entry.getKey(), entry.getValue(), password);
        }
        replaceFile(store, "after removing kek-v" + version);
        keys = Collections.unmodifiableNavigableMap(kept);
        stamp = FileStamp.of(path);
        LOG.log(Level.INFO, "Retired kek-v{1} from KEK keystore {0}", path, version);
    }

    /** Writes {@code store} to an owner-only temporary file and moves it over the keystore. */
    private void replaceFile(KeyStore store, String what) {
        try {
            Path temp = writeOwnerOnlyTemp(path, store, password);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new KeyStoreUnusableException("Cannot save KEK keystore " + path + " " + what + ": " + e, e);
        }
    }

    /**
     * Re-reads the keystore when another process replaced the file since it was read (at most
     * one look every {@link #checkIntervalNanos}); a file that cannot be read now keeps the keys
     * in memory, with a warning, rather than stopping the intake.
     */
    private void refreshIfReplaced() {
        long now = System.nanoTime();
        if (now - nextCheckNanos < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextCheckNanos < 0) {
                return;
            }
            FileStamp seen = FileStamp.of(path);
            if (seen == null || seen.equals(stamp)) {
                nextCheckNanos = now + checkIntervalNanos;
                return;
            }
            // nextCheckNanos moves on only once the new keys are in place: a thread arriving
            // meanwhile waits here for them instead of wrapping with the version just replaced.
            try {
                NavigableMap<Integer, SecretKey> reread = load(path, password);
                if (!reread.keySet().equals(keys.keySet())) {
                    LOG.log(
                            Level.INFO,
                            "KEK keystore {0} changed: versions {1}, kek-v{2} current",
                            path,
                            reread.keySet(),
                            reread.lastKey());
                }
                keys = reread;
                stamp = seen;
            } catch (KeyStoreUnusableException e) {
                LOG.log(
                        Level.WARNING,
                        "KEK keystore {0} changed but cannot be read ({1}); keeping versions {2}",
                        path,
                        e.getMessage(),
                        keys.keySet());
            } finally {
                nextCheckNanos = System.nanoTime() + checkIntervalNanos;
            }
        }
    }

    /** What tells a replaced file from the one read: its identity (inode), modification time and size. */
    private record FileStamp(Object fileKey, FileTime modified, long size) {
        static FileStamp of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * A 256-bit key for another purpose than wrapping data keys, derived with HKDF-SHA256
     * (RFC 5869) from the oldest key-encryption key; {@code purpose} is HKDF's "info", so keys
     * for different purposes are independent and none reveals the KEK (ADR 0007).
     *
     * <p>The oldest version, not the current one: rotating the KEK must not change a derived key
     * (the search index would need a rebuild after every rotation). Retiring the oldest version
     * does change it; whatever used it must then be rebuilt, which is why only rebuildable
     * things (the search index) use a derived key.
     */
    public byte[] derivedKey(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        byte[] ikm = keys.firstEntry().getValue().getEncoded();
        try {
            return hkdfSha256(ikm, purpose.getBytes(StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * HKDF-SHA256 (RFC 5869) with the default salt (HashLen zero bytes), 32 bytes of output:
     * one block of expand.
     */
    static byte[] hkdfSha256(byte[] ikm, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            Arrays.fill(prk, (byte) 0);
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The current version and its key, read from one snapshot so they always match. */
    VersionedKey current() {
        refreshIfReplaced();
        Map.Entry<Integer, SecretKey> last = keys.lastEntry();
        return new VersionedKey(last.getKey(), last.getValue());
    }

    /**
     * The key of {@code version}; re-reads the keystore once when the version is unknown here,
     * because another node may have rotated.
     *
     * @return the key, or {@code null} when the keystore has no such version
     */
    SecretKey key(int version) {
        SecretKey key = keys.get(version);
        if (key != null || version <= 0) {
            return key;
        }
        synchronized (this) {
            key = keys.get(version);
            if (key == null && version > keys.lastKey()) {
                FileStamp before = FileStamp.of(path);
                keys = load(path, password);
                stamp = before;
                key = keys.get(version);
            }
            return key;
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKeys[" + path + ", versions=" + keys.keySet() + "]";
    }

    record VersionedKey(int version, SecretKey key) {
        @Override
        public String toString() {
            return "kek-v" + version;
        }
    }

    private static NavigableMap<Integer, SecretKey> load(Path path, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KeyStoreUnusableException(
                    "KEK keystore " + path + " does not exist; without it no stored"
                            + " message can be opened (restore it from backup, or point the configuration at it)",
                    e);
        } catch (IOException e) {
            throw new KeyStoreUnusableException("Cannot read KEK keystore " + path + ": " + e, e);
        }
        warnIfReadableByOthers(path);
        KeyStore store;
        try {
            store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyStoreUnusableException(
                        "Wrong password for KEK keystore " + path
                                + " (its integrity check failed; the file may also be damaged)",
                        e);
            }
            throw new KeyStoreUnusableException("KEK keystore " + path + " is not a readable PKCS#12 file: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnusableException("Cannot load KEK keystore " + path + ": " + e, e);
        }
        NavigableMap<Integer, SecretKey> keys = new TreeMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Matcher matcher = ALIAS.matcher(alias);
                if (!matcher.matches()) {
                    continue;
                }
                int version = Integer.parseInt(matcher.group(1));
                KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
                if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                    throw new KeyStoreUnusableException(
                            "KEK keystore " + path + ": entry " + alias + " is not a secret key");
                }
                SecretKey key = secret.getSecretKey();
                byte[] encoded = key.getEncoded();
                boolean aes256 =
                        "AES".equalsIgnoreCase(key.getAlgorithm()) && encoded != null && encoded.length == KEY_BITS / 8;
                if (encoded != null) {
                    Arrays.fill(encoded, (byte) 0);
                }
                if (!aes256) {
                    throw new KeyStoreUnusableException(
                            "KEK keystore " + path + ": entry " + alias + " is not an AES-256 key");
                }
                keys.put(version, key);
            }
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnusableException(
                    "Cannot read the KEK entries of keystore " + path
                            + " (each entry must be protected with the keystore password): " + e,
                    e);
        }
        if (keys.isEmpty()) {
            throw new KeyStoreUnusableException("KEK keystore " + path
                    + " holds no key-encryption key (expected AES secret-key entries kek-v1, kek-v2, ...)");
        }
        return Collections.unmodifiableNavigableMap(keys);
    }

    private static KeyStore emptyKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 keystores are not available in this JDK", e);
        }
    }

    private static SecretKey addKey(KeyStore store, int version, char[] password, SecureRandom random) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", "SunJCE");
            generator.init(KEY_BITS, random);
            SecretKey key = generator.generateKey();
            setEntry(store, version, key, password);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an AES-256 key: " + e, e);
        }
    }

    private static void setEntry(KeyStore store, int version, SecretKey key, char[] password) {
        try {
            store.setEntry(
                    "kek-v" + version, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store kek-v" + version + " in a PKCS#12 keystore: " + e, e);
        }
    }

    /** Writes the keystore next to {@code target} into a new file only the owner can read, fsynced. */
    private static Path writeOwnerOnlyTemp(Path target, KeyStore store, char[] password) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            store.store(buffer, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode PKCS#12 keystore: " + e, e);
        }
        Path dir = Objects.requireNonNull(target.getParent(), "keystore path has no parent directory");
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(buffer.toByteArray());
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void warnIfReadableByOthers(Path path) {
        try {
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    LOG.log(
                            Level.WARNING,
                            "KEK keystore {0} is readable by group or others ({1}); chmod 600 it",
                            path,
                            PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "Cannot check permissions of {0}: {1}", path, e);
        }
    }
}
