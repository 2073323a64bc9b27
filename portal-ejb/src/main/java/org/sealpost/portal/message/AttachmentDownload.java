package org.sealpost.portal.message;

/** One part of a message, decoded, with the (sanitised) name and type to send it under. */
public record AttachmentDownload(String fileName, String contentType, byte[] content) {}
