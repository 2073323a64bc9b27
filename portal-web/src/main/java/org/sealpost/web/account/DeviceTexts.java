package org.sealpost.web.account;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.portal.session.DeviceSummary;
import org.sealpost.web.mailbox.Texts;

/**
 * A session's device in the reader's language: "Firefox on Windows", "Firefox unter Windows",
 * "Unknown browser on Linux"; the browser's and the system's names are the products' own.
 */
final class DeviceTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    DeviceTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static DeviceTexts forViewer() {
        return new DeviceTexts(Texts.bundle(), Texts.locale());
    }

    String of(DeviceSummary device) {
        if (device.browser() == null) {
            return device.system() == null
                    ? bundle.getString("sessions.device.unknown")
                    : format("sessions.device.unknownOnSystem", device.system());
        }
        return device.system() == null
                ? device.browser()
                : format("sessions.device.browserOnSystem", device.browser(), device.system());
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
