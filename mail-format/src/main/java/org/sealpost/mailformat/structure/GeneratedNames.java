package org.sealpost.mailformat.structure;

import java.util.Map;

/**
 * Names for parts that bring none, so that the inbox, the page and the download all say the
 * same, and the file opens with the right program: {@code attachment-N} and an extension from
 * the media type. A short table of the types mail actually carries; an unknown type gets none.
 */
final class GeneratedNames {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"),
            Map.entry("application/zip", ".zip"),
            Map.entry("application/gzip", ".gz"),
            Map.entry("application/json", ".json"),
            Map.entry("application/xml", ".xml"),
            Map.entry("application/msword", ".doc"),
            Map.entry("application/vnd.ms-excel", ".xls"),
            Map.entry("application/vnd.ms-powerpoint", ".ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", ".odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
            Map.entry("application/pkcs7-signature", ".p7s"),
            Map.entry("application/x-pkcs7-signature", ".p7s"),
            Map.entry("application/pkcs7-mime", ".p7m"),
            Map.entry("application/pgp-signature", ".asc"),
            Map.entry("application/pgp-encrypted", ".asc"),
            Map.entry("application/ics", ".ics"),
            Map.entry("application/octet-stream", ".bin"),
            Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/pjpeg", ".jpg"),
            Map.entry("image/png", ".png"),
            Map.entry("image/gif", ".gif"),
            Map.entry("image/webp", ".webp"),
            Map.entry("image/bmp", ".bmp"),
            Map.entry("image/tiff", ".tif"),
            Map.entry("image/heic", ".heic"),
            Map.entry("image/svg+xml", ".svg"),
            Map.entry("text/plain", ".txt"),
            Map.entry("text/html", ".html"),
            Map.entry("text/csv", ".csv"),
            Map.entry("text/calendar", ".ics"),
            Map.entry("text/vcard", ".vcf"),
            Map.entry("text/x-vcard", ".vcf"),
            Map.entry("text/xml", ".xml"),
            Map.entry("text/rfc822-headers", ".txt"),
            Map.entry("message/rfc822", ".eml"),
            Map.entry("message/global", ".eml"),
            Map.entry("message/delivery-status", ".txt"),
            Map.entry("audio/mpeg", ".mp3"),
            Map.entry("audio/wav", ".wav"),
            Map.entry("video/mp4", ".mp4"));

    private GeneratedNames() {}

    /** {@code attachment-N} with the type's extension, e.g. {@code attachment-2.pdf}. */
    static String attachment(int number, String mimeType) {
        return "attachment-" + number + extension(mimeType);
    }

    /** The usual extension of the type, with its dot; empty when the table has none. */
    static String extension(String mimeType) {
        return EXTENSIONS.getOrDefault(mimeType, "");
    }
}
