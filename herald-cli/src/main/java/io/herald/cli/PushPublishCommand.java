package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.push.HeraldPush;
import io.herald.sdk.push.PublishRequest;
import io.herald.sdk.push.WebNotification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald push publish}: a web push notification to interests or to users. */
@Command(name = "publish",
        mixinStandardHelpOptions = true,
        description = "Publish a web push notification to 1-100 interests or to 1-1000 users.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald push publish -i orders --title 'Order shipped' --body 'Order 42 is on its way'",
                "  herald push publish -u 42 -u 43 --title Hi --icon https://shop.example/icon.png --data '{\"orderId\":42}'",
                "  herald push publish -i news --data @payload.json          # data only: nothing is shown by default",
                "",
                "Prints {\"success\":true,\"publish_id\":\"pubid-…\",\"interests\":[\"orders\"],\"error\":null}",
                "(\"users\" instead of \"interests\" for -u), or \"success\":false with the reason in \"error\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class PushPublishCommand extends PushApiCommand {

    @Option(names = {"-i", "--interest"}, paramLabel = "INTEREST", description = "Interest to publish to; repeat for up to 100")
    List<String> interests = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "User to publish to; repeat for up to 1000")
    List<String> users = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", description = "The notification's title")
    String title;

    @Option(names = "--body", paramLabel = "TEXT", description = "The notification's text")
    String body;

    @Option(names = "--icon", paramLabel = "URL", description = "Icon shown with it (absolute http(s) URL)")
    String icon;

    @Option(names = "--deep-link", paramLabel = "URL", description = "Page opened when it is clicked (absolute http(s) URL)")
    String deepLink;

    @Option(names = "--hide-if-site-has-focus", description = "Don't show it while the site has focus")
    boolean hideIfSiteHasFocus;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE", description = "Data for the page and service worker: JSON, or @FILE (@- for stdin)")
    String data;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the push service keeps it for an offline browser, e.g. 1h (at most 28 days)")
    Duration ttl;

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Where the server posts STARTED and FINISHED (with the counts) for this publish")
    String webhookUrl;

    PushPublishCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("publish_id");
        List<String> targets = users.isEmpty() ? interests : users;
        ArrayNode names = result.putArray(users.isEmpty() ? "interests" : "users");
        targets.forEach(names::add);
    }

    @Override
    protected void perform(HeraldPush push, ObjectNode result) {
        if (!interests.isEmpty() && !users.isEmpty()) {
            throw new CliException("publish to interests or to users, not both");
        }
        if (interests.isEmpty() && users.isEmpty()) {
            throw new CliException("no target: pass --interest NAME or --user ID");
        }
        PublishRequest request = PublishRequest.web(notification());
        if (webhookUrl != null) {
            request = request.withWebhookUrl(webhookUrl);
        }
        String publishId = users.isEmpty() ? push.publishToInterests(interests, request) : push.publishToUsers(users, request);
        result.put("publish_id", publishId);
    }

    private WebNotification notification() {
        if (title == null && body == null && data == null) {
            throw new CliException("nothing to publish: pass --title and/or --body, or --data");
        }
        JsonNode payload = data == null ? null : Json.parse(Payload.json(data, "--data", context), "--data");
        WebNotification web = title == null && body == null ? WebNotification.dataOnly(payload) : WebNotification.of(title, body);
        if (payload != null && web.data() == null) {
            web = web.withData(payload);
        }
        if (icon != null) {
            web = web.withIcon(icon);
        }
        if (deepLink != null) {
            web = web.withDeepLink(deepLink);
        }
        if (hideIfSiteHasFocus) {
            web = web.withHideIfSiteHasFocus(true);
        }
        if (ttl != null) {
            web = web.withTimeToLive(ttl);
        }
        return web;
    }

    @Override
    protected String text(ObjectNode result) {
        return "published to " + String.join(", ", users.isEmpty() ? interests : users)
                + " (publish id " + result.path("publish_id").asText() + ")";
    }
}
