package org.sealpost.portal.policy;

/** What a message would carry: how many files and how many bytes in all (uploads and forwarded ones). */
public record AttachmentLoad(int count, long totalBytes) {

    public static final AttachmentLoad NONE = new AttachmentLoad(0, 0);

    public AttachmentLoad {
        if (count < 0 || totalBytes < 0) {
            throw new IllegalArgumentException(
                    "negative attachment load: " + count + " files, " + totalBytes + " bytes");
        }
    }

    public boolean any() {
        return count > 0;
    }

    public AttachmentLoad plus(long bytes) {
        return new AttachmentLoad(count + 1, totalBytes + bytes);
    }
}
