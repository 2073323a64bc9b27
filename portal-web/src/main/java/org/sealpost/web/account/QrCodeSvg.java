package org.sealpost.web.account;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG markup, so the enrolment page needs no image request and no
 * {@code data:} URI (the portal's Content-Security-Policy allows images from itself only). The
 * markup is built from the code's modules alone; the only text in it is the accessible name,
 * which is escaped.
 */
final class QrCodeSvg {

    /** Four light modules around the code: the quiet zone ISO/IEC 18004 requires. */
    private static final int QUIET_ZONE = 4;

    private QrCodeSvg() {}

    static String of(String text, String accessibleName) {
        // Error correction M (15 %): a screen shown to a phone's camera needs no more.
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\" aria-label=\""
                + escape(accessibleName) + "\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
