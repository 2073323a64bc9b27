package org.sealpost.web.account;

import org.sealpost.portal.session.DeviceSummary;
import org.sealpost.web.format.BundleTexts;

/**
 * A session's device in the reader's language: "Firefox on Windows", "Firefox unter Windows",
 * "Unknown browser on Linux"; the browser's and the system's names are the products' own.
 */
final class DeviceTexts {

    private final BundleTexts texts;

    DeviceTexts(BundleTexts texts) {
        this.texts = texts;
    }

    String of(DeviceSummary device) {
        String browser = device.browser();
        String system = device.system();
        if (browser == null) {
            return system == null
                    ? texts.get("sessions.device.unknown")
                    : texts.format("sessions.device.unknownOnSystem", system);
        }
        return system == null ? browser : texts.format("sessions.device.browserOnSystem", browser, system);
    }
}
