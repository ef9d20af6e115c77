package org.huitong.connectors.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.huitong.connectors.DescriptorReader;
import org.huitong.web.PayloadTooLargeException;

/**
 * Reads a descriptor from a request body without ever holding more than the size limit, so a
 * client cannot make the hub buffer a huge body.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Returns the body.
     *
     * @throws PayloadTooLargeException if it is longer than the descriptor size limit
     */
    static byte[] descriptor(HttpServletRequest request) {
        int max = DescriptorReader.MAX_DESCRIPTOR_BYTES;
        if (request.getContentLengthLong() > max) {
            throw new PayloadTooLargeException("connector.descriptor-too-large", String.valueOf(max));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new PayloadTooLargeException("connector.descriptor-too-large", String.valueOf(max));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }
}
