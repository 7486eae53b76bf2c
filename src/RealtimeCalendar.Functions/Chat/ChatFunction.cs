using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Chat;

/// <summary>
/// <c>chat</c>: <c>GET /api/chat</c> says whether the chat is ready; <c>POST /api/chat</c> answers a question with
/// <see cref="CalendarAssistant"/>, whose writes reach open tabs through the stream like any other change.
/// </summary>
public sealed class ChatFunction(CalendarAssistant assistant, ChatOptions options, RequestLimit requestLimit, ILogger<ChatFunction> logger)
    : SignedInHttpFunction(FunctionNames.Chat, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken) =>
        route == HttpRoutes.ChatStatus ? await StatusAsync(cancellationToken)
        : route == HttpRoutes.AskChat ? await AskAsync(request, userId, cancellationToken)
        : NoSuchRoute(request);

    private async Task<APIGatewayHttpApiV2ProxyResponse> StatusAsync(CancellationToken cancellationToken)
    {
        var status = await assistant.GetStatusAsync(cancellationToken);
        return status.Configured
            ? HttpResponses.Json(200, new ChatStatus(status.Model, options.MaxTurns, options.MaxTurnLength), FunctionsJsonContext.Wire.ChatStatus)
            : NotConfigured(status.SetupHint ?? "The chat is not configured.");
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> AskAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        if (JsonRequestBody.CheckContentType(request) is { } unsupported)
            return unsupported;
        var (question, problem) = ChatQuestionReader.Read(request.Body, request.IsBase64Encoded);
        if (question is null)
            return HttpResponses.Problem(problem!);

        return await assistant.AnswerAsync(userId, question, cancellationToken) switch
        {
            ChatOutcome.Answered answered => HttpResponses.Json(200, ChatReply.From(answered.Answer), FunctionsJsonContext.Wire.ChatReply),
            ChatOutcome.Invalid invalid => HttpResponses.Validation(invalid.Errors.Select(e => new ProblemField(e.Field, e.Message))),
            ChatOutcome.LimitReached limit => HttpResponses.TooManyRequests(limit.Detail, limit.RetryAfter),
            ChatOutcome.Unavailable { Configured: false } unavailable => NotConfigured(unavailable.Detail),
            ChatOutcome.Unavailable unavailable => HttpResponses.Problem(
                503, ProblemTypes.ChatModelUnavailable, "The chat model is not answering.", unavailable.Detail, unavailable.RetryAfter),
            var other => throw new InvalidOperationException($"Unhandled chat outcome {other.GetType().Name}."),
        };
    }

    private static APIGatewayHttpApiV2ProxyResponse NotConfigured(string detail) =>
        HttpResponses.Problem(503, ProblemTypes.ChatUnavailable, "Chat is not configured.", detail);
}
