using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.StandIns.OpenAI;

/// <summary>
/// A stand-in for OpenAI's API on 127.0.0.1 that speaks the Chat Completions wire protocol (non-streamed, as the
/// assistant calls it): <c>POST /v1/chat/completions</c> with bearer auth, completions with <c>tool_calls</c> (several
/// in one message), <c>refusal</c>, <c>finish_reason: content_filter</c> and empty content (<see cref="ModelSteps"/>),
/// errors in OpenAI's <c>{"error":{…}}</c> shape with <c>Retry-After</c>. Tests script the model's replies in order;
/// every request is recorded so tests can see exactly what the real OpenAI client sent.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string apiKey;
    private readonly ConcurrentQueue<ModelStep> script = new();
    private readonly ConcurrentQueue<RecordedCompletionRequest> received = new();
    private int completions;

    private ChatCompletionsServer(WebApplication app, string apiKey)
    {
        this.app = app;
        this.apiKey = apiKey;
    }

    /// <summary>The API base the client is configured with (<c>http://127.0.0.1:port/v1</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedCompletionRequest> Received => [.. received];

    /// <summary>Scripted replies not yet used: a test that leaves some had the assistant stop early.</summary>
    public int Pending => script.Count;

    public static async Task<ChatCompletionsServer> StartAsync(string apiKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new ChatCompletionsServer(builder.Build(), apiKey);
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(url.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Queues the model's next replies, one per completion request, in order.</summary>
    public void Script(params ModelStep[] steps)
    {
        foreach (var step in steps)
            script.Enqueue(step);
    }

    /// <summary>Forgets what earlier tests scripted and received.</summary>
    public void Reset()
    {
        script.Clear();
        received.Clear();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        received.Enqueue(new RecordedCompletionRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, DateTimeOffset.UtcNow));

        if (context.Request.Method != "POST" || context.Request.Path != "/v1/chat/completions")
        {
            await WriteAsync(context, ScriptedResponse.Error(404, "Unknown path.", "invalid_request_error"));
            return;
        }

        if (!string.Equals(headers.GetValueOrDefault("Authorization"), "Bearer " + apiKey, StringComparison.Ordinal))
        {
            await WriteAsync(context, ScriptedResponse.Error(401, "Incorrect API key provided.", "invalid_request_error"));
            return;
        }

        var request = JsonNode.Parse(body)!.AsObject();
        var response = script.TryDequeue(out var step)
            ? step(request, Interlocked.Increment(ref completions))
            : ScriptedResponse.Error(500, "The test scripted no further reply.", "server_error");
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await WriteAsync(context, response);
    }

    private static async Task WriteAsync(HttpContext context, ScriptedResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        if (response.RetryAfter is not null)
            context.Response.Headers["Retry-After"] = response.RetryAfter;
        await context.Response.WriteAsync(response.Json, context.RequestAborted);
    }
}
