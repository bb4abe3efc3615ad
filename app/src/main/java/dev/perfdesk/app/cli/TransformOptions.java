package dev.perfdesk.app.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import dev.perfdesk.core.flame.StackTransform;

/**
 * The stack transforms of {@code flame} and {@code export --folded}, in the order given: the same transforms as
 * the app's chips ({@link StackTransform#parse} spells them), so a command line can reproduce what the window shows.
 */
final class TransformOptions {
    @Option(names = "--transform", paramLabel = "KIND:NAME", description = "Transform the stacks first, in order "
            + "(repeatable): focus:FN, exclude:FN (drop samples with FN), merge:FN (its time to its callers), "
            + "collapse-recursion:FN, collapse:PACKAGE (a package's or library's frames as one), "
            + "focus-node:A;B;C and merge-node:A;B;C (one call node, a path from the root).")
    List<String> transforms = new ArrayList<>();

    /** The transforms, or a usage error naming the one that is wrong. */
    List<StackTransform> parse(CommandSpec spec) {
        List<StackTransform> out = new ArrayList<>();
        for (String t : transforms) {
            try {
                out.add(StackTransform.parse(t));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--transform: " + e.getMessage());
            }
        }
        return out;
    }
}
