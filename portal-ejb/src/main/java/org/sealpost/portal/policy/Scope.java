package org.sealpost.portal.policy;

import java.util.Locale;

/** How far an action reaches. */
public enum Scope {
    /** Not offered, and refused if asked for. */
    DISABLED,
    /** Only to addresses in the internal domains. */
    INTERNAL_ONLY,
    /** Also to external addresses, as long as at least one internal address is among them. */
    INTERNAL_AND_EXTERNAL;

    /**
     * The value of a {@code SEALPOST_POLICY_*} setting: {@code disabled}, {@code internal} or
     * {@code external}, any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Scope ofSetting(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "disabled" -> DISABLED;
            case "internal" -> INTERNAL_ONLY;
            case "external" -> INTERNAL_AND_EXTERNAL;
            default -> throw new IllegalArgumentException("not disabled, internal or external: " + value);
        };
    }

    public boolean allowed() {
        return this != DISABLED;
    }

    public boolean reachesExternal() {
        return this == INTERNAL_AND_EXTERNAL;
    }
}
