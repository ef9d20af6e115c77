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
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.sources.mqtt.MqttAlarmSamples;
import org.huitong.connectors.sources.sftp.SftpPollSource;
import org.huitong.connectors.sources.sftp.SftpSampleFetcher;
import org.huitong.connectors.InvalidDescriptorException;
import org.huitong.connectors.SourceSupports;
import org.huitong.connectors.sources.jdbc.JdbcDryRun;
import org.huitong.connectors.sources.jdbc.JdbcPollSettings;
import org.huitong.connectors.sources.push.HttpPushSource;
import org.huitong.connectors.templates.SourceTemplates;
import java.util.Map;
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
 * Dry runs: mapping and validation of an uploaded sample file, or for an {@code sftp-poll}
 * connector without one the first file on its server, returning the mapped records and their
 * violations. Nothing is stored, published or changed on the server.
 */
@RestController
@RequestMapping("/api/connectors")
@Tag(name = "connectors")
public class ConnectorTestController {

    /** Records returned in full by default; all records are counted. */
    static final int DEFAULT_SHOWN = 50;

    /** Templates whose connectors read delivered files, so an uploaded sample file shows what they would read. */
    private static final java.util.Set<String> FILE_TEMPLATES = java.util.Set.of(FileDropSource.TEMPLATE,
            SftpPollSource.TEMPLATE, HttpPushSource.TEMPLATE);

    private final ConnectorViews views;
    private final ConnectorService service;
    private final DryRunner dryRunner;
    private final DryRunViews dryRunViews;
    private final CurrentUser currentUser;
    private final SourceSupports supports;
    private final SourceTemplates templates;
    private final ConnectorSecrets secrets;
    private final SftpSampleFetcher sftpSamples;
    private final MqttAlarmSamples mqttSamples;
    private final JdbcDryRun jdbcDryRun;

    public ConnectorTestController(ConnectorViews views, ConnectorService service, DryRunner dryRunner,
                                   DryRunViews dryRunViews, CurrentUser currentUser, SourceSupports supports,
                                   SourceTemplates templates, ConnectorSecrets secrets,
                                   SftpSampleFetcher sftpSamples, MqttAlarmSamples mqttSamples,
                                   JdbcDryRun jdbcDryRun) {
        this.jdbcDryRun = jdbcDryRun;
        this.supports = supports;
        this.templates = templates;
        this.secrets = secrets;
        this.sftpSamples = sftpSamples;
        this.mqttSamples = mqttSamples;
        this.views = views;
        this.service = service;
        this.dryRunner = dryRunner;
        this.dryRunViews = dryRunViews;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/{id}/test", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Dry run of a connector on an uploaded sample file / 用上传的样例文件试运行接入器")
    public DryRunView testConnector(@PathVariable("id") String id,
                                    @Parameter(description = "Sample file (CSV, XLSX, JSON); optional for sftp-poll, "
                                            + "which then reads the first file on the server / 样例文件；sftp-poll "
                                            + "可省略，此时读取服务器上的第一个文件")
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
    @Operation(summary = "Dry run on the first page of a live polling source / 用在线数据源的第一页试运行")
    public DryRunView testLiveSource(@PathVariable("id") String id,
                                     @RequestParam(value = "limit", defaultValue = "" + DEFAULT_SHOWN) int limit,
                                     Locale locale) {
        HubUser user = currentUser.get();
        ConnectorEntry entry = views.readable(id, user);
        ConnectorAccess.requireOperate(user, entry.departmentCode());
        if (!entry.valid()) {
            throw new InvalidDescriptorException(entry.errors());
        }
        checkLimit(limit);
        ConnectorDescriptor descriptor = entry.descriptor();
        String template = descriptor.source().template();
        if (JdbcPollSettings.TEMPLATE.equals(template) || SftpPollSource.TEMPLATE.equals(template)) {
            return run(descriptor, null, limit, locale);
        }
        var support = supports.find(template);
        java.util.Optional<org.huitong.pipeline.BatchInput> page;
        try {
            Map<String, String> parameters = new java.util.LinkedHashMap<>(templates.find(
                    descriptor.source().template()).map(t -> t.defaults()).orElse(Map.of()));
            parameters.putAll(secrets.resolved(descriptor));
            page = support.isPresent() ? support.get().firstPage(descriptor, parameters) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new ConflictException("connector.test-source-failed", id, e.getMessage());
        }
        if (page.isEmpty()) {
            throw new ConflictException("connector.test-needs-file", id);
        }
        return dryRunViews.view(id, dryRunner.run(descriptor, page.get(), limit), locale);
    }

    @PostMapping(path = "/test", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Dry run of an unsaved descriptor on a sample file / 用样例文件试运行尚未保存的描述")
    public DryRunView testDescriptor(@Parameter(description = "Connector descriptor, YAML or JSON / 接入器描述")
                                     @RequestPart("descriptor") MultipartFile descriptor,
                                     @Parameter(description = "Sample file (CSV, XLSX, JSON); optional for sftp-poll, "
                                             + "which then reads the first file on the server / 样例文件；sftp-poll "
                                             + "可省略，此时读取服务器上的第一个文件")
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

    private static void checkLimit(int limit) {
        if (limit < 0 || limit > org.huitong.web.PageRequest.MAX_LIMIT) {
            throw new InvalidRequestException("request.limit.invalid", String.valueOf(limit),
                    String.valueOf(org.huitong.web.PageRequest.MAX_LIMIT));
        }
    }

    private DryRunView run(ConnectorDescriptor descriptor, MultipartFile upload, int limit, Locale locale) {
        checkLimit(limit);
        if (JdbcPollSettings.TEMPLATE.equals(descriptor.source().template())) {
            // The first page of the live database; at least one row is read so that limit=0 still checks it.
            return dryRunViews.view(descriptor.id(), jdbcDryRun.run(descriptor, Math.max(limit, 1), limit), locale);
        }
        boolean mqtt = mqttSamples.applies(descriptor);
        if (!mqtt && !FILE_TEMPLATES.contains(descriptor.source().template())) {
            throw new ConflictException("connector.test-not-file", descriptor.id(), descriptor.source().template());
        }
        boolean uploaded = upload != null && !upload.isEmpty();
        boolean fromServer = !uploaded && SftpPollSource.TEMPLATE.equals(descriptor.source().template());
        if (!uploaded && !fromServer) {
            throw new InvalidDescriptorException(List.of(new DescriptorError("file", "required")));
        }
        if (mqtt) {
            return runMqttSamples(descriptor, upload, limit, locale);
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("huitong-dry-run");
            Path file;
            if (fromServer) {
                file = sftpSamples.fetch(descriptor, directory);
            } else {
                file = directory.resolve(safeName(upload.getOriginalFilename()));
                upload.transferTo(file);
            }
            DryRunResult result = dryRunner.run(descriptor, file, limit);
            return dryRunViews.view(descriptor.id(), result, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the sample file", e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /** Dry-runs sample MQTT messages, one per line of the uploaded UTF-8 file. */
    private DryRunView runMqttSamples(ConnectorDescriptor descriptor, MultipartFile upload, int limit,
                                      Locale locale) {
        try {
            String text = new String(upload.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var input = mqttSamples.input(descriptor, safeName(upload.getOriginalFilename()),
                    text.lines().toList());
            return dryRunViews.view(descriptor.id(), dryRunner.run(descriptor, input, limit), locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded sample messages", e);
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
