package io.herald.tests.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A terminal session as the docs show it: {@code $ command} lines (a here-document's lines belong
 * to its command), each followed by the output it prints. Outputs are matched loosely where a run
 * can't repeat them: {@code …} stands for any text, and ids and times (publish ids, event ids,
 * timestamps) match any value of their shape; the value seen is bound to the one the docs show, so a
 * later command that names the docs' id runs with the id this run made.
 */
record ShellSession(List<Step> steps) {

    /** One command and the lines it is shown to print. */
    record Step(String command, List<String> output) {
    }

    private static final Pattern HEREDOC = Pattern.compile("<<-?'?(\\w+)'?");
    /** Values that differ on every run; each becomes a group that binds the docs' value to the run's. */
    private static final Pattern VARYING = Pattern.compile(
            "pubid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|\\b[0-9a-f]{32}\\b"
            + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final String PORT = "6001";

    static ShellSession parse(String block) {
        List<Step> steps = new ArrayList<>();
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("$ ")) {
                if (!steps.isEmpty() && !(i == lines.length - 1 && lines[i].isEmpty())) {
                    steps.get(steps.size() - 1).output().add(lines[i]);
                }
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i].substring(2));
            // a line that ends in a backslash, or leaves a quote open, goes on on the next one
            while ((command.toString().endsWith("\\") || openQuote(command)) && i + 1 < lines.length) {
                command.append('\n').append(lines[++i]);
            }
            Matcher heredoc = HEREDOC.matcher(lines[i]);
            if (heredoc.find()) {
                while (++i < lines.length) {
                    command.append('\n').append(lines[i]);
                    if (lines[i].equals(heredoc.group(1))) {
                        break;
                    }
                }
            }
            steps.add(new Step(command.toString(), new ArrayList<>()));
        }
        return new ShellSession(steps);
    }

    /** Whether a single quote is left open (the shell reads on to the closing one). */
    private static boolean openQuote(CharSequence command) {
        return command.chars().filter(c -> c == '\'').count() % 2 == 1;
    }

    boolean isSession() {
        return !steps.isEmpty();
    }

    /** One line the docs show, as a pattern with a group for each varying value, and those values. */
    record ExpectedLine(Pattern pattern, List<String> shownValues) {
    }

    static ExpectedLine expected(String line) {
        StringBuilder regex = new StringBuilder();
        List<String> shown = new ArrayList<>();
        Matcher varying = VARYING.matcher(line);
        int at = 0;
        while (varying.find()) {
            regex.append(literal(line.substring(at, varying.start())));
            shown.add(varying.group());
            String shape = varying.group().startsWith("pubid-") ? "pubid-[0-9a-f-]{36}"
                    : varying.group().contains("T") ? "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ" : "[0-9a-f]{32}";
            regex.append('(').append(shape).append(')');
            at = varying.end();
        }
        regex.append(literal(line.substring(at)));
        return new ExpectedLine(Pattern.compile(regex.toString()), shown);
    }

    /** Text as it must appear: {@code …} matches anything, the docs' port any port. */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            String[] byPort = parts[i].split(PORT, -1);
            for (int j = 0; j < byPort.length; j++) {
                if (j > 0) {
                    regex.append("\\d+");
                }
                regex.append(Pattern.quote(byPort[j]));
            }
        }
        return regex.toString();
    }
}
