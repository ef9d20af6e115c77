package org.huitong.connectors.sources.sftp;

import java.util.Locale;
import org.huitong.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link SftpSampleException} as a 502 problem in the request's language. */
@RestControllerAdvice
public class SftpSampleExceptionHandler {

    private final Messages messages;

    public SftpSampleExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(SftpSampleException.class)
    ProblemDetail sampleUnavailable(SftpSampleException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                messages.text(e.messageKey(), e.args()).forLocale(locale));
    }
}
