package io.herald.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every link between the pages, and to a heading of one, leads somewhere: no page or section moves silently. */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkReachesAFileAndItsHeading() {
        List<String> broken = new ArrayList<>();
        for (Path page : DocPages.all()) {
            String text = DocPages.read(page).replaceAll("(?ms)^```.*?^```", "");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(DocPages.ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !DocPages.anchors(resolved).contains(anchor)) {
                    broken.add(DocPages.ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeLinksEveryGuide() {
        String readme = DocPages.read(DocPages.ROOT.resolve("README.md"));
        for (Path page : DocPages.all()) {
            if (page.getParent().endsWith("docs")) {
                assertThat(readme).as("README links %s", page.getFileName()).contains("(docs/" + page.getFileName() + ")");
            }
        }
    }
}
