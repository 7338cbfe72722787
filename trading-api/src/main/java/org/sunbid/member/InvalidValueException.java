package org.sunbid.member;

/** A value that fails its own rule; {@link #key()} names the zh-CN/English message that explains why. */
public class InvalidValueException extends IllegalArgumentException {

    private final String key;

    public InvalidValueException(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
