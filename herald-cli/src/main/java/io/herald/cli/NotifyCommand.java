package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.notification.ActionData;
import io.herald.sdk.notification.ActionType;
import io.herald.sdk.notification.MessageType;
import io.herald.sdk.notification.NotificationAction;
import io.herald.sdk.notification.NotificationEvent;
import io.herald.sdk.notification.NotificationMessage;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herald notify KIND}: a structured UI notification to one recipient, as the SDK's
 * {@link NotificationEvent} writes it. {@code toast} and {@code download} are version-1 events;
 * {@code navigate}, {@code info}, {@code audio} and {@code data} a version-2 event of one action;
 * {@code actions} a version-2 event of the actions given as JSON.
 */
@Command(name = "notify",
        mixinStandardHelpOptions = true,
        description = "Send a UI notification (toast, download link, navigate, info, audio, data, or a list of actions) "
                + "to one recipient on CHANNEL-RECIPIENT, and print the outcome as one JSON object.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald notify toast -c channel-name -u user-id -e notification_event -m 'Hello World!' -t success",
                "  herald notify download -c channel-name -u user-id -e download_event -m 'Your file is ready' \\",
                "      --link https://download-url.com",
                "  herald notify navigate -c channel-name -u user-id -e custom_event --path /dashboard",
                "  herald notify data -c exports -u 42 -e progress --meta '{\"progress\":40}' --more",
                "  herald notify actions -c channel-name -u user-id -e custom_event --actions @actions.json",
                "",
                "Prints {\"success\":true,\"event_id\":\"…\",\"channel\":\"channel-name-user-id\",",
                "        \"event\":\"notification_event\",\"error\":null}",
                "or the same with \"success\":false and the reason in \"error\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class NotifyCommand extends ApiCommand {

    /** What the notification asks the front end to do. */
    enum Kind { toast, download, navigate, info, audio, data, actions }

    @Parameters(index = "0", paramLabel = "KIND", description = "toast, download, navigate, info, audio, data or actions")
    Kind kind;

    @Option(names = {"-c", "--channel"}, paramLabel = "CHANNEL", description = "Channel name; the event goes to CHANNEL-RECIPIENT")
    String channel;

    @Option(names = {"-u", "--recipient"}, paramLabel = "ID", description = "Recipient id (a user or a tenant)")
    String recipient;

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT", description = "Event name")
    String event;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "The text shown (toast, download, info; a caption elsewhere)")
    String message;

    @Option(names = {"-t", "--message-type"}, paramLabel = "TYPE", defaultValue = "info",
            description = "success, warning, failure, info, in_progress or notification; default ${DEFAULT-VALUE}")
    MessageType messageType;

    @Option(names = "--link", paramLabel = "URL", description = "The file (download), sound (audio) or page (navigate) URL")
    String link;

    @Option(names = "--path", paramLabel = "PATH", description = "The front-end route to go to (navigate)")
    String path;

    @Option(names = "--meta", paramLabel = "JSON|@FILE",
            description = "Metadata: a JSON object (version 2 meta; version 1 info); required for data")
    String meta;

    @Option(names = "--sequence", paramLabel = "N", defaultValue = "1", description = "The action's sequence number; default 1")
    int sequence;

    @Option(names = "--actions", paramLabel = "JSON|@FILE",
            description = "For actions: a JSON array of actions as the Go package writes them (@- for stdin)")
    String actions;

    @Option(names = "--more", description = "More notifications of this exchange follow (is_last_response false)")
    boolean more;

    NotifyCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("event_id");
        if (channel != null && recipient != null) {
            result.put("channel", channel + "-" + recipient);
        } else {
            result.putNull("channel");
        }
        result.put("event", event);
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        result.put("event_id", herald.sendNotification(channel, recipient, notification().lastResponse(!more)).eventId());
    }

    private NotificationEvent notification() {
        return switch (kind) {
            case toast -> NotificationEvent.toast(event, message, messageType, info());
            case download -> NotificationEvent.download(event, message, link, messageType, info());
            case navigate -> single(ActionType.NAVIGATE, captioned(navigateTarget()));
            case info -> single(ActionType.INFO, ActionData.message(withMeta(NotificationMessage.of(message, messageType))));
            case audio -> single(ActionType.AUDIO_NOTIFICATION, captioned(ActionData.url(required(link, "--link"))));
            case data -> single(ActionType.DATA, ActionData.message(NotificationMessage.metaOnly(required(meta(), "--meta JSON"))));
            case actions -> NotificationEvent.of(event, !more, actionList().toArray(NotificationAction[]::new));
        };
    }

    private List<NotificationAction> actionList() {
        JsonNode json = Json.parse(Payload.json(actions == null ? "@-" : actions, "--actions", context), "--actions");
        return NotificationJson.actions(json, "--actions");
    }

    /** A version-2 event of one action at --sequence. */
    private NotificationEvent single(ActionType type, ActionData data) {
        return NotificationEvent.of(event, !more, NotificationAction.of(type, data, sequence));
    }

    /** The --path route, else the --link URL. */
    private ActionData navigateTarget() {
        if (path != null) {
            return ActionData.path(path);
        }
        if (link != null) {
            return ActionData.url(link);
        }
        throw new CliException("notify navigate needs --path or --link");
    }

    /** A flag this kind can't do without: the refusal names the flag, not the SDK's argument. */
    private <T> T required(T value, String flag) {
        if (value == null) {
            throw new CliException("notify " + kind + " needs " + flag);
        }
        return value;
    }

    /** A URL or path action with the --message as its caption, when given. */
    private ActionData captioned(ActionData data) {
        return message == null ? data : data.withMessage(withMeta(NotificationMessage.of(message, messageType)));
    }

    private NotificationMessage withMeta(NotificationMessage m) {
        Map<String, Object> given = meta();
        return given == null ? m : m.withMeta(given);
    }

    /** Version 1's info values: the --meta object as the one value. */
    private Object[] info() {
        Map<String, Object> given = meta();
        return given == null ? new Object[0] : new Object[] {given};
    }

    /** The --meta object, or {@code null} when not given. */
    private Map<String, Object> meta() {
        return meta == null ? null : NotificationJson.meta(Json.parse(Payload.json(meta, "--meta", context), "--meta"), "--meta");
    }

    @Override
    protected String text(ObjectNode result) {
        return "sent " + kind + " " + event + " to " + result.path("channel").asText() + " (event id "
                + result.path("event_id").asText() + ")";
    }
}
