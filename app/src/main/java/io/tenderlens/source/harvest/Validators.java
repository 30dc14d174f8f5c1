package io.tenderlens.source.harvest;

/** What a server said identifies a version of a resource: sent back as If-None-Match / If-Modified-Since. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
