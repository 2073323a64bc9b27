package org.sealpost.web.format;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * A size as people read it: 512 bytes, 12 KB, 3.4 MB (binary multiples, as mail programs
 * show them). The wording is the bundle's ({@code {0} KB}), so a translation may use its own
 * unit names and decimal separator.
 */
public final class HumanSizes {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * 1024;

    private final Locale locale;
    private final String bytes;
    private final String kilobytes;
    private final String megabytes;

    /**
     * @param bytes     MessageFormat for sizes under 1 KB, e.g. <code>{0,choice,0#0 bytes|1#1 byte|1&lt;{0} bytes}</code>
     * @param kilobytes MessageFormat for whole kilobytes, e.g. <code>{0} KB</code>
     * @param megabytes MessageFormat for megabytes with one decimal, e.g. <code>{0} MB</code>
     */
    public HumanSizes(Locale locale, String bytes, String kilobytes, String megabytes) {
        this.locale = locale;
        this.bytes = bytes;
        this.kilobytes = kilobytes;
        this.megabytes = megabytes;
    }

    public String format(long size) {
        if (size < KIB) {
            return new MessageFormat(bytes, locale).format(new Object[] {size});
        }
        long kb = Math.round(size / (double) KIB);
        if (kb < KIB) {
            return new MessageFormat(kilobytes, locale).format(new Object[] {kb});
        }
        double mb = Math.round(size * 10.0 / MIB) / 10.0;
        return new MessageFormat(megabytes, locale).format(new Object[] {mb});
    }
}
