package org.sunbid.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.index.IndexReader;

/**
 * Answers computed on one reader, kept until the index changes: the next reader (after a publication, a deletion or a
 * rebuild) empties it. Holds at most {@code capacity} answers, dropping the least recently used. Meant for searches
 * without text (the home page's lists and counts per kind, a filter's first page), which are the same for every visitor
 * and at a million notices cost a pass over every match.
 */
final class ReaderCache<K, V> {

    private final int capacity;
    private final Map<K, V> answers;
    private IndexReader reader;

    ReaderCache(int capacity) {
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > ReaderCache.this.capacity;
            }
        };
    }

    /** The answer for {@code key} on {@code current}, computed (outside the lock) when there is none yet. */
    V get(IndexReader current, K key, Supplier<V> compute) {
        synchronized (this) {
            if (reader != current) {
                answers.clear();
                reader = current;
            }
            V known = answers.get(key);
            if (known != null) {
                return known;
            }
        }
        V computed = compute.get();
        synchronized (this) {
            if (reader == current) {
                answers.put(key, computed);
            }
        }
        return computed;
    }
}
