package org.sealpost.portal.notification.template;

/** The three parts of a notification template. */
public enum TemplatePart {
    SUBJECT("the subject"),
    TEXT_BODY("the text body"),
    HTML_BODY("the HTML body");

    private final String label;

    TemplatePart(String label) {
        this.label = label;
    }

    /** How the English technical description (for the log) names the part; pages use their bundles. */
    public String label() {
        return label;
    }
}
