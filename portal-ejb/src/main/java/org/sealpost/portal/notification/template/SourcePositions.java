package org.sealpost.portal.notification.template;

/**
 * Where an index of a template's source stands, as the editor names it in a refusal: lines and
 * columns counted from 1, lines ended by {@code \n}. One place for the template parser and the
 * HTML body's structure check, so that both name the same spot the same way.
 */
final class SourcePositions {

    private SourcePositions() {}

    /** The index at which the line holding {@code index} begins. */
    static int lineStart(String source, int index) {
        return source.lastIndexOf('\n', index - 1) + 1;
    }

    static int line(String source, int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (source.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(String source, int index) {
        return index - lineStart(source, index) + 1;
    }
}
