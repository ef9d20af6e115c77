package org.huitong.subscriptions.delivery.webhook;

/**
 * The result of one POST to a webhook.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param error why the attempt failed, without the request body or secret; null on success
 */
record SendOutcome(int status, String error) {

    static SendOutcome delivered(int status) {
        return new SendOutcome(status, null);
    }

    static SendOutcome failed(int status, String error) {
        return new SendOutcome(status, error);
    }

    boolean isDelivered() {
        return error == null;
    }
}
