package org.sealpost.portal.operator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.Setting;

/**
 * The operator's terminal for command tests: the portal's persistence unit on a test database,
 * what the command printed and complained, what the operator typed. Settings and the mode are
 * read through the functions given, so a test may change them between runs.
 */
public final class TestOperatorContext implements OperatorContext {

    private final PortalJpa db;
    private final Path dataDirectory;
    private final Function<Setting, Optional<String>> settings;
    private final BooleanSupplier production;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private byte[] typed = new byte[0];

    public TestOperatorContext(PortalJpa db, Path dataDirectory) {
        this(db, dataDirectory, setting -> Optional.empty(), () -> false);
    }

    public TestOperatorContext(
            PortalJpa db,
            Path dataDirectory,
            Function<Setting, Optional<String>> settings,
            BooleanSupplier production) {
        this.db = db;
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.production = production;
    }

    /** What the operator types on standard input (a password, say) for the next run. */
    public TestOperatorContext typing(String text) {
        typed = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Forgets what was printed and complained, for the next run. */
    public void clear() {
        out.reset();
        err.reset();
    }

    /** Standard output so far. */
    public String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Standard error so far. */
    public String complained() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> setting(Setting setting) {
        return settings.apply(setting);
    }

    @Override
    public boolean production() {
        return production.getAsBoolean();
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public <T> T inTransaction(Work<T> work) throws Exception {
        return db.inTransaction(work::run);
    }

    @Override
    public String actor() {
        return "operator:test";
    }

    @Override
    public PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream in() {
        return new ByteArrayInputStream(typed);
    }
}
