using System.Text.Json;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.StandIns.WebPush;
using RealtimeCalendar.WebPush.Tests.Fixtures;

namespace RealtimeCalendar.WebPush.Tests.Delivery;

/// <summary>
/// The Web Push channel the reminder sweep calls for a user with no socket open, against the push-service stand-in,
/// with the user's subscriptions in DynamoDB Local.
/// </summary>
[Collection(WebPushCollection.Name)]
public sealed class OfflineReminderDeliveryTests(DynamoDbLocalFixture dynamoDb)
{
    [Fact]
    public async Task With_no_socket_open_the_reminder_reaches_the_push_service_stand_in_once_signed_and_decryptable()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var browser = await rig.SubscribeBrowserAsync();
        var notice = PushRig.DueNow("Dentist at Dr. Müller's");
        var before = DateTimeOffset.UtcNow;

        await rig.Channel.SendAsync(rig.UserId, notice, CancellationToken.None);

        var message = Assert.Single(rig.PushService.Received);
        Assert.Single(rig.PushService.Attempts);
        Assert.Equal(browser.Id, message.SubscriptionId);
        Assert.Null(message.DecryptionError);
        Assert.Equal(notice, JsonSerializer.Deserialize(message.Plaintext!, WebPushJsonContext.Default.ReminderNotice));
        Assert.Contains("\"occurrenceStart\":\"" + notice.OccurrenceStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\"",
            message.Plaintext, StringComparison.Ordinal);
        // RFC 8292: signed by this deployment's key, for the push service's origin, at most a day long, with a contact.
        Assert.Equal(rig.Keys.PublicKey, message.Vapid.PublicKey);
        Assert.Equal("https://push.standin.test", message.Vapid.Audience);
        Assert.InRange(message.Vapid.Expires, before, before.AddHours(24));
        Assert.Equal("mailto:operator@example.com", message.Vapid.Subject);
        // RFC 8030: kept until 15 minutes after it was due, urgent, and collapsible by the reminder's topic.
        Assert.InRange(message.TimeToLive, 14 * 60, 15 * 60 + 1);
        Assert.Equal("high", message.Urgency);
        Assert.Equal(WebPushReminderChannel.TopicOf(notice.ReminderId), message.Topic);
        Assert.Equal([browser.Endpoint], await rig.StoredEndpointsAsync());
    }

    [Fact]
    public async Task A_410_from_the_push_service_removes_that_subscription_and_the_others_still_get_the_reminder()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var ended = await rig.SubscribeBrowserAsync();
        var kept = await rig.SubscribeBrowserAsync();
        rig.PushService.Unsubscribe(ended);

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        Assert.Equal([kept.Endpoint], await rig.StoredEndpointsAsync());
        Assert.Equal(kept.Id, Assert.Single(rig.PushService.Received).SubscriptionId);
        Assert.Equal(410, Assert.Single(rig.PushService.Attempts, a => a.SubscriptionId == ended.Id).Status);
    }

    [Fact]
    public async Task A_404_for_an_expired_subscription_removes_it_too()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var expired = await rig.SubscribeBrowserAsync();
        rig.PushService.Expire(expired);

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        Assert.Empty(await rig.StoredEndpointsAsync());
        Assert.Empty(rig.PushService.Received);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_the_reminder_then_arrives_once()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var browser = await rig.SubscribeBrowserAsync();
        rig.PushService.AnswerNext(browser, new ScriptedPushAnswer(429, TimeSpan.FromSeconds(1)));

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        var attempts = rig.PushService.Attempts;
        Assert.Equal([429, 201], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Single(rig.PushService.Received);
        Assert.Equal([browser.Endpoint], await rig.StoredEndpointsAsync());
    }

    [Fact]
    public async Task A_503_and_a_500_are_retried_with_backoff_and_the_third_attempt_delivers()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var browser = await rig.SubscribeBrowserAsync();
        rig.PushService.AnswerNext(browser, new(503), new(500));

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        Assert.Equal([503, 500, 201], rig.PushService.Attempts.Select(a => a.Status));
        Assert.Single(rig.PushService.Received);
    }

    [Fact]
    public async Task A_push_service_that_stays_down_fails_the_send_for_a_later_try_and_keeps_the_subscription()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var down = await rig.SubscribeBrowserAsync();
        var up = await rig.SubscribeBrowserAsync();
        rig.PushService.AnswerNext(down, new(502), new(502), new(502));
        var notice = PushRig.DueNow();

        var failure = await Assert.ThrowsAsync<ReminderDeliveryException>(() => rig.Channel.SendAsync(rig.UserId, notice, CancellationToken.None));

        Assert.Equal((notice.ReminderId, 1, 2), (failure.ReminderId, failure.Failed, failure.Subscriptions));
        Assert.Equal(3, rig.PushService.Attempts.Count(a => a.SubscriptionId == down.Id));
        Assert.Equal(up.Id, Assert.Single(rig.PushService.Received).SubscriptionId);
        Assert.Equal(2, (await rig.StoredEndpointsAsync()).Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_sender_waits_is_not_retried_early()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var browser = await rig.SubscribeBrowserAsync();
        rig.PushService.AnswerNext(browser, new ScriptedPushAnswer(429, TimeSpan.FromMinutes(2)));

        await Assert.ThrowsAsync<ReminderDeliveryException>(() => rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None));

        Assert.Equal([429], rig.PushService.Attempts.Select(a => a.Status));
        Assert.Equal([browser.Endpoint], await rig.StoredEndpointsAsync());
    }

    [Fact]
    public async Task A_subscription_bound_to_another_application_server_key_is_refused_with_403_and_neither_retried_nor_removed()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var otherKey = VapidKeyPair.Generate();
        var foreign = rig.PushService.Subscribe(otherKey.PublicKey);
        await rig.Subscriptions.SubscribeAsync(rig.UserId, foreign.Endpoint, foreign.P256dh, foreign.Auth, null, CancellationToken.None);

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        Assert.Equal([403], rig.PushService.Attempts.Select(a => a.Status));
        Assert.Empty(rig.PushService.Received);
        Assert.Equal([foreign.Endpoint], await rig.StoredEndpointsAsync());
        Assert.Contains(rig.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Text.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_without_subscriptions_costs_no_request_and_a_reminder_past_its_window_is_not_sent()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);
        Assert.Empty(rig.PushService.Attempts);

        await rig.SubscribeBrowserAsync();
        await rig.Channel.SendAsync(rig.UserId, PushRig.DueAt(DateTimeOffset.UtcNow.AddMinutes(-16)), CancellationToken.None);
        Assert.Empty(rig.PushService.Attempts);

        await rig.Channel.SendAsync(rig.UserId, PushRig.DueAt(DateTimeOffset.UtcNow.AddMinutes(-14)), CancellationToken.None);
        Assert.InRange(Assert.Single(rig.PushService.Received).TimeToLive, 1, 61);
    }

    [Fact]
    public async Task The_longest_title_an_event_may_have_still_travels_in_one_record_within_4096_bytes()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        await rig.SubscribeBrowserAsync();
        // 200 UTF-16 characters (the title limit) as 100 emoji, each of which the JSON writer escapes to 12 bytes
        // ("\uD83D\uDE00"): the largest a title can make the payload.
        var notice = PushRig.DueNow(string.Concat(Enumerable.Repeat("😀", 100)));

        await rig.Channel.SendAsync(rig.UserId, notice, CancellationToken.None);

        var message = Assert.Single(rig.PushService.Received);
        Assert.Null(message.DecryptionError);
        Assert.Equal(notice, JsonSerializer.Deserialize(message.Plaintext!, WebPushJsonContext.Default.ReminderNotice));
    }

    [Fact]
    public async Task The_same_reminder_sent_twice_carries_the_same_topic_so_the_push_service_and_the_device_collapse_it()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        await rig.SubscribeBrowserAsync();
        var notice = PushRig.DueNow();

        await rig.Channel.SendAsync(rig.UserId, notice, CancellationToken.None);
        await rig.Channel.SendAsync(rig.UserId, notice, CancellationToken.None);
        await rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None);

        var topics = rig.PushService.Received.Select(m => m.Topic).ToList();
        Assert.Equal(topics[0], topics[1]);
        Assert.NotEqual(topics[0], topics[2]);
        Assert.All(topics, t => Assert.Matches("^[A-Za-z0-9_-]{32}$", t));
    }

    [Fact]
    public async Task The_private_key_appears_in_no_log_line()
    {
        await using var rig = await PushRig.StartAsync(dynamoDb);
        var ended = await rig.SubscribeBrowserAsync();
        var throttled = await rig.SubscribeBrowserAsync();
        await rig.SubscribeBrowserAsync();
        rig.PushService.Unsubscribe(ended);
        rig.PushService.AnswerNext(throttled, new ScriptedPushAnswer(429, TimeSpan.FromMinutes(5)));

        await Assert.ThrowsAsync<ReminderDeliveryException>(() => rig.Channel.SendAsync(rig.UserId, PushRig.DueNow(), CancellationToken.None));

        Assert.NotEmpty(rig.Logs.Lines);
        Assert.All(rig.Logs.Lines, line =>
        {
            Assert.DoesNotContain(rig.Keys.PrivateKey, line.Text, StringComparison.Ordinal);
            // Endpoints are capabilities: only the push service's origin is logged.
            Assert.DoesNotContain("/push/", line.Text, StringComparison.Ordinal);
        });
    }
}
