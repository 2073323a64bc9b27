package org.sealpost.portal.settings;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/** A runtime setting the portal refuses, with the reason and the value it is about; nothing was saved. */
// Reaches the web as itself (not wrapped), and the transaction rolls back: nothing half-saved.
@ApplicationException(rollback = true)
public final class SettingsRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SettingsProblem problem;
    private final String value;

    public SettingsRefusedException(SettingsProblem problem, String value) {
        super(problem + ": " + value);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.value = value == null ? "" : value;
    }

    public SettingsProblem problem() {
        return problem;
    }

    /** The value (or list entry, or SVG element) the problem is about, as given. */
    public String value() {
        return value;
    }
}
