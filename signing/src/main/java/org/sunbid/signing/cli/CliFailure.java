package org.sunbid.signing.cli;

/** A command failed for a reason the user can act on; the message is the one line printed on stderr. */
final class CliFailure extends RuntimeException {
    final int exitCode;

    CliFailure(String message) {
        this(1, message);
    }

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }
}
