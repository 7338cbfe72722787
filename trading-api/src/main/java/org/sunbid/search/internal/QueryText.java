package org.sunbid.search.internal;

import java.util.Arrays;
import java.util.List;

/**
 * How both engines read the user's words: split on white space, drop pieces without a letter or digit (so query
 * syntax is plain text), and require every remaining piece to occur as a phrase (contiguous Chinese characters or a
 * word) in the title or the body.
 */
final class QueryText {

    static final int MAX_PIECES = 16;

    private QueryText() {
    }

    static List<String> pieces(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(p -> p.codePoints().anyMatch(Character::isLetterOrDigit))
                .distinct().limit(MAX_PIECES).toList();
    }
}
