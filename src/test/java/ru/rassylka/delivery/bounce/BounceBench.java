package ru.rassylka.delivery.bounce;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every .eml file of a folder with {@link BounceReader} and prints one line per file, the
 * totals per class and the time per file; with a labels file ({@code labels.tsv} in the folder, see
 * {@link FixtureLabels}) also how many reports it read as labelled. Run by {@code bench/bounces DIR}.
 */
public final class BounceBench {

    private BounceBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BounceBench DIR [LABELS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path labelsFile = args.length > 1 ? Path.of(args[1]) : dir.resolve("labels.tsv");
        Map<String, FixtureLabels.Label> labels = Files.exists(labelsFile) ? FixtureLabels.read(labelsFile) : Map.of();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".eml"))
                    .sorted()
                    .toList();
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BounceReader reader = new BounceReader();
        for (Path file : files) { // warm-up, so the time per file is the steady one
            readQuietly(reader, file);
        }
        Map<BounceClass, Integer> totals = new EnumMap<>(BounceClass.class);
        Score score = new Score();
        long nanos = 0;
        out.println("file\trecipient\tstatus\tclass\tused");
        for (Path file : files) {
            byte[] raw = Files.readAllBytes(file);
            long start = System.nanoTime();
            BounceReport report;
            try {
                report = reader.read(raw);
            } catch (Exception unreadable) {
                report = new BounceReport(
                        BounceClass.NOT_A_REPORT, null, null, unreadable.toString(), null, null, "unreadable");
            }
            nanos += System.nanoTime() - start;
            totals.merge(report.kind(), 1, Integer::sum);
            String name = file.getFileName().toString();
            FixtureLabels.Label label = labels.get(name);
            String mark = label == null ? "" : score.add(label, report);
            out.printf(
                    "%s\t%s\t%s\t%s\t%s%s%n",
                    name,
                    dash(report.recipient()),
                    dash(report.statusCode()),
                    report.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    report.source(),
                    mark);
        }
        out.println();
        out.printf("files: %d%n", files.size());
        for (BounceClass kind : BounceClass.values()) {
            out.printf(
                    "%-13s %d%n",
                    kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":", totals.getOrDefault(kind, 0));
        }
        out.printf(Locale.ROOT, "time per file: %.3f ms%n", files.isEmpty() ? 0.0 : nanos / 1e6 / files.size());
        if (!labels.isEmpty()) {
            score.print(out);
            Score standard = new Score();
            BounceReader standardReader = BounceReader.standardPartsOnly();
            for (Path file : files) {
                FixtureLabels.Label label = labels.get(file.getFileName().toString());
                if (label != null) {
                    BounceReport report;
                    try {
                        report = standardReader.read(Files.readAllBytes(file));
                    } catch (Exception unreadable) {
                        report = new BounceReport(BounceClass.NOT_A_REPORT, null, null, null, null, null, "unreadable");
                    }
                    standard.add(label, report);
                }
            }
            out.println();
            out.println("the same files read from the standard report parts alone (DSN fields, ARF, RFC 3834):");
            standard.print(out);
        }
    }

    private static void readQuietly(BounceReader reader, Path file) {
        try {
            reader.read(Files.readAllBytes(file));
        } catch (Exception ignored) {
            // counted in the measured pass
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** How the reports compare with the labels. */
    private static final class Score {
        int labelled;
        int withRecipient;
        int recipientRight;
        int bounces;
        int hardSoftRight;
        int withStatus;
        int statusClassRight;
        int complaints;
        int complaintsRight;
        int autoReplies;
        int autoRepliesRight;

        String add(FixtureLabels.Label label, BounceReport report) {
            labelled++;
            StringBuilder wrong = new StringBuilder();
            if (label.recipient() != null) {
                withRecipient++;
                if (label.recipient().equalsIgnoreCase(String.valueOf(report.recipient()))) {
                    recipientRight++;
                } else {
                    wrong.append(" recipient≠").append(label.recipient());
                }
            }
            if (label.kind() == BounceClass.HARD || label.kind() == BounceClass.SOFT) {
                bounces++;
                if (report.kind() == label.kind()) {
                    hardSoftRight++;
                } else {
                    wrong.append(" class≠").append(label.kind());
                }
                if (label.statusCode() != null) {
                    withStatus++;
                    if (report.statusCode() != null
                                    && report.statusCode().charAt(0)
                                            == label.statusCode().charAt(0)
                            || report.statusCode() == null
                                    && (report.kind() == BounceClass.HARD
                                            ? label.statusCode().charAt(0) == '5'
                                            : false)) {
                        statusClassRight++;
                    } else {
                        wrong.append(" status≠").append(label.statusCode());
                    }
                }
            }
            if (label.kind() == BounceClass.COMPLAINT) {
                complaints++;
                if (report.kind() == BounceClass.COMPLAINT) {
                    complaintsRight++;
                } else {
                    wrong.append(" class≠COMPLAINT");
                }
            }
            if (label.kind() == BounceClass.AUTO_REPLY) {
                autoReplies++;
                if (report.kind() == BounceClass.AUTO_REPLY) {
                    autoRepliesRight++;
                } else {
                    wrong.append(" class≠AUTO_REPLY");
                }
            }
            return wrong.length() == 0 ? "" : "\t#" + wrong;
        }

        void print(PrintStream out) {
            out.printf("labelled files: %d%n", labelled);
            out.printf(Locale.ROOT, "recipient named (as labelled): %s%n", percent(recipientRight, withRecipient));
            out.printf(Locale.ROOT, "hard/soft class right: %s%n", percent(hardSoftRight, bounces));
            out.printf(Locale.ROOT, "status class 4 vs 5 right: %s%n", percent(statusClassRight, withStatus));
            out.printf(Locale.ROOT, "complaints recognised: %s%n", percent(complaintsRight, complaints));
            out.printf(Locale.ROOT, "auto-replies recognised: %s%n", percent(autoRepliesRight, autoReplies));
        }

        private static String percent(int right, int of) {
            return of == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %% (%d of %d)", 100.0 * right / of, right, of);
        }
    }
}
