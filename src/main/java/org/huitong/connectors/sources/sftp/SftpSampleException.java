package org.huitong.connectors.sources.sftp;

import org.huitong.web.ApiException;

/**
 * A failure to fetch a dry-run sample from an SFTP server, rendered as 502 Bad Gateway because
 * the fault lies with the department's server, not with the request.
 */
public class SftpSampleException extends ApiException {

    public SftpSampleException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
