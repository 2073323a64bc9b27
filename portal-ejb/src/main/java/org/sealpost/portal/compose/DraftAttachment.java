package org.sealpost.portal.compose;

/**
 * A file that goes with a draft: uploaded ({@code forwarded == false}) or carried over from the
 * forwarded original. Ids are opaque strings, unique within the draft.
 *
 * @param fileName cleaned: no path parts, no control characters, never empty
 */
public record DraftAttachment(String id, String fileName, String contentType, long size, boolean forwarded) {

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public boolean isForwarded() {
        return forwarded;
    }
}
