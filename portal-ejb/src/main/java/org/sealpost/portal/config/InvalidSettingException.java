package org.sealpost.portal.config;

/** A setting whose value cannot be used; the message names it and what was expected. */
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(Setting setting, String value, String expected) {
        super("setting " + setting.environmentVariable() + " (" + setting.property() + ") must be " + expected
                + ", got '" + (setting.secret() ? "***" : value) + "'");
    }

    public InvalidSettingException(Setting setting, String problem) {
        super("setting " + setting.environmentVariable() + " (" + setting.property() + "): " + problem);
    }
}
