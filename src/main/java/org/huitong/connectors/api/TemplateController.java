package org.huitong.connectors.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.security.CurrentUser;
import org.huitong.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Source templates and the JSON Schemas of their parameters. */
@RestController
@RequestMapping("/api/templates")
@Tag(name = "templates", description = "Source templates / 数据源模板")
public class TemplateController {

    private final SourceTemplates templates;
    private final CurrentUser currentUser;

    public TemplateController(SourceTemplates templates, CurrentUser currentUser) {
        this.templates = templates;
        this.currentUser = currentUser;
    }

    /**
     * A template as listed.
     *
     * @param secretParameters parameters whose values the hub encrypts and never returns
     * @param polling whether connectors of this template need a {@code schedule}
     */
    public record TemplateView(String name, String title, String titleZh, String description,
                               String descriptionZh, List<String> parameters, List<String> secretParameters,
                               boolean polling) {
    }

    @GetMapping
    @Operation(summary = "List source templates / 列出数据源模板")
    public List<TemplateView> list() {
        currentUser.get();
        return templates.all().stream().map(TemplateController::view).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "JSON Schema of a template's parameters / 模板参数的 JSON Schema")
    public JsonNode parameters(@PathVariable("name") String name) {
        currentUser.get();
        return templates.find(name).map(SourceTemplate::parameterSchema)
                .orElseThrow(() -> new NotFoundException("template.not-found", name, templates.names()));
    }

    private static TemplateView view(SourceTemplate template) {
        JsonNode schema = template.parameterSchema();
        return new TemplateView(template.name(), schema.path("title").asText(null),
                schema.path("x-title-zh").asText(null), schema.path("description").asText(null),
                schema.path("x-description-zh").asText(null), List.copyOf(template.parameterNames()),
                List.copyOf(template.secretParameters()), template.polling());
    }
}
