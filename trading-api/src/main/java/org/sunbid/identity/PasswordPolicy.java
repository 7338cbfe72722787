package org.sunbid.identity;

import org.sunbid.platform.ProblemException;

/** Passwords: 10 to 128 characters with at least three of upper case, lower case, digits and symbols. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static void check(String field, String password) {
        if (password == null || password.length() < 10 || password.length() > 128) {
            throw ProblemException.invalid(field, "identity.password.length");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw ProblemException.invalid(field, "identity.password.complexity");
        }
    }
}
