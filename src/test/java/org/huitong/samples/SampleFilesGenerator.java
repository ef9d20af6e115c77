package org.huitong.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every sample departmental file under {@code samples/}, the expectations file
 * {@code src/test/resources/sample-expectations.json} and the fault tables of
 * {@code samples/README.md} and {@code samples/README.zh-CN.md}. The output depends on nothing
 * but this code (fixed seeds and dates), so running it again gives the same files.
 *
 * <p>All people and organisations are synthetic: citizen IDs and USCCs come from
 * {@link org.huitong.identifiers.SyntheticIds} with valid check characters.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.huitong.samples.SampleFilesGenerator
 * </pre>
 * An optional argument names another root folder to write into. {@code SampleFilesTest}
 * checks that the committed files equal what this generator writes.
 */
public final class SampleFilesGenerator {

    private static final Logger log = LoggerFactory.getLogger(SampleFilesGenerator.class);

    private SampleFilesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<SampleFile> files = sampleFiles();

        writeAll(files, root);
        FaultTables.updateReadmes(files, root.resolve("samples"));
        log.info("Wrote {} sample files and their expectations under {}", files.size(), root.toAbsolutePath());
    }

    /** Returns every sample file with its rows, in a fixed order. */
    public static List<SampleFile> sampleFiles() {
        List<SampleFile> files = new ArrayList<>();
        files.addAll(new LicenseSamples().files());
        files.addAll(new PenaltySamples().files());
        files.addAll(new ElderSamples().files());
        files.addAll(new ServiceSamples().files());
        return files;
    }

    /** Writes the sample files and the expectations file below {@code root}. */
    public static void writeAll(List<SampleFile> files, Path root) throws IOException {
        for (SampleFile file : files) {
            Path target = root.resolve(file.path());
            Files.createDirectories(target.getParent());
            switch (file.format()) {
                case CSV -> CsvSampleWriter.write(file, target);
                case XLSX -> XlsxSampleWriter.write(file, target);
                case JSON_LINES -> JsonLinesSampleWriter.write(file, target);
            }
        }

        Path expectations = root.resolve("src/test/resources").resolve(ExpectationsWriter.RESOURCE);
        Files.createDirectories(expectations.getParent());
        ExpectationsWriter.write(files, expectations);
    }
}
