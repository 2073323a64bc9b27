package org.sealpost.portal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.Setting;

/**
 * Where the key-encryption keystore is and how it opens, decided once for the portal
 * ({@link PortalKeys}) and the operator's {@code ./sealpost keys} alike, so both open the same
 * file: {@code SEALPOST_KEYSTORE} with {@code SEALPOST_KEYSTORE_PASSWORD} when configured, else
 * (development) {@code <data dir>/keys/kek.p12} with a generated password beside it.
 *
 * @param path       the keystore file, absolute
 * @param configured whether the file was named by the settings (production always names it)
 */
public record KeystoreLocation(Path path, boolean configured, PasswordSource password) {

    /** The password, read when the keystore is opened (a development password file may not exist yet). */
    @FunctionalInterface
    public interface PasswordSource {
        char[] read();
    }

    /**
     * @param setting       a setting as the portal resolves it
     * @param dataDirectory the data directory, for development's generated keystore
     * @throws InvalidSettingException when the keystore is named without its password
     */
    public static KeystoreLocation of(Function<Setting, Optional<String>> setting, Path dataDirectory) {
        Optional<String> named = setting.apply(Setting.KEYSTORE).filter(v -> !v.isBlank());
        if (named.isPresent()) {
            char[] password = setting.apply(Setting.KEYSTORE_PASSWORD)
                    .orElseThrow(() -> new InvalidSettingException(
                            Setting.KEYSTORE_PASSWORD,
                            "is required when " + Setting.KEYSTORE.environmentVariable() + " is set"))
                    .toCharArray();
            return new KeystoreLocation(Path.of(named.get().trim()).toAbsolutePath(), true, password::clone);
        }
        Path dir = dataDirectory.toAbsolutePath().resolve("keys");
        return new KeystoreLocation(dir.resolve("kek.p12"), false, () -> devPassword(dir.resolve("kek.password")));
    }

    /**
     * Opens the keystore as the portal does at start: a configured one must exist in production;
     * otherwise it is created with {@code kek-v1} when missing.
     */
    public KeyEncryptionKeys openForPortal(boolean production) {
        return production && configured
                ? KeyEncryptionKeys.open(path, password.read())
                : KeyEncryptionKeys.openOrCreate(path, password.read());
    }

    /**
     * Opens an existing keystore, never creating one: what an operator command does (a command
     * that created a keystore beside a database sealed under another would strand every message).
     *
     * @throws KeyStoreUnusableException when it does not exist or cannot be opened
     */
    public KeyEncryptionKeys openExisting() {
        if (!Files.exists(path)) {
            throw new KeyStoreUnusableException("KEK keystore " + path + " does not exist"
                    + (configured ? "" : " (the portal creates it at its first start)"));
        }
        return KeyEncryptionKeys.open(path, password.read());
    }

    /** Dev mode's keystore password: random, generated once, readable by the owner only. */
    private static char[] devPassword(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Created owner-only from the first byte, not chmod'ed after writing.
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development keystore password " + file, e);
        }
    }
}
