package org.huitong.connectors.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorEntry;
import org.huitong.connectors.DescriptorCheck;
import org.huitong.connectors.DescriptorError;
import org.huitong.connectors.FileDropSource;
import org.huitong.connectors.InvalidDescriptorException;
import org.huitong.connectors.sources.jdbc.JdbcDryRun;
import org.huitong.connectors.sources.jdbc.JdbcPollSettings;
import org.huitong.pipeline.DryRunResult;
import org.huitong.pipeline.DryRunner;
import org.huitong.security.CurrentUser;
import org.huitong.security.HubUser;
import org.huitong.web.ConflictException;
import org.huitong.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Dry runs: mapping and validation of an uploaded sample file, or of the first page of a
 * {@code jdbc-poll} connector's live database, returning the mapped records and their
 * violations. Nothing is stored or published.
 */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "connectors")
public class ConnectorTestController {

    /** Records returned in full by default; all records are counted. */
    static final int DEFAULT_SHOWN = 50;

    private final ConnectorViews views;
    private final ConnectorService service;
    private final DryRunner dryRunner;
    private final DryRunViews dryRunViews;
    private final CurrentUser currentUser;
    private final JdbcDryRun jdbcDryRun;

    public ConnectorTestController(ConnectorViews views, ConnectorService service, DryRunner dryRunner,
                                   DryRunViews dryRunViews, CurrentUser currentUser, JdbcDryRun jdbcDryRun) {
        this.jdbcDryRun = jdbcDryRun;
        this.views = views;
        this.service = service;
        this.dryRunner = dryRunner;
        this.dryRunViews = dryRunViews;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/{id}/test", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Dry run of a connector on an uploaded sample file / 用上传的样例文件试运行接入器")
    public DryRunView testConnector(@PathVariable("id") String id,
                                    @Parameter(description = "Sample file (CSV, XLSX, JSON) / 样例文件")
                                    @RequestPart(value = "file", required = false) MultipartFile file,
                                    @RequestParam(value = "limit", defaultValue = "" + DEFAULT_SHOWN) int limit,
                                    Locale locale) {
        HubUser user = currentUser.get();
        ConnectorEntry entry = views.readable(id, user);
        ConnectorAccess.requireOperate(user, entry.departmentCode());
        if (!entry.valid()) {
            throw new InvalidDescriptorException(entry.errors());
        }
        return run(entry.descriptor(), file, limit, locale);
    }

    @PostMapping(path = "/{id}/test")
    @Operation(summary = "Dry run of a polling connector on the first page of its live source"
            + " / 用实时数据源的第一页试运行轮询接入器")
    public DryRunView testPollingConnector(@PathVariable("id") String id,
                                           @RequestParam(value = "limit", defaultValue = "" + DEFAULT_SHOWN) int limit,
                                           Locale locale) {
        return testConnector(id, null, limit, locale);
    }

    @PostMapping(path = "/test", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Dry run of an unsaved descriptor on a sample file / 用样例文件试运行尚未保存的描述")
    public DryRunView testDescriptor(@Parameter(description = "Connector descriptor, YAML or JSON / 接入器描述")
                                     @RequestPart("descriptor") MultipartFile descriptor,
                                     @Parameter(description = "Sample file (CSV, XLSX, JSON) / 样例文件")
                                     @RequestPart(value = "file", required = false) MultipartFile file,
                                     @RequestParam(value = "limit", defaultValue = "" + DEFAULT_SHOWN) int limit,
                                     Locale locale) throws IOException {
        HubUser user = currentUser.get();
        if (descriptor.getSize() > org.huitong.connectors.DescriptorReader.MAX_DESCRIPTOR_BYTES) {
            throw new org.huitong.web.PayloadTooLargeException("connector.descriptor-too-large",
                    String.valueOf(org.huitong.connectors.DescriptorReader.MAX_DESCRIPTOR_BYTES));
        }
        DescriptorCheck check = service.validate(descriptor.getBytes());
        if (!check.valid()) {
            throw new InvalidDescriptorException(check.errors());
        }
        ConnectorAccess.requireOperate(user, check.descriptor().department().code());
        return run(check.descriptor(), file, limit, locale);
    }

    private DryRunView run(ConnectorDescriptor descriptor, MultipartFile upload, int limit, Locale locale) {
        if (limit < 0 || limit > org.huitong.web.PageRequest.MAX_LIMIT) {
            throw new InvalidRequestException("request.limit.invalid", String.valueOf(limit),
                    String.valueOf(org.huitong.web.PageRequest.MAX_LIMIT));
        }
        if (JdbcPollSettings.TEMPLATE.equals(descriptor.source().template())) {
            // The first page of the live database; at least one row is read so that limit=0 still checks it.
            return dryRunViews.view(descriptor.id(), jdbcDryRun.run(descriptor, Math.max(limit, 1), limit), locale);
        }
        if (!FileDropSource.TEMPLATE.equals(descriptor.source().template())) {
            throw new ConflictException("connector.test-not-file", descriptor.id(), descriptor.source().template());
        }
        if (upload == null || upload.isEmpty()) {
            throw new InvalidDescriptorException(List.of(new DescriptorError("file", "required")));
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("huitong-dry-run");
            Path file = directory.resolve(safeName(upload.getOriginalFilename()));
            upload.transferTo(file);
            DryRunResult result = dryRunner.run(descriptor, file, limit);
            return dryRunViews.view(descriptor.id(), result, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded sample file", e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /** Keeps the extension, which selects the reader, and drops any path the client sent. */
    static String safeName(String original) {
        String name = original == null ? "sample" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return extension.matches("^[A-Za-z0-9]{1,10}$") ? "sample." + extension : "sample";
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The temporary folder is left for the operating system to clean up.
        }
    }
}
