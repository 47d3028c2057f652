package org.stroom.ports.portman;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.Problem;
import org.stroom.ports.portmgr.config.SystemDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code portman validate FILE}: every problem in a system description at once.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a system description file against the T1 and installation rules.",
            "Prints every problem with file:line:column, the field, what is wrong and the fix.",
            "Exit code 0 valid, 1 invalid, 2 unusable (cannot be read or parsed)."
        })
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "system description (YAML)")
    Path file;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        try {
            SystemDescription d = DescriptionReader.read(file);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", file.toString());
            r.put("valid", true);
            r.put(
                    "systems",
                    d.systems().stream()
                            .map(SystemDescription.StroomSystem::name)
                            .collect(Collectors.toList()));
            r.put("mode", d.mode().name());
            long spans = d.systems().stream()
                    .flatMap(s -> s.machines().stream())
                    .flatMap(m -> m.boards().stream())
                    .mapToLong(b -> b.spans().size())
                    .sum();
            r.put("spans", spans);
            output.print(
                    r,
                    file + ": valid (" + d.systems().size() + " system(s), " + spans + " span(s), " + d.mode() + ")");
            return Portman.OK;
        } catch (DescriptionException e) {
            report(e.problems(), e.unusable());
            return e.unusable() ? Portman.UNUSABLE : Portman.FAILED;
        }
    }

    private void report(List<Problem> problems, boolean unusable) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.toString());
        r.put("valid", false);
        r.put("unusable", unusable);
        r.put(
                "problems",
                problems.stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("line", p.line());
                            m.put("column", p.column());
                            m.put("field", p.field());
                            m.put("rule", p.rule());
                            m.put("message", p.message());
                            m.put("fix", p.fix());
                            return m;
                        })
                        .collect(Collectors.toList()));
        String text = problems.stream().map(Problem::format).collect(Collectors.joining("\n")) + "\n" + problems.size()
                + " problem(s) in " + file;
        output.print(r, text);
    }
}
