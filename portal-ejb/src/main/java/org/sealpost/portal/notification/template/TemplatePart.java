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

    /** How messages to the administrator name the part. */
    public String label() {
        return label;
    }
}
