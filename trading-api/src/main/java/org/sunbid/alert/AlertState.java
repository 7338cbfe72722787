package org.sunbid.alert;

/** Where a regulator's handling of an alert stands: open → investigating → confirmed or dismissed. */
public enum AlertState {
    OPEN, INVESTIGATING, CONFIRMED, DISMISSED;

    public boolean closed() {
        return this == CONFIRMED || this == DISMISSED;
    }
}
