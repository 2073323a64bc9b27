package org.sealpost.portal.settings;

/**
 * How the portal presents itself in its pages and mails: the organisation's name, its accent
 * colour, and whether a notification may show the subject of the message it announces (off by
 * default: a subject can tell anyone who sees the recipient's inbox what a confidential message
 * is about).
 */
public record Branding(String organisationName, AccentColour accentColour, boolean showOriginalSubject) {

    public static final int MAX_NAME_LENGTH = 100;

    /**
     * @throws SettingsRefusedException an empty, too long or multi-line name
     */
    public Branding {
        organisationName = checkedName(organisationName);
        java.util.Objects.requireNonNull(accentColour, "accentColour");
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new SettingsRefusedException(SettingsProblem.ORGANISATION_NAME_EMPTY, name);
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new SettingsRefusedException(SettingsProblem.ORGANISATION_NAME_TOO_LONG, stripped);
        }
        // It appears in mail subjects: a line break there would start a header (RFC 5322 §2.2).
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new SettingsRefusedException(SettingsProblem.ORGANISATION_NAME_NOT_ONE_LINE, stripped);
        }
        return stripped;
    }
}
