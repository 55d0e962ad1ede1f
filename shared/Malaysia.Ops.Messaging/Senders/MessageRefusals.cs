using Malaysia.Ops.Messaging.Configuration;
using Malaysia.Ops.ServiceDefaults.Configuration;
using Malaysia.Ops.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Malaysia.Ops.Messaging.Senders;

/// <summary>Refuses a message a consumer must not act on: counted by kind, logged with its sender
/// and what is wrong, and thrown as an <see cref="InvalidMessageException"/>, so it goes to the
/// endpoint's error queue with that reason and the service carries on.</summary>
public sealed class MessageRefusals(OpsMetrics metrics, IOptions<RabbitMqOptions> broker, IOptions<MessagingOptions> messaging, ILogger<MessageRefusals> logger)
{
    /// <summary>The kind counted for a message from a sender that may not send it.</summary>
    public const string WrongSender = "sender";

    /// <summary>Refuses the message unless its sender may send what <paramref name="rule"/>
    /// covers (a message from this process always may).</summary>
    public void RequireSender(ConsumeContext context, string messageType, SenderRule rule)
    {
        var sender = MessageSender.Of(context);
        if (SenderCheck.Problem(sender, rule, broker.Value.Username) is { } problem)
        {
            throw Refuse(messageType, sender, WrongSender, problem);
        }
    }

    /// <summary>The exception to throw for a message that may yet be allowed: one the endpoint's
    /// retry tries again, or on the last attempt a refusal, counted and logged.</summary>
    public Exception RefuseUnlessRetried(ConsumeContext context, string messageType, string kind, string problem) =>
        context.GetRetryAttempt() < messaging.Value.RetryLimit
            ? new NotYetAllowedException($"{messageType} not yet allowed: {problem}")
            : Refuse(messageType, MessageSender.Of(context), kind, problem);

    /// <summary>Counts and logs a refusal; returns the exception to throw.</summary>
    public InvalidMessageException Refuse(string messageType, MessageSender sender, string kind, string problem)
    {
        metrics.MessagesRefused.Add(1, new("message", messageType), new("reason", kind));
        logger.LogWarning("{Message} from {Sender} refused: {Problem}", messageType, sender, problem);
        return new InvalidMessageException($"{messageType} rejected: {problem}");
    }
}
