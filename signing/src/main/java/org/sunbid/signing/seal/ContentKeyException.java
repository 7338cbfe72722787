package org.sunbid.signing.seal;

/** A sealed file's content key could not be recovered with the given recipient key; {@link #failure()} says why. */
public final class ContentKeyException extends Exception {

    private final OpenResult.Failure failure;

    public ContentKeyException(OpenResult.Failure failure, String detail) {
        super(detail);
        this.failure = failure;
    }

    public OpenResult.Failure failure() {
        return failure;
    }
}
