package org.sealpost.mailformat.html;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a message is to be shown.
 *
 * @param showRemoteImages {@code true} only when the recipient asked for remote images of this
 *                         message: loading them tells the sender when and from where the message
 *                         was read (tracking pixels), so they are blocked by default
 * @param inlineImageUrl   maps a content id (without {@code <>}, as in {@link RenderedAttachment#contentId()})
 *                         to the portal URL that serves that part, for {@code <img src="cid:...">}
 *                         (RFC 2392). Called only for content ids that exist in the message. The
 *                         result is used as is (it is HTML-escaped, not checked), so the caller
 *                         must percent-encode the content id into it; {@code null} drops the image
 */
public record RenderOptions(boolean showRemoteImages, Function<String, String> inlineImageUrl) {

    public RenderOptions {
        Objects.requireNonNull(inlineImageUrl, "inlineImageUrl");
    }

    /** Remote images blocked, inline ({@code cid:}) images served through {@code inlineImageUrl}. */
    public static RenderOptions blockingRemoteImages(Function<String, String> inlineImageUrl) {
        return new RenderOptions(false, inlineImageUrl);
    }

    /** The same options with remote images shown, once the recipient asked for them. */
    public RenderOptions withRemoteImages() {
        return new RenderOptions(true, inlineImageUrl);
    }
}
