package io.herald.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of the README and the guides compiles against the SDK, the client and the
 * Pusher libraries as released: a renamed method or a changed signature fails the build, not the
 * reader. Each block becomes the body of a method of a {@link SnippetContext}, which declares the
 * variables the docs take as given.
 */
class JavaSnippetsTest {

    private static final String IMPORTS = """
            import io.herald.sdk.*;
            import io.herald.sdk.auth.*;
            import io.herald.sdk.crypto.*;
            import io.herald.sdk.notification.*;
            import io.herald.sdk.push.*;
            import io.herald.sdk.webhook.*;
            import io.herald.client.*;
            import com.pusher.rest.Pusher;
            import java.net.URI;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            """;

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockCompiles() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        List<DocPages.Block> blocks = new ArrayList<>();
        for (Path page : DocPages.all()) {
            blocks.addAll(DocPages.blocks(page, "java"));
        }
        assertThat(blocks).as("java blocks in the docs").hasSizeGreaterThan(5);
        for (int i = 0; i < blocks.size(); i++) {
            String name = "Snippet" + i;
            String code = "package docsnippets;\n" + IMPORTS + "// " + blocks.get(i).where() + "\n"
                    + "class " + name + " extends io.herald.tests.docs.SnippetContext {\n"
                    + "    Object run() throws Exception {\n" + blocks.get(i).text()
                    + (endsWithReturn(blocks.get(i).text()) ? "" : "\n        return null;") + "\n    }\n}\n";
            sources.add(new Source(name, code));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean compiled = compiler.getTask(null, null, diagnostics, List.of("-classpath", classpath, "-d",
                classes.toString(), "-proc:none", "-Xlint:none"), null, sources).call();

        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                int index = Integer.parseInt(d.getSource().getName().replaceAll("\\D", ""));
                DocPages.Block block = blocks.get(index);
                long snippetLine = d.getLineNumber() - IMPORTS.lines().count() - 4;
                errors.add(block.where() + " (line " + (block.line() + snippetLine) + " of the page): "
                        + d.getMessage(Locale.ROOT));
            }
        }
        assertThat(errors).as("compile errors in the docs' Java").isEmpty();
        assertThat(compiled).isTrue();
        assertThat(Files.list(classes.resolve("docsnippets")).count()).isGreaterThanOrEqualTo(blocks.size());
    }

    /** Whether the snippet's last statement is a return, after which {@code return null} would not compile. */
    private static boolean endsWithReturn(String text) {
        List<String> lines = text.strip().lines().map(l -> l.replaceAll("//.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        return !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("return ");
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///docsnippets/" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
