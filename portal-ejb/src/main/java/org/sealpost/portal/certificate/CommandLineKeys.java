package org.sealpost.portal.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.operator.OperatorContext;

/**
 * The key-encryption keys as {@code ./sealpost run} finds them, for a command outside the
 * container: {@code SEALPOST_KEYSTORE} with its password, else the development keystore in
 * {@code <data>/keys/} (the same rule as {@link org.sealpost.portal.crypto.PortalKeys}). Never
 * creates one: a command must not invent keys the running portal does not have.
 */
final class CommandLineKeys {

    private CommandLineKeys() {}

    static Optional<MessageSealer> sealer(OperatorContext context) {
        try {
            Optional<String> configured = context.setting(Setting.KEYSTORE);
            if (configured.isPresent()) {
                Optional<String> password = context.setting(Setting.KEYSTORE_PASSWORD);
                return password.map(
                        p -> new MessageSealer(KeyEncryptionKeys.open(Path.of(configured.get()), p.toCharArray())));
            }
            Path directory = context.dataDirectory().resolve("keys");
            Path keystore = directory.resolve("kek.p12");
            Path passwordFile = directory.resolve("kek.password");
            if (!Files.isRegularFile(keystore) || !Files.isRegularFile(passwordFile)) {
                return Optional.empty();
            }
            char[] password = Files.readString(passwordFile).trim().toCharArray();
            return Optional.of(new MessageSealer(KeyEncryptionKeys.open(keystore, password)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
