package org.huitong.schema;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import java.util.List;

/**
 * JSON Schema 2020-12 as the hub uses it: the hub's custom formats added, the hub's {@code x-}
 * annotations known, and any other unknown keyword rejected, so that a misspelt keyword
 * (for example {@code maxLenght}) stops start-up instead of silently checking nothing.
 */
final class HubDialect {

    /** Annotations that the hub's schemas carry for the mapper, the publisher and readers. */
    static final List<String> ANNOTATIONS = List.of(
            "x-record-type", "x-key", "x-code", "x-aliases", "x-sharing", "x-personal",
            "x-legacy-values", "x-legacy-ambiguous", "x-enum-labels", "x-unit", "x-document-type");

    private HubDialect() {
    }

    static Dialect create() {
        Dialect.Builder builder = Dialect.builder(Dialects.getDraft202012())
                .formats(HubFormats.formats())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance());
        ANNOTATIONS.forEach(name -> builder.keyword(new AnnotationKeyword(name)));
        return builder.build();
    }
}
