package org.huitong.connectors.lifecycle;

import org.huitong.i18n.LocalizedText;

/**
 * A failure to read a source whose reason exists in Chinese and English, so that a connector's
 * DEGRADED reason follows the reader's language.
 */
public interface LocalizedFailure {

    /** The reason, free of secrets. */
    LocalizedText reason();
}
