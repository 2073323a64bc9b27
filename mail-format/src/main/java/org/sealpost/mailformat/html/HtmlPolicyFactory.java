package org.sealpost.mailformat.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for incoming HTML bodies, built once on the OWASP Java HTML Sanitizer, and the
 * per-message image handling on top of it.
 *
 * <p>Everything not listed is dropped (OWASP XSS Prevention Cheat Sheet, rule 6: sanitise HTML
 * with a library built for the job, by allow-list). In particular there is no {@code id},
 * {@code name} or {@code class}: they would let a message clobber the portal's DOM globals or
 * borrow its CSS (a fake login box styled like the portal's own). Styles go through the
 * sanitizer's CSS schema, which drops {@code url(...)}, {@code expression(...)} and unknown
 * properties such as {@code behavior}.
 *
 * <p>Links must be absolute {@code http}, {@code https} or {@code mailto} URLs: a relative link
 * would resolve against the portal itself. Every link opens in a new browsing context with
 * {@code rel="nofollow noopener noreferrer"}, so the target page gets neither
 * {@code window.opener} nor a Referer naming the message.
 *
 * <p>Images: {@code cid:} (RFC 2392) sources become portal URLs when the message has that part;
 * {@code http}, {@code https} and protocol-relative sources are removed and counted unless the
 * recipient asked for remote images; anything else is removed. {@code data:} images are dropped
 * too: the portal's Content-Security-Policy does not allow {@code img-src data:}, and an
 * inline image arrives as a {@code cid:} part anyway. {@code srcset} and the {@code background}
 * attribute are not allowed at all, because they would fetch remote images behind this check.
 * Because the cid mapping and the decision differ per message, they run as an event filter
 * between the shared policy and the renderer, on values the policy already accepted.
 *
 * <p>Thread-safe: {@link #POLICY} is immutable, and each call builds its own filter and renderer.
 */
public final class HtmlPolicyFactory {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,4}(?:%|px)?");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}");
    private static final Pattern FONT_FACE = Pattern.compile("[\\w ,'\"-]{1,100}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FONT_SIZE = Pattern.compile("[+-]?[1-7]");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*");

    /** Allowed, and alignable, as a group (named once so that the two lists cannot drift apart). */
    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    private static final String[] TABLE_PARTS = {
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col"
    };

    /** Absolute web and mail links only; the value is what the browser would see (entities decoded). */
    private static final AttributePolicy LINK_URL = (element, attribute, value) -> {
        String url = value.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? url : null;
    };

    /** What the per-message filter decides about: inline parts and remote images. */
    private static final AttributePolicy IMAGE_URL = (element, attribute, value) -> {
        String url = value.strip();
        return isContentIdUrl(url) || isRemoteUrl(url) ? url : null;
    };

    /** Links open outside the portal and carry no opener and no referrer; a link without href is no link. */
    private static final ElementPolicy LINK = (element, attributes) -> {
        if (indexOfName(attributes, "href") < 0) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            String name = attributes.get(i);
            if (!name.equals("rel") && !name.equals("target")) {
                kept.add(name);
                kept.add(attributes.get(i + 1));
            }
        }
        kept.add("target");
        kept.add("_blank");
        kept.add("rel");
        kept.add("nofollow noopener noreferrer");
        attributes.clear();
        attributes.addAll(kept);
        return element;
    };

    /** The shared allow-list. */
    public static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "div",
                    "span",
                    "br",
                    "hr",
                    "b",
                    "i",
                    "u",
                    "s",
                    "strike",
                    "strong",
                    "em",
                    "small",
                    "big",
                    "sub",
                    "sup",
                    "center",
                    "font",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "blockquote",
                    "pre",
                    "code",
                    "img")
            .allowElements(HEADINGS)
            .allowElements(TABLE_PARTS)
            .allowElements(LINK, "a")
            // The page title is no part of the body; without this its text would appear in it.
            .disallowTextIn("title")
            .allowStyling()
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowAttributes("href")
            .matching(LINK_URL)
            .onElements("a")
            .allowAttributes("src")
            .matching(IMAGE_URL)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .allowAttributes("title")
            .globally()
            .allowAttributes("dir")
            .matching(true, "ltr", "rtl", "auto")
            .globally()
            .allowAttributes("lang")
            .matching(LANGUAGE)
            .globally()
            .allowAttributes("align")
            .matching(true, "left", "right", "center", "justify")
            .onElements(allOf(HEADINGS, TABLE_PARTS, new String[] {"p", "div", "img"}))
            .allowAttributes("valign")
            .matching(true, "top", "middle", "bottom", "baseline")
            .onElements("tr", "td", "th", "thead", "tbody", "tfoot", "col", "colgroup")
            .allowAttributes("colspan", "rowspan")
            .matching(NUMBER)
            .onElements("td", "th")
            .allowAttributes("span")
            .matching(NUMBER)
            .onElements("col", "colgroup")
            .allowAttributes("width", "height")
            .matching(LENGTH)
            .onElements("table", "td", "th", "img", "col")
            .allowAttributes("border")
            .matching(NUMBER)
            .onElements("table", "img")
            .allowAttributes("cellpadding", "cellspacing")
            .matching(NUMBER)
            .onElements("table")
            .allowAttributes("bgcolor")
            .matching(COLOR)
            .onElements("table", "tr", "td", "th")
            .allowAttributes("color")
            .matching(COLOR)
            .onElements("font")
            .allowAttributes("face")
            .matching(FONT_FACE)
            .onElements("font")
            .allowAttributes("size")
            .matching(FONT_SIZE)
            .onElements("font")
            .allowAttributes("start")
            .matching(NUMBER)
            .onElements("ol")
            .toFactory();

    private HtmlPolicyFactory() {}

    private static String[] allOf(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** The sanitised fragment and how many remote images it lost. */
    public record SanitizedHtml(String html, int blockedRemoteImages) {
        public SanitizedHtml {
            Objects.requireNonNull(html, "html");
        }
    }

    /**
     * Sanitises {@code html} into a fragment (no {@code html}, {@code head} or {@code body}).
     *
     * @param contentIds the content ids (without {@code <>}) of the message's parts; a {@code cid:}
     *                   image is kept only when it names one of them
     */
    public static SanitizedHtml sanitize(String html, RenderOptions options, Set<String> contentIds) {
        Objects.requireNonNull(options, "options");
        StringBuilder out = new StringBuilder(html.length());
        // The renderer's bad-HTML handler only fires for names the policy already refused; ignore.
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, ignored -> {});
        ImageFilter filter = new ImageFilter(renderer, options, Set.copyOf(contentIds));
        HtmlSanitizer.sanitize(html, POLICY.apply(filter));
        return new SanitizedHtml(out.toString(), filter.blocked);
    }

    /**
     * The content ids whose parts {@code html} shows as images once sanitised: exactly the
     * {@code cid:} images (RFC 2392) of {@link #sanitize} that survive the policy, so a part is
     * either shown in the body or offered in the attachment list, never neither.
     */
    public static Set<String> imagesShown(String html, Set<String> contentIds) {
        if (contentIds.isEmpty()) {
            return Set.of();
        }
        Set<String> shown = new LinkedHashSet<>();
        sanitize(
                html,
                RenderOptions.blockingRemoteImages(contentId -> {
                    shown.add(contentId);
                    return "cid:" + contentId;
                }),
                contentIds);
        return Set.copyOf(shown);
    }

    static boolean isContentIdUrl(String url) {
        return url.regionMatches(true, 0, "cid:", 0, 4);
    }

    static boolean isRemoteUrl(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8)
                || url.regionMatches(true, 0, "http://", 0, 7)
                || url.startsWith("//");
    }

    /** RFC 2392: the cid URL is the content id, percent-encoded, without angle brackets. */
    static String contentIdOf(String cidUrl) {
        String encoded = cidUrl.substring(4).strip();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%'
                    && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0
                    && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String id = bytes.toString(StandardCharsets.UTF_8);
        if (id.startsWith("<") && id.endsWith(">") && id.length() > 1) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    /** Index of the attribute name in an OWASP name/value list, or -1; values are never matched. */
    static int indexOfName(List<String> attributes, String name) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Decides each sanitised {@code <img>} for one message. */
    private static final class ImageFilter implements HtmlStreamEventReceiver {
        private final HtmlStreamEventReceiver out;
        private final RenderOptions options;
        private final Set<String> contentIds;
        int blocked;

        ImageFilter(HtmlStreamEventReceiver out, RenderOptions options, Set<String> contentIds) {
            this.out = out;
            this.options = options;
            this.contentIds = contentIds;
        }

        @Override
        public void openDocument() {
            out.openDocument();
        }

        @Override
        public void closeDocument() {
            out.closeDocument();
        }

        @Override
        public void openTag(String element, List<String> attributes) {
            if (!element.equals("img")) {
                out.openTag(element, attributes);
                return;
            }
            String src = value(attributes, "src");
            String replacement = null;
            if (src != null && isContentIdUrl(src)) {
                String contentId = contentIdOf(src);
                if (contentIds.contains(contentId)) {
                    replacement = options.inlineImageUrl().apply(contentId);
                }
            } else if (src != null && isRemoteUrl(src)) {
                if (options.showRemoteImages()) {
                    replacement = src;
                } else {
                    blocked++;
                }
            }
            if (replacement == null) {
                // Keep the alternative text, so a blocked logo still says what it was.
                String alt = value(attributes, "alt");
                if (alt != null && !alt.isBlank()) {
                    out.text("[" + alt.strip() + "]");
                }
                return;
            }
            List<String> kept = new ArrayList<>(attributes);
            kept.set(indexOfName(kept, "src") + 1, replacement);
            out.openTag(element, kept);
        }

        @Override
        public void closeTag(String element) {
            // img is void: the renderer closes it itself, and a dropped one has nothing to close.
            if (!element.equals("img")) {
                out.closeTag(element);
            }
        }

        @Override
        public void text(String text) {
            out.text(text);
        }

        private static String value(List<String> attributes, String name) {
            int index = indexOfName(attributes, name);
            return index < 0 ? null : attributes.get(index + 1);
        }
    }
}
