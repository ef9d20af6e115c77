package org.huitong.jdbc;

/** Checks the offset and limit of a page query before they reach SQL. */
public final class Paging {

    private Paging() {
    }

    /**
     * Checks a page request.
     *
     * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is below 1
     */
    public static void requireValid(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("Page offset must be 0 or more, but was " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("Page limit must be 1 or more, but was " + limit);
        }
    }
}
