package org.sealpost.portal.settings;

/** CDI event: runtime settings were changed in a transaction; observed after it commits. */
public record RuntimeSettingsChanged() {}
