package org.sealpost.portal.notification.template;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the built-in templates share their frame: Mustache's template inheritance and partials
 * (the "~inheritance" and "partials" modules of the Mustache spec), resolved when a default is
 * loaded, before it is parsed. So each default mail states only its own content, and every mail
 * has the same head, frame and foot from one file.
 *
 * <ul>
 * <li>{@code {{<layout}} … {{/layout}}} around a whole mail: the mail is the resource {@code
 * layout} with its blocks filled. Inside it, only blocks: {@code {{$title}}…{{/title}}}.</li>
 * <li>In the layout, {@code {{$title}}default{{/title}}} is a block: the mail's text for it, or
 * the default when the mail has none.</li>
 * <li>{@code {{>name}}} is the resource {@code name} written in its place.</li>
 * <li>A line holding nothing but one of these tags vanishes with its line break (Mustache's
 * "standalone" rule), so the tags can stand on lines of their own.</li>
 * </ul>
 *
 * What comes out is what {@link NotificationTemplate#parse} checks, exactly as when the whole
 * mail was in one file; an administrator edits (and the table stores) that whole mail, so an
 * administrator's template never holds these tags and the engine still has no partials.
 */
final class DefaultLayouts {

    /** A whole mail that names its layout: 1 the layout's name, 2 what stands between the tags. */
    private static final Pattern PARENT =
            Pattern.compile("\\A\\{\\{<([a-z][a-z-]*)}}\n(.*)\\{\\{/\\1}}\n?\\z", Pattern.DOTALL);

    /**
     * A block: 1 present when it opens a line, 2 its name, 3 a line break right after the opening
     * tag (not part of the text), 4 its text, 5 a line break right after the closing tag.
     */
    private static final Pattern BLOCK = Pattern.compile(
            "(^)?\\{\\{\\$([a-z][a-zA-Z]*)}}(\n)?(.*?)\\{\\{/\\2}}(\n)?", Pattern.DOTALL | Pattern.MULTILINE);

    /** A partial: 1 present when it opens a line, 2 its name, 3 a line break right after it. */
    private static final Pattern PARTIAL = Pattern.compile("(^)?\\{\\{>([a-z][a-z-]*)}}(\n)?", Pattern.MULTILINE);

    private DefaultLayouts() {}

    /**
     * {@code source} with its layout and partials resolved.
     *
     * @param layouts  the text of a layout by its name
     * @param partials the text of a partial by its name
     * @throws IllegalArgumentException when a mail with a layout has text outside its blocks, or
     *                                  fills a block its layout does not have
     */
    static String resolve(String source, Function<String, String> layouts, Function<String, String> partials) {
        Matcher parent = PARENT.matcher(source);
        String whole = parent.matches() ? fill(layouts.apply(parent.group(1)), blocks(parent.group(2))) : source;
        return includePartials(whole, partials);
    }

    /** The blocks a mail fills; nothing but white space may stand between them. */
    private static Map<String, String> blocks(String body) {
        Map<String, String> blocks = new HashMap<>();
        Matcher block = BLOCK.matcher(body);
        int end = 0;
        while (block.find()) {
            requireBlank(body.substring(end, block.start()));
            blocks.put(block.group(2), block.group(4));
            end = block.end();
        }
        requireBlank(body.substring(end));
        return blocks;
    }

    private static String fill(String layout, Map<String, String> blocks) {
        Map<String, String> unused = new HashMap<>(blocks);
        Matcher block = BLOCK.matcher(layout);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String name = block.group(2);
            String text = unused.containsKey(name) ? unused.remove(name) : block.group(4);
            // A standalone block in the layout gives its whole line to the text, which brings its
            // own line breaks; an inline one (the title) keeps what follows it on its line.
            String after = block.group(1) != null && block.group(5) != null ? "" : nullToEmpty(block.group(5));
            block.appendReplacement(out, Matcher.quoteReplacement(text + after));
        }
        block.appendTail(out);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the layout has no block " + unused.keySet());
        }
        return out.toString();
    }

    private static String includePartials(String text, Function<String, String> partials) {
        Matcher partial = PARTIAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (partial.find()) {
            String included = partials.apply(partial.group(2));
            boolean ownLine = partial.group(1) != null && partial.group(3) != null;
            String replacement = ownLine ? included : included + nullToEmpty(partial.group(3));
            partial.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        partial.appendTail(out);
        return out.toString();
    }

    private static void requireBlank(String between) {
        if (!between.isBlank()) {
            throw new IllegalArgumentException("text outside the blocks of a mail with a layout: " + between.strip());
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
