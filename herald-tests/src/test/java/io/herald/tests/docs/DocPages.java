package io.herald.tests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's Markdown pages (README, CHANGELOG, docs/), read from the repository root. */
final class DocPages {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)[^\\n]*\\n(.*?)^```");

    /** A fenced block: its language tag, its text, and the page and line it starts on. */
    record Block(String language, String text, Path page, int line) {
        String where() {
            return ROOT.relativize(page) + ":" + line;
        }
    }

    private DocPages() {
    }

    static List<Path> all() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> blocks(Path page, String language) {
        String text = read(page);
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(language, m.group(2), page, line));
            }
        }
        return blocks;
    }

    /** The anchors GitHub makes of a page's headings (outside fenced blocks). */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        boolean fenced = false;
        for (String line : read(page).split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                anchors.add(anchor(heading.group(1)));
            }
        }
        return anchors;
    }

    /** GitHub's rule: lower case, punctuation dropped except '-' and '_', spaces to '-'. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-');
    }
}
