package org.sealpost.portal.settings;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The organisation's accent colour, {@code #rrggbb}. It colours the portal's header band and
 * buttons with white text on it, and links and a band in the mails on white, so it must be
 * legible against white: the contrast ratio of WCAG 2.1 (success criterion 1.4.3, "Contrast
 * (Minimum)") must be at least 4.5:1, the level for normal text. A pale colour is refused with
 * that sentence rather than shown unreadable.
 */
public record AccentColour(String hex) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    /** A blue with 6.7:1 against white, the colour of the portal before any branding. */
    public static final AccentColour DEFAULT = new AccentColour("#1d4ed8");

    /** WCAG 2.1 SC 1.4.3: 4.5:1 for text below 18 pt. */
    public static final double MINIMUM_CONTRAST_WITH_WHITE = 4.5;

    public AccentColour {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new SettingsRefusedException(SettingsProblem.ACCENT_COLOUR_NOT_HEX, hex);
        }
    }

    /**
     * Checks what an administrator typed: {@code #rrggbb} (either case), legible on white.
     *
     * @throws SettingsRefusedException not a colour, or too light
     */
    public static AccentColour of(String typed) {
        String hex = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new SettingsRefusedException(SettingsProblem.ACCENT_COLOUR_NOT_HEX, typed);
        }
        AccentColour colour = new AccentColour(hex);
        if (colour.contrastWithWhite() < MINIMUM_CONTRAST_WITH_WHITE) {
            throw new SettingsRefusedException(
                    SettingsProblem.ACCENT_COLOUR_TOO_LIGHT,
                    hex + " (" + String.format(Locale.ROOT, "%.1f", colour.contrastWithWhite()) + ":1)");
        }
        return colour;
    }

    /** The WCAG 2.1 contrast ratio with white, from 1 (white) to 21 (black). */
    public double contrastWithWhite() {
        double l = relativeLuminance();
        return (1.0 + 0.05) / (l + 0.05);
    }

    /** WCAG 2.1, "relative luminance": the sRGB channels linearised and weighted. */
    private double relativeLuminance() {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
