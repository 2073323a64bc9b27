package org.sealpost.mailformat.structure;

/**
 * Turns a sender-chosen attachment name into one that is safe as a download name
 * ({@code Content-Disposition} filename, RFC 6266) and on the recipient's disk.
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;
    /** Kept when a long name is shortened, so the file still opens with the right program. */
    private static final int MAX_EXTENSION = 16;

    private static final java.util.Set<String> WINDOWS_DEVICES = java.util.Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {}

    /**
     * The last path segment (a name like {@code ../../etc/passwd} must not walk directories),
     * control characters, bidirectional overrides (which make {@code "invoice\u202Efdp.exe"} read as
     * a PDF, CVE-2009-3376 style spoofing) and characters Windows forbids in names replaced by
     * {@code _}, leading dots and trailing dots and spaces removed, shortened to
     * {@value #MAX_LENGTH} characters keeping the extension. {@code fallback} when nothing is left.
     */
    public static String sanitize(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder(base.length());
        base.codePoints().forEach(c -> out.appendCodePoint(forbidden(c) ? '_' : c));
        String cleaned = out.toString().strip();
        int start = 0;
        while (start < cleaned.length() && cleaned.charAt(start) == '.') {
            start++;
        }
        int end = cleaned.length();
        while (end > start && (cleaned.charAt(end - 1) == '.' || cleaned.charAt(end - 1) == ' ')) {
            end--;
        }
        cleaned = cleaned.substring(start, end);
        if (cleaned.isEmpty()) {
            return fallback;
        }
        int dot = cleaned.indexOf('.');
        String stem = (dot < 0 ? cleaned : cleaned.substring(0, dot)).toLowerCase(java.util.Locale.ROOT);
        if (WINDOWS_DEVICES.contains(stem)) {
            cleaned = "_" + cleaned;
        }
        return shorten(cleaned);
    }

    private static boolean forbidden(int c) {
        return Character.isISOControl(c)
                || c == '/'
                || c == '\\'
                || c == ':'
                || c == '*'
                || c == '?'
                || c == '"'
                || c == '<'
                || c == '>'
                || c == '|'
                || c == 0x2028
                || c == 0x2029 // line and paragraph separators
                || (c >= 0x200E && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF
                || c == 0xFFFD;
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        return name.substring(0, keep) + extension;
    }
}
