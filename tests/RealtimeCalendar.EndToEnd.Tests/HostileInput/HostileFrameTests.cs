using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using CsCheck;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using Xunit.Abstractions;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generated hostile messages on one socket: each gets exactly one error frame, the socket stays open and still
/// answers ping, and the connection stays registered for pushes.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class HostileFrameTests(LocalCloudFixture fixture, ITestOutputHelper output)
{
    private const int Cases = 150;
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Hostile_frames_each_get_an_error_frame_and_the_socket_keeps_working()
    {
        var user = await fixture.CreateUserAsync();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        var connectionsBefore = await ConnectionsAsync(user);
        var seed = PropertySeed.Current;
        output.WriteLine($"CsCheck seed {seed} (replay or vary with {PropertySeed.EnvironmentVariable}=<seed>)");
        var failures = new List<string>();

        await HostileFrames.Any.Array[Cases].SampleAsync(
            async frames =>
            {
                foreach (var frame in frames)
                {
                    if (tab.State != WebSocketState.Open)
                    {
                        failures.Add($"{frame} -> the socket was already closed ({tab.State})");
                        return;
                    }

                    await tab.SendBytesAsync(frame.Bytes, frame.Type);
                    try
                    {
                        var reply = await tab.NextAsync(_ => true, ReplyWait);
                        if ((string?)reply["type"] != "error" || string.IsNullOrWhiteSpace((string?)reply["code"]))
                            failures.Add($"{frame} -> {reply.ToJsonString()}");
                    }
                    catch (OperationCanceledException)
                    {
                        failures.Add($"{frame} -> no reply within {ReplyWait.TotalSeconds} s");
                    }
                }
            },
            writeLine: output.WriteLine, seed: seed, iter: 1, threads: 1, print: frames => $"{frames.Length} frames");

        Assert.True(failures.Count == 0, $"Seed {seed}: {failures.Count} of {Cases} hostile frames were mishandled:\n" + string.Join('\n', failures.Take(30)));
        Assert.Equal(connectionsBefore, await ConnectionsAsync(user));
        await tab.SendAsync("""{"action":"ping"}""");
        await tab.NextAsync(m => (string?)m["type"] == "pong");
        await AssertStillReceivesPushesAsync(user, tab);
    }

    [Fact]
    public async Task Hostile_handshakes_are_refused_and_register_nothing()
    {
        var user = await fixture.CreateUserAsync();
        var connectionsBefore = await ConnectionsAsync(user);
        var seed = PropertySeed.Current;
        output.WriteLine($"CsCheck seed {seed} (replay or vary with {PropertySeed.EnvironmentVariable}=<seed>)");
        var failures = new List<string>();
        var query = Gen.Frequency(
            (3, Gen.OneOf([.. HostileStrings.Injection, .. HostileStrings.Ids, "", new string('t', 4_000)]).Select(t => "?ticket=" + Uri.EscapeDataString(t))),
            (1, Gen.OneOf("", "?", "?ticket", "?ticket=&ticket=", "?Ticket=x", "?token=x", "?ticket=%FF%FE", "?ticket=%00", "?ticket=a&ticket=b")));

        await query.Array[40].SampleAsync(
            async queries =>
            {
                foreach (var q in queries)
                {
                    var status = await TestSocket.HandshakeStatusAsync(fixture.Cloud.WebSocketUrl, q);
                    if ((int)status is < 400 or > 499)
                        failures.Add($"handshake '{q}' -> {(int)status}");
                }
            },
            writeLine: output.WriteLine, seed: seed, iter: 1, threads: 1, print: queries => $"{queries.Length} handshakes");

        Assert.True(failures.Count == 0, $"Seed {seed}: hostile handshakes were not refused with a 4xx:\n" + string.Join('\n', failures));
        Assert.Equal(connectionsBefore, await ConnectionsAsync(user));
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        await tab.SendAsync("""{"action":"ping"}""");
        await tab.NextAsync(m => (string?)m["type"] == "pong");
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_fails_only_that_socket()
    {
        var user = await fixture.CreateUserAsync();
        await using (var tab = await RealtimeSession.OpenAsync(fixture, user))
        {
            await tab.SendBytesAsync([.. Encoding.UTF8.GetBytes("{\"action\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], WebSocketMessageType.Text);
            // RFC 6455 (8.1) says to fail the connection on invalid UTF-8 in a text frame; an error frame would also be acceptable.
            try
            {
                var reply = await tab.NextAsync(_ => true, ReplyWait);
                Assert.Equal("error", (string?)reply["type"]);
            }
            catch (ChannelClosedException)
            {
                Assert.NotEqual(WebSocketState.Open, tab.State);
            }
        }

        await using var fresh = await RealtimeSession.OpenAsync(fixture, user);
        await fresh.SendAsync("""{"action":"ping"}""");
        await fresh.NextAsync(m => (string?)m["type"] == "pong");
    }

    [Fact]
    public async Task A_message_over_the_frame_limit_closes_only_that_socket()
    {
        var user = await fixture.CreateUserAsync();
        await using (var tab = await RealtimeSession.OpenAsync(fixture, user))
        {
            await tab.SendAsync($"{{\"action\":\"{new string('p', 200 * 1024)}\"}}");
            await Assert.ThrowsAsync<ChannelClosedException>(() => tab.NextAsync(_ => true, ReplyWait));
        }

        await using var fresh = await RealtimeSession.OpenAsync(fixture, user);
        await fresh.SendAsync("""{"action":"ping"}""");
        await fresh.NextAsync(m => (string?)m["type"] == "pong");
    }

    /// <summary>The user's connection records as stored, in a stable order, as text that compares exactly.</summary>
    private async Task<string> ConnectionsAsync(TestUser user)
    {
        var connections = await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, CancellationToken.None);
        return string.Join('\n', connections.Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>A hostile frame must not unregister the connection: a change to the user's calendar still arrives.</summary>
    private static async Task AssertStillReceivesPushesAsync(TestUser user, TestSocket tab)
    {
        using var http = user.CreateClient();
        using var created = await http.PostAsync("/api/events", HttpApi.EventJson.Content(HttpApi.EventJson.Valid("after the storm")));
        created.EnsureSuccessStatusCode();
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        await tab.NextChangeAsync(id);
    }
}
