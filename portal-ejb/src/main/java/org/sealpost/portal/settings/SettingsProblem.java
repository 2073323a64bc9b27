package org.sealpost.portal.settings;

/**
 * Why a runtime setting was refused. The web turns each into a sentence from the resource
 * bundle ({@code settings.problem.<NAME>}), with the offending value as its argument.
 */
public enum SettingsProblem {
    ORGANISATION_NAME_EMPTY,
    ORGANISATION_NAME_TOO_LONG,
    ORGANISATION_NAME_NOT_ONE_LINE,
    ACCENT_COLOUR_NOT_HEX,
    ACCENT_COLOUR_TOO_LIGHT,
    LOGO_TOO_LARGE,
    LOGO_NOT_AN_IMAGE,
    LOGO_PNG_UNREADABLE,
    LOGO_PNG_TOO_MANY_PIXELS,
    LOGO_SVG_UNREADABLE,
    LOGO_SVG_FORBIDDEN_ELEMENT,
    LOGO_SVG_FORBIDDEN_ATTRIBUTE,
    LOGO_SVG_EXTERNAL_REFERENCE,
    FLAG_HEADER_NAME_INVALID,
    FLAG_HEADER_VALUE_INVALID,
    ALLOWED_CLIENTS_EMPTY,
    ALLOWED_CLIENT_INVALID,
    RETRY_INTERVAL_OUT_OF_RANGE,
    RETRY_MAX_AGE_OUT_OF_RANGE,
    RETRY_MAX_AGE_BELOW_INTERVAL
}
