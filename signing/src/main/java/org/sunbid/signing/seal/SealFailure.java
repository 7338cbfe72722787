package org.sunbid.signing.seal;

/** Internal carrier of a typed opening failure. */
final class SealFailure extends Exception {
    final OpenResult.Failure failure;

    SealFailure(OpenResult.Failure failure, String detail) {
        super(detail, null, false, false);
        this.failure = failure;
    }
}
