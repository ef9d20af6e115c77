package org.huitong.subscriptions.delivery.webhook;

/**
 * A webhook URL is not allowed. The message is a key of the {@code i18n/subscriptions} bundle, so
 * the API can show it in the caller's language and the dispatcher can log it.
 */
public class WebhookUrlException extends Exception {

    private final String messageKey;
    private final transient Object[] args;

    WebhookUrlException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
