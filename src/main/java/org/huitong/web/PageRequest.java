package org.huitong.web;

/**
 * Offset and limit of a list request, checked: the offset is not negative and the limit is
 * between 1 and {@link #MAX_LIMIT}.
 */
public record PageRequest(int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidRequestException("request.offset.invalid", String.valueOf(offset));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("request.limit.invalid", String.valueOf(limit),
                    String.valueOf(MAX_LIMIT));
        }
    }
}
