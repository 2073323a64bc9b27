package org.sealpost.portal.account.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id in Java, by BouncyCastle: works wherever the portal runs. It fills the lanes one
 * after another, and at the default cost takes about a third more CPU than the reference C code
 * ({@link NativeArgon2id}), plus the collection of its 19 MiB of heap per hash (docs/adr/0019).
 */
public final class BouncyCastleArgon2id implements Argon2idFunction {

    public static final BouncyCastleArgon2id INSTANCE = new BouncyCastleArgon2id();

    private BouncyCastleArgon2id() {}

    @Override
    public byte[] tag(byte[] password, Argon2Settings settings, byte[] salt, int tagBytes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKiB())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[tagBytes];
        generator.generateBytes(password, tag);
        return tag;
    }

    @Override
    public String description() {
        return "BouncyCastle (Java)";
    }
}
