package io.herald.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code herald} command: {@code herald server} runs a node; more subcommands join it over time. */
@Command(name = "herald",
        mixinStandardHelpOptions = true,
        version = "herald 0.1.0",
        description = "Self-hosted realtime messaging, wire-compatible with Pusher Channels.",
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:invalid usage or configuration"})
public final class HeraldCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HeraldCommand());
        cli.addSubcommand("server", ServerCommand.commandLine());
        return cli;
    }
}
